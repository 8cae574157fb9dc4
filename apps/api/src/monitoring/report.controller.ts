import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { h } from 'preact';
import type { Actor } from '../../../../libs/domain/src/index.js';
import { CurrentActor } from '../auth/auth.decorators.js';
import { CycleQueryDoc, cycleQuery, uuidParam } from '../http/param-pipes.js';
import { uiFor, uiLanguageOf } from '../views/i18n.js';
import { renderPage } from '../views/render.js';
import { CycleReportService } from './cycle-report.service.js';
import { EffectivenessReportResponse } from './report.dto.js';
import { ReportPage } from './views/report.page.js';

@ApiTags('programs')
@ApiBearerAuth()
@Controller('programs/:id')
export class ReportController {
  constructor(private readonly reports: CycleReportService) {}

  @Get('report')
  @ApiOperation({
    summary:
      'A cycle’s effectiveness and ROI report as JSON (the owner, the sponsor, the steering group): ROI evidence aggregated with its facts, competency progress, participation, KPIs against targets.',
    description:
      'The running cycle by default, as of now; `?cycle=n` for an earlier one, which reads as it stood when it ended (`frozenAt`) — a renewal never hides it. `comparison`: for each monetised fact whose measure was imported for everyone (POST /outcome-measures/import), the effect against comparable managers (GET /programs/{id}/effect, same privacy rules: the sponsor sees aggregates of at least 5 people, else `withheld`) and both ROI figures side by side, each labelled: `beforeAfter` (the mentees’ own change × the agreed attribution share) and `fromEstimate` (the estimated effect × value per unit, with its interval; null when withheld).',
  })
  @CycleQueryDoc()
  @ApiOkResponse({ type: EffectivenessReportResponse })
  async reportJson(
    @Param('id', uuidParam) id: string,
    @Query('cycle', cycleQuery) cycle: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<EffectivenessReportResponse> {
    return (await this.reports.report(id, actor, cycle)).report;
  }

  @Get('report.html')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  @CycleQueryDoc()
  @ApiOperation({
    summary:
      'The same report as a readable page with charts (the owner, the sponsor, the steering group), in English or French (`?lang=`).',
    description:
      'Shows both ROI figures per monetised measure, each labelled — before/after, and from the effect estimated against comparable managers with its 95 % interval — under the same privacy rule as the JSON (aggregates of at least 5 people for the sponsor).',
  })
  async reportPage(
    @Param('id', uuidParam) id: string,
    @Query('cycle', cycleQuery) cycle: number | undefined,
    @CurrentActor() actor: Actor,
    @Query('lang') lang?: string,
  ): Promise<string> {
    const ui = uiFor(uiLanguageOf([], lang));
    const { row, report } = await this.reports.report(id, actor, cycle, ui.lang);
    return renderPage(
      h(ReportPage, {
        ui,
        programName: row.name,
        report,
        cycleHref: (c) => `/programs/${row.id}/report.html?cycle=${c}&lang=${ui.lang}`,
      }),
    );
  }
}
