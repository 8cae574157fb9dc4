import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { h } from 'preact';
import { Public } from '../auth/auth.decorators.js';
import { cycleQuery, uuidParam } from '../http/param-pipes.js';
import { noticeOf } from '../views/notices.js';
import { DashboardService } from './dashboard.service.js';
import { DashboardSession } from './dashboard-session.js';
import { HomePage } from './views/home.page.js';
import { MentorshipPage } from './views/mentorship.page.js';
import { ProgramPage } from './views/program.page.js';
import { TrainingPage } from './views/training.page.js';

/** The dashboard's pages: plain HTML with forms, no script, the reader signed in by a session. */
@ApiExcludeController()
@Public()
@Controller('dashboard')
export class PagesController {
  constructor(
    private readonly session: DashboardSession,
    private readonly dashboard: DashboardService,
  ) {}

  @Get()
  home(@Req() req: Request, @Res() res: Response, @Query('lang') lang?: string) {
    return this.session.page(req, res, lang, async ({ actor, ui }) =>
      h(HomePage, { ui, view: await this.dashboard.home(actor) }),
    );
  }

  @Get('programs/:id')
  program(
    @Param('id', uuidParam) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @Query() outcome: { lang?: string; notice?: string },
    @Query('cycle', cycleQuery) cycle: number | undefined,
  ) {
    return this.session.page(req, res, outcome.lang, async ({ actor, ui }) =>
      h(ProgramPage, { ui, view: await this.dashboard.program(id, actor, cycle), notice: noticeOf(outcome.notice) }),
    );
  }

  @Get('programs/:id/training')
  training(
    @Param('id', uuidParam) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @Query('lang') lang?: string,
  ) {
    return this.session.page(req, res, lang, async ({ actor, ui }) =>
      h(TrainingPage, { ui, view: await this.dashboard.training(id, actor) }),
    );
  }

  @Get('mentorships/:id')
  mentorship(
    @Param('id', uuidParam) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @Query() outcome: { lang?: string; notice?: string },
  ) {
    return this.session.page(req, res, outcome.lang, async ({ actor, ui }) =>
      h(MentorshipPage, {
        ui,
        view: await this.dashboard.mentorship(id, actor),
        notice: noticeOf(outcome.notice),
      }),
    );
  }
}
