import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { h } from 'preact';
import { Public } from '../auth/auth.decorators.js';
import { uuidParam } from '../http/param-pipes.js';
import { PilotsService } from '../pilots/pilots.service.js';
import { noticeOf } from '../views/notices.js';
import { DashboardService } from './dashboard.service.js';
import { PeopleController } from '../people/people.controller.js';
import { PilotsController } from '../pilots/pilots.controller.js';
import { DashboardSession, jsonRoute } from './dashboard-session.js';
import { MentorshipViewService } from './mentorship-view.service.js';
import { HomePage } from './views/home.page.js';
import { ImportPage } from './views/import.page.js';
import { MentorshipPage } from './views/mentorship.page.js';
import { PilotPage, PilotsPage } from './views/pilots.page.js';

type Outcome = { lang?: string; notice?: string };

/** The dashboard's pages for everyone: home, a mentorship, the pilots, the HR import. */
@ApiExcludeController()
@Public()
@Controller('dashboard')
export class PagesController {
  constructor(
    private readonly session: DashboardSession,
    private readonly dashboard: DashboardService,
    private readonly mentorships: MentorshipViewService,
    private readonly pilots: PilotsService,
  ) {}

  @Get()
  home(@Req() req: Request, @Res() res: Response, @Query() q: Outcome & { q?: string; phase?: string; sort?: string }) {
    return this.session.page(req, res, q.lang, async ({ actor, ui }) =>
      h(HomePage, { ui, view: await this.dashboard.home(actor, ui, q), notice: noticeOf(q.notice) }),
    );
  }

  @Get('mentorships/:id')
  mentorship(@Param('id', uuidParam) id: string, @Req() req: Request, @Res() res: Response, @Query() q: Outcome) {
    return this.session.page(req, res, q.lang, async ({ actor, ui }) =>
      h(MentorshipPage, { ui, view: await this.mentorships.view(id, actor, ui), notice: noticeOf(q.notice) }),
    );
  }

  @Get('pilots')
  pilotList(@Req() req: Request, @Res() res: Response, @Query() q: Outcome) {
    return this.session.page(req, res, q.lang, async ({ actor, ui }) => {
      this.session.allow(actor, jsonRoute(PilotsController, 'list'));
      return h(PilotsPage, { ui, pilots: await this.pilots.list(actor) });
    });
  }

  @Get('pilots/:id')
  pilot(@Param('id', uuidParam) id: string, @Req() req: Request, @Res() res: Response, @Query() q: Outcome) {
    return this.session.page(req, res, q.lang, async ({ actor, ui }) => {
      this.session.allow(actor, jsonRoute(PilotsController, 'analysis'));
      const { pilot, analysis } = await this.pilots.analysis(id, actor);
      return h(PilotPage, { ui, id, name: pilot.name, analysis });
    });
  }

  @Get('people/import')
  importPage(@Req() req: Request, @Res() res: Response, @Query() q: Outcome) {
    return this.session.page(req, res, q.lang, async ({ actor, ui }) => {
      this.session.allow(actor, jsonRoute(PeopleController, 'import'));
      return h(ImportPage, { ui });
    });
  }
}
