import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { countWorkflowFaults, type WorkflowFaultKind } from '../../../../libs/persistence/src/index.js';
import { Public } from '../auth/auth.decorators.js';
import { DATA_SOURCE, TEMPORAL_CLIENT } from '../tokens.js';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DATA_SOURCE) private readonly db: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers.' })
  live(): { status: 'ok' } {
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
  async ready(): Promise<{
    status: 'ok';
    postgres: 'ok';
    temporal: 'ok';
    workflows: 'ok' | 'degraded';
    workflowFaults: Record<WorkflowFaultKind, number>;
  }> {
    const [postgres, temporal] = await Promise.allSettled([
      this.db.query('SELECT 1'),
      this.temporal.workflowService.getSystemInfo({}),
    ]);
    if (postgres.status === 'rejected' || temporal.status === 'rejected') {
      throw new ServiceUnavailableException({
        code: 'NOT_READY',
        message: 'a dependency does not answer',
        postgres: postgres.status === 'fulfilled' ? 'ok' : String(postgres.reason),
        temporal: temporal.status === 'fulfilled' ? 'ok' : String(temporal.reason),
      });
    }
    const workflowFaults = await countWorkflowFaults(this.db);
    const degraded = Object.values(workflowFaults).some((n) => n > 0);
    return { status: 'ok', postgres: 'ok', temporal: 'ok', workflows: degraded ? 'degraded' : 'ok', workflowFaults };
  }
}
