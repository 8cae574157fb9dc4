import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
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
  @ApiOperation({ summary: 'Readiness: Postgres and Temporal both answer (503 otherwise).' })
  async ready(): Promise<{ status: 'ok'; postgres: 'ok'; temporal: 'ok' }> {
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
    return { status: 'ok', postgres: 'ok', temporal: 'ok' };
  }
}
