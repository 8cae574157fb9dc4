import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { h } from 'preact';
import type { Actor } from '../../../../libs/domain/src/index.js';
import { CurrentActor } from '../auth/auth.decorators.js';
import { CycleQueryDoc, cycleQuery, uuidParam } from '../http/param-pipes.js';
import { uiFor, uiLanguageOf } from '../views/i18n.js';
import { renderPage } from '../views/render.js';
import { MonitoringService } from './monitoring.service.js';
import { EffectivenessReportResponse } from './report.dto.js';
import { ReportPage } from './views/report.page.js';

@ApiTags('programs')
@ApiBearerAuth()
@Controller('programs/:id')
export class ReportController {
  constructor(private readonly monitoring: MonitoringService) {}

  @Get('report')
  @ApiOperation({
    summary:
      'A cycle’s effectiveness and ROI report as JSON (the owner, the sponsor, the steering group): ROI evidence aggregated with its facts, competency progress, participation, KPIs against targets.',
    description:
      'The running cycle by default, as of now; `?cycle=n` for an earlier one, which reads as it stood when it ended (`frozenAt`) — a renewal never hides it.',
  })
  @CycleQueryDoc()
  @ApiOkResponse({ type: EffectivenessReportResponse })
  async reportJson(
    @Param('id', uuidParam) id: string,
    @Query('cycle', cycleQuery) cycle: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<EffectivenessReportResponse> {
    return (await this.monitoring.report(id, actor, cycle)).report;
  }

  @Get('report.html')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  @CycleQueryDoc()
  @ApiOperation({
    summary:
      'The same report as a readable page with charts (the owner, the sponsor, the steering group), in English or French (`?lang=`).',
  })
  async reportPage(
    @Param('id', uuidParam) id: string,
    @Query('cycle', cycleQuery) cycle: number | undefined,
    @CurrentActor() actor: Actor,
    @Query('lang') lang?: string,
  ): Promise<string> {
    const { row, report } = await this.monitoring.report(id, actor, cycle);
    const ui = uiFor(uiLanguageOf([], lang));
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
