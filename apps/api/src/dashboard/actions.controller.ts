import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators.js';
import { checkpointParam, reviewParam, uuidParam } from '../http/param-pipes.js';
import { MentorshipActionsController } from '../mentorships/mentorship-actions.controller.js';
import { MentorshipActionsService } from '../mentorships/mentorship-actions.service.js';
import { ReviewsController } from '../reviews/reviews.controller.js';
import { ReviewsService } from '../reviews/reviews.service.js';
import { DashboardSession, jsonRoute } from './dashboard-session.js';
import { DecisionForm, ReviewForm, SessionForm } from './forms.js';

/**
 * The dashboard's forms. Each runs the service method of its JSON route, under that route's roles
 * and with the form's Idempotency-Key, so a refusal there is the same refusal here.
 */
@ApiExcludeController()
@Public()
@Controller('dashboard')
export class ActionsController {
  constructor(
    private readonly session: DashboardSession,
    private readonly mentorships: MentorshipActionsService,
    private readonly reviews: ReviewsService,
  ) {}

  @Post('mentorships/:id/checkpoints/:checkpoint/decision')
  decide(
    @Param('id', uuidParam) id: string,
    @Param('checkpoint', checkpointParam) checkpoint: number,
    @Body() form: DecisionForm,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.session.act(req, res, {
      route: jsonRoute(MentorshipActionsController, 'decide'),
      back: `/dashboard/mentorships/${id}`,
      done: 'done.decided',
      key: form.idempotencyKey,
      run: (actor, key) =>
        this.mentorships.decideCheckpoint(
          id,
          checkpoint,
          { decision: form.decision, ...(form.guidance ? { guidance: form.guidance } : {}) },
          actor,
          key,
        ),
    });
  }

  @Post('programs/:id/reviews/:review/keep')
  keepCourse(
    @Param('id', uuidParam) id: string,
    @Param('review', reviewParam) review: number,
    @Body() form: ReviewForm,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.session.act(req, res, {
      route: jsonRoute(ReviewsController, 'decide'),
      back: `/dashboard/programs/${id}`,
      done: 'done.kept',
      key: form.idempotencyKey,
      run: (actor, key) => this.reviews.decide(id, review, { decision: 'keep', notes: form.notes }, actor, key),
    });
  }

  @Post('mentorships/:id/sessions')
  logSession(@Param('id', uuidParam) id: string, @Body() form: SessionForm, @Req() req: Request, @Res() res: Response) {
    const topics = form.topics
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    return this.session.act(req, res, {
      route: jsonRoute(MentorshipActionsController, 'logSession'),
      back: `/dashboard/mentorships/${id}`,
      done: 'done.logged',
      key: form.idempotencyKey,
      run: (actor, key) =>
        this.mentorships.logSession(
          id,
          { heldAt: new Date().toISOString(), minutes: form.minutes, topics, competencies: [] },
          actor,
          key,
        ),
    });
  }
}
