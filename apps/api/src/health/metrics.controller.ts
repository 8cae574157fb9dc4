import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AppMetrics } from '../../../../libs/platform/src/index.js';
import { Public } from '../auth/auth.decorators.js';
import { METRICS } from '../tokens.js';

@ApiTags('health')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(METRICS) private readonly metrics: AppMetrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  @ApiOperation({
    summary: 'Prometheus metrics of this API process (HTTP requests by route and status, Node runtime).',
  })
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
