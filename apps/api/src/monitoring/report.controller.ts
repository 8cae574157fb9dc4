import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { h } from 'preact';
import type { Actor, EffectivenessReport } from '../../../../libs/domain/src/index.js';
import { CurrentActor } from '../auth/auth.decorators.js';
import { uuidParam } from '../http/param-pipes.js';
import { renderPage } from '../views/render.js';
import { MonitoringService } from './monitoring.service.js';
import { ReportPage } from './views/report.page.js';

@ApiTags('programs')
@ApiBearerAuth()
@Controller('programs/:id')
export class ReportController {
  constructor(private readonly monitoring: MonitoringService) {}

  @Get('report')
  @ApiOperation({
    summary:
      'The cycle’s effectiveness and ROI report as JSON (the owner and the sponsor): ROI evidence aggregated with its facts, competency progress, participation, KPIs against targets.',
  })
  async reportJson(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<EffectivenessReport> {
    return (await this.monitoring.report(id, actor)).report;
  }

  @Get('report.html')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'The same report as a readable page with charts (the owner and the sponsor).' })
  async reportPage(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<string> {
    const { name, report } = await this.monitoring.report(id, actor);
    return renderPage(h(ReportPage, { programName: name, report }));
  }
}
