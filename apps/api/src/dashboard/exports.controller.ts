import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators.js';
import { cycleQuery, uuidParam } from '../http/param-pipes.js';
import { MonitoringController } from '../monitoring/monitoring.controller.js';
import { MentorshipPlanningController } from '../mentorships/mentorship-planning.controller.js';
import { ReportController } from '../monitoring/report.controller.js';
import { toCsv } from '../views/csv.js';
import { DashboardService } from './dashboard.service.js';
import { DashboardSession, jsonRoute } from './dashboard-session.js';
import { ProgramViewService } from './program-view.service.js';
import { CycleReportService } from '../monitoring/cycle-report.service.js';

/** Lists as CSV files, for a spreadsheet: the same rows and access rules as the pages (and their JSON routes). */
@ApiExcludeController()
@Public()
@Controller('dashboard')
export class ExportsController {
  constructor(
    private readonly session: DashboardSession,
    private readonly dashboard: DashboardService,
    private readonly programs: ProgramViewService,
    private readonly reports: CycleReportService,
  ) {}

  @Get('mentorships.csv')
  mine(
    @Req() req: Request,
    @Res() res: Response,
    @Query() q: { lang?: string; q?: string; phase?: string; sort?: string },
  ) {
    return this.session.file(req, res, q.lang, 'mentorships.csv', async ({ actor, ui }) => {
      const { list } = await this.dashboard.mentorships(actor, q);
      const { t } = ui;
      return toCsv(
        [t.program, t.mentee, t.mentor, t.role, t.phase, t.sessions, t.nextSession],
        list.map((m) => [
          m.program,
          m.mentee,
          m.mentor,
          t[m.role],
          ui.phase(m.phase),
          m.sessions,
          m.nextSessionDue ?? '',
        ]),
      );
    });
  }

  @Get('programs/:id/mentorships.csv')
  programMentorships(
    @Param('id', uuidParam) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @Query('cycle', cycleQuery) cycle: number | undefined,
    @Query('lang') lang?: string,
  ) {
    return this.session.file(req, res, lang, 'mentorships.csv', async ({ actor, ui }) => {
      this.session.allow(actor, jsonRoute(MentorshipPlanningController, 'ofProgram'));
      const view = await this.programs.view(id, actor, ui, {}, cycle);
      const { t } = ui;
      return toCsv(
        [t.mentee, t.mentor, t.supervisor, t.phase, t.sessions, t.atRisk],
        (view.execution?.list ?? []).map((m) => [
          m.mentee,
          m.mentor,
          m.supervisor,
          ui.phase(m.phase),
          m.sessions,
          m.atRisk ? t.yes : t.no,
        ]),
      );
    });
  }

  @Get('programs/:id/monitoring.csv')
  programMonitoring(
    @Param('id', uuidParam) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @Query('cycle', cycleQuery) cycle: number | undefined,
    @Query('lang') lang?: string,
  ) {
    return this.session.file(req, res, lang, 'monitoring.csv', async ({ actor, ui }) => {
      this.session.allow(actor, jsonRoute(MonitoringController, 'indicators'));
      const view = await this.programs.view(id, actor, ui, {}, cycle);
      const { t } = ui;
      return toCsv(
        [t.mentee, t.mentor, t.why, t.notes],
        (view.execution?.atRisk ?? []).flatMap((r) =>
          r.reasons.map((x) => [r.mentee, r.mentor, ui.reason(x.code), x.detail]),
        ),
      );
    });
  }

  @Get('programs/:id/report.csv')
  report(
    @Param('id', uuidParam) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @Query('cycle', cycleQuery) cycle: number | undefined,
    @Query('lang') lang?: string,
  ) {
    return this.session.file(req, res, lang, 'report.csv', async ({ actor, ui }) => {
      this.session.allow(actor, jsonRoute(ReportController, 'reportJson'));
      const { report } = await this.reports.report(id, actor, cycle);
      const { t } = ui;
      return toCsv(
        [t.mentorships, t.factColumn, t.source, t.beforeAfter, t.improvement, t.benefit],
        report.facts.map((f) => [
          `${f.mentee} ← ${f.mentor}`,
          f.name,
          f.source,
          `${f.before} → ${f.after} ${f.unit}`,
          f.improvement,
          f.value ?? '',
        ]),
      );
    });
  }
}
