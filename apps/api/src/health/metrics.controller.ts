import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AppMetrics } from '../../../../libs/platform/src/index.js';
import { WorkflowFaultQueries } from '../../../../libs/persistence/src/index.js';
import { Roles, ScrapeSecret } from '../auth/auth.decorators.js';
import { METRICS } from '../tokens.js';

@ApiTags('health')
@ApiBearerAuth()
@Roles('operator')
@ScrapeSecret()
@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(METRICS) private readonly metrics: AppMetrics,
    private readonly faults: WorkflowFaultQueries,
  ) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  @ApiOperation({
    summary:
      'Prometheus metrics of this API process (HTTP requests by route and status, Node runtime): with a token of the operator role, or the METRICS_TOKEN secret as bearer.',
  })
  async scrape(): Promise<string> {
    // Read at scrape time from the shared table: every API replica reports the same, whole figure.
    const faults = await this.faults.count().catch(() => null);
    if (faults) for (const [kind, n] of Object.entries(faults)) this.metrics.workflowFaults.set({ kind }, n);
    return this.metrics.registry.metrics();
  }
}
