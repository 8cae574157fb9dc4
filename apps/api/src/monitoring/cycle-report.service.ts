import { Injectable } from '@nestjs/common';
import type { Actor } from '../../../../libs/domain/src/index.js';
import type { ProgramRecord } from '../../../../libs/persistence/src/index.js';
import { EffectService } from '../proof/effect.service.js';
import { MonitoringService } from './monitoring.service.js';
import type { EffectivenessReportResponse } from './report.dto.js';

/**
 * A cycle's report with the comparison beside it (per monetised measure, the effect and both ROI
 * figures): what GET /programs/:id/report answers, and what its HTML page and the dashboard show.
 */
@Injectable()
export class CycleReportService {
  constructor(
    private readonly monitoring: MonitoringService,
    private readonly effects: EffectService,
  ) {}

  async report(
    id: string,
    actor: Actor,
    cycle: number | undefined,
  ): Promise<{ row: ProgramRecord; report: EffectivenessReportResponse }> {
    const { row, view, report, evidence } = await this.monitoring.report(id, actor, cycle);
    const comparison = await this.effects.reportComparison(id, actor, evidence, report.roi.currency, view.state);
    return { row, report: { ...report, comparison } };
  }
}
