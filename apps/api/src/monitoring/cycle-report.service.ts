import { Injectable } from '@nestjs/common';
import {
  assumptionsOf,
  limitsOf,
  summaryOf,
  type Actor,
  type Language,
  type ReportComparison,
} from '../../../../libs/domain/src/index.js';
import type { ProgramRecord } from '../../../../libs/persistence/src/index.js';
import { EffectService } from '../proof/effect.service.js';
import { MonitoringService } from './monitoring.service.js';
import type { EffectivenessReportResponse } from './report.dto.js';

/** The effect's plain words in the reader's language (the estimate itself says them in English). */
const inLanguage = (c: ReportComparison, lang: Language): ReportComparison =>
  c.effect.visibility === 'withheld'
    ? c
    : { ...c, effect: { ...c.effect, summary: summaryOf(c.effect, lang), limits: limitsOf(c.effect, lang) } };

/**
 * A cycle's report with the comparison beside it (per monetised measure, the effect and both ROI
 * figures): what GET /programs/:id/report answers (in English), and what its HTML page, the
 * dashboard's report and the program page's proof block show, in the reader's language.
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
    lang: Language = 'en',
  ): Promise<{ row: ProgramRecord; report: EffectivenessReportResponse }> {
    const { row, view, report, evidence } = await this.monitoring.report(id, actor, cycle);
    const comparison = await this.effects.reportComparison(id, actor, evidence, report.roi.currency, view.state);
    return {
      row,
      report: {
        ...report,
        roi: { ...report.roi, assumptions: assumptionsOf(evidence, lang) },
        comparison: comparison.map((c) => inLanguage(c, lang)),
      },
    };
  }
}
