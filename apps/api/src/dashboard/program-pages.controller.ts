import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { h } from 'preact';
import type { MatchingRequest, MatchingResult } from '../../../../libs/domain/src/index.js';
import { PeopleQueries } from '../../../../libs/persistence/src/index.js';
import { Public } from '../auth/auth.decorators.js';
import { cycleQuery, uuidParam, versionParam } from '../http/param-pipes.js';
import { MatchingService } from '../matching/matching.service.js';
import { CycleReportService } from '../monitoring/cycle-report.service.js';
import { ReportBody } from '../monitoring/views/report.page.js';
import { ProgramsController } from '../programs/programs.controller.js';
import { ProgramsService } from '../programs/programs.service.js';
import { noticeOf } from '../views/notices.js';
import { DashboardSession, jsonRoute } from './dashboard-session.js';
import { ProgramViewService } from './program-view.service.js';
import { DashboardLayout } from './views/layout.js';
import { NewProgramPage } from './views/program-new.page.js';
import { ProgramPage } from './views/program.page.js';
import { ProposalPage } from './views/proposal.page.js';
import { TrainingPage } from './views/training.page.js';

type Outcome = { lang?: string; notice?: string };

/** A program's pages: the program itself, planning a new one, a matching proposal, the cycle's report. */
@ApiExcludeController()
@Public()
@Controller('dashboard/programs')
export class ProgramPagesController {
  constructor(
    private readonly session: DashboardSession,
    private readonly view: ProgramViewService,
    private readonly programs: ProgramsService,
    private readonly matching: MatchingService,
    private readonly reports: CycleReportService,
    private readonly people: PeopleQueries,
  ) {}

  @Get('new')
  newProgram(@Req() req: Request, @Res() res: Response, @Query() q: Outcome) {
    return this.session.page(req, res, q.lang, async ({ actor, ui }) => {
      this.session.allow(actor, jsonRoute(ProgramsController, 'create'));
      const people = (await this.people.page({ status: 'active', limit: 1000, offset: 0 })).items;
      return h(NewProgramPage, {
        ui,
        people: people
          .filter((p) => p.id !== actor.personId)
          .map((p) => ({ value: p.id, label: `${p.name} (${p.department})` })),
        notice: noticeOf(q.notice),
      });
    });
  }

  @Get(':id')
  program(
    @Param('id', uuidParam) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @Query() q: Outcome & { q?: string; phase?: string; sort?: string },
    @Query('cycle', cycleQuery) cycle: number | undefined,
  ) {
    return this.session.page(req, res, q.lang, async ({ actor, ui }) =>
      h(ProgramPage, { ui, view: await this.view.view(id, actor, ui, q, cycle), notice: noticeOf(q.notice) }),
    );
  }

  @Get(':id/training')
  training(@Param('id', uuidParam) id: string, @Req() req: Request, @Res() res: Response, @Query() q: Outcome) {
    return this.session.page(req, res, q.lang, async ({ actor, ui }) =>
      h(TrainingPage, { ui, view: await this.view.trainingPlan(id, actor) }),
    );
  }

  @Get(':id/proposals/:version')
  proposal(
    @Param('id', uuidParam) id: string,
    @Param('version', versionParam) version: number,
    @Req() req: Request,
    @Res() res: Response,
    @Query() q: Outcome,
  ) {
    return this.session.page(req, res, q.lang, async ({ actor, ui }) => {
      const p = await this.matching.proposal(id, version, actor);
      const row = await this.programs.findRow(id);
      const request = p.request as MatchingRequest;
      const result = p.result as MatchingResult | null;
      const ids = [
        ...(result?.pairs.flatMap((x) => [x.menteeId, x.mentorId]) ?? []),
        ...(result?.unmatched.flatMap((u) => [u.menteeId, ...u.bestBlocked.map((b) => b.mentorId)]) ?? []),
        ...[...request.pins, ...request.bans].flatMap((d) => [d.menteeId, d.mentorId, d.by]),
      ];
      const names = await this.people.namesOf(ids);
      const name = (pid: string) => names.get(pid) ?? pid;
      const decision = (d: MatchingRequest['pins'][number]) => ({
        mentee: name(d.menteeId),
        mentor: name(d.mentorId),
        by: name(d.by),
        reason: d.reason,
      });
      return h(ProposalPage, {
        ui,
        notice: noticeOf(q.notice),
        view: {
          programId: id,
          programName: row.name,
          version,
          status: p.status,
          failure: p.failure,
          result,
          approved: p.approved,
          canApprove:
            row.ownerId === actor.personId && p.status === 'READY' && !p.approved && row.phase === 'SELECTION_MATCHING',
          pins: request.pins.map(decision),
          bans: request.bans.map(decision),
          name,
        },
      });
    });
  }

  @Get(':id/report')
  report(
    @Param('id', uuidParam) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @Query() q: Outcome,
    @Query('cycle', cycleQuery) cycle: number | undefined,
  ) {
    return this.session.page(req, res, q.lang, async ({ actor, ui }) => {
      const { row, report } = await this.reports.report(id, actor, cycle, ui.lang);
      const title = `${row.name} — ${ui.fill(ui.t.cycle, { n: report.cycle })}`;
      return h(DashboardLayout, {
        ui,
        title,
        here: `/dashboard/programs/${id}/report`,
        children: [
          h(
            'p',
            {},
            h('a', { href: `/dashboard/programs/${id}?cycle=${report.cycle}&lang=${ui.lang}` }, `← ${row.name}`),
          ),
          h(ReportBody, {
            ui,
            report,
            cycleHref: (c: number) => `/dashboard/programs/${id}/report?cycle=${c}&lang=${ui.lang}`,
          }),
        ],
      });
    });
  }
}
