import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LivenessResponse, ReadinessResponse } from './health.dto.js';
import { HealthQueries, WorkflowFaultQueries } from '../../../../libs/persistence/src/index.js';
import { Public } from '../auth/auth.decorators.js';
import { WorkflowGateway } from '../workflows/workflow-gateway.js';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: HealthQueries,
    private readonly faults: WorkflowFaultQueries,
    private readonly workflows: WorkflowGateway,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers.' })
  @ApiOkResponse({ type: LivenessResponse })
  live(): LivenessResponse {
    return { status: 'ok' };
  }

  @Get('ready')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Readiness: Postgres and Temporal both answer (503 otherwise).',
    description:
      'Also counts the workflows with an open fault (appends failing, Updates answered late): `workflows` is "degraded" when there are any, ' +
      'which does not make this process unready — see GET /operations/workflow-faults and docs/RELIABILITY.md.',
  })
  @ApiOkResponse({ type: ReadinessResponse })
  async ready(): Promise<ReadinessResponse> {
    const [postgres, temporal] = await Promise.allSettled([this.database.ping(), this.workflows.ping()]);
    if (postgres.status === 'rejected' || temporal.status === 'rejected') {
      throw new ServiceUnavailableException({
        code: 'NOT_READY',
        message: 'a dependency does not answer',
        postgres: postgres.status === 'fulfilled' ? 'ok' : String(postgres.reason),
        temporal: temporal.status === 'fulfilled' ? 'ok' : String(temporal.reason),
      });
    }
    const workflowFaults = await this.faults.count();
    const degraded = Object.values(workflowFaults).some((n) => n > 0);
    return { status: 'ok', postgres: 'ok', temporal: 'ok', workflows: degraded ? 'degraded' : 'ok', workflowFaults };
  }
}
