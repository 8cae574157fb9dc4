import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators.js';
import { CycleController } from '../cycle/cycle.controller.js';
import { CycleService } from '../cycle/cycle.service.js';
import { LessonsDto, RenewalDto } from '../cycle/lessons.dto.js';
import { TrainingSessionDto } from '../cycle/training.dto.js';
import { reviewParam, uuidParam } from '../http/param-pipes.js';
import { StartMentorshipDto } from '../mentorships/dto/mentorship-actions.dto.js';
import { MentorshipPlanningController } from '../mentorships/mentorship-planning.controller.js';
import { MentorshipPlanningService } from '../mentorships/mentorship-planning.service.js';
import { ReviewDecisionDto } from '../reviews/review.dto.js';
import { ReviewsController } from '../reviews/reviews.controller.js';
import { ReviewsService } from '../reviews/reviews.service.js';
import { DashboardSession, jsonRoute, type PageAction } from './dashboard-session.js';
import { all, dtoOf, keyOf, lines, text, utc, type FormBody } from './form-values.js';
import { objectivesOf } from './program-actions.controller.js';

/** The cycle after matching, from the program page: training, supervisors, execution, reviews, evaluation, renewal. */
@ApiExcludeController()
@Public()
@Controller('dashboard/programs')
export class CyclePageActionsController {
  constructor(
    private readonly session: DashboardSession,
    private readonly cycle: CycleService,
    private readonly planning: MentorshipPlanningService,
    private readonly reviews: ReviewsService,
  ) {}

  private act(req: Request, res: Response, id: string, form: FormBody, action: Omit<PageAction, 'back' | 'key'>) {
    return this.session.act(req, res, { back: `/dashboard/programs/${id}`, key: keyOf(form), ...action });
  }

  @Post(':id/training-sessions')
  training(@Param('id', uuidParam) id: string, @Body() form: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.act(req, res, id, form, {
      route: jsonRoute(CycleController, 'recordTraining'),
      done: 'done.training-recorded',
      run: async (actor, key) => {
        const dto = await dtoOf(TrainingSessionDto, {
          audience: text(form, 'audience'),
          title: text(form, 'title'),
          heldAt: utc(text(form, 'heldAt')),
          materials: text(form, 'material') ? [text(form, 'material')] : [],
          attendees: all(form, 'attendees'),
        });
        return this.cycle.recordTraining(id, dto, actor, key);
      },
    });
  }

  @Post(':id/mentorships')
  assignSupervisor(
    @Param('id', uuidParam) id: string,
    @Body() form: FormBody,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.act(req, res, id, form, {
      route: jsonRoute(MentorshipPlanningController, 'plan'),
      done: 'done.supervisor-assigned',
      run: async (actor, key) => {
        const dto = await dtoOf(StartMentorshipDto, {
          menteeId: text(form, 'menteeId'),
          supervisorId: text(form, 'supervisorId'),
        });
        return this.planning.plan(id, dto, actor, key);
      },
    });
  }

  @Post(':id/execution')
  execution(@Param('id', uuidParam) id: string, @Body() form: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.act(req, res, id, form, {
      route: jsonRoute(CycleController, 'startExecution'),
      done: 'done.execution-started',
      run: (actor, key) => this.cycle.startExecution(id, actor, key),
    });
  }

  @Post(':id/reviews/:review/:decision')
  review(
    @Param('id', uuidParam) id: string,
    @Param('review', reviewParam) review: number,
    @Param('decision') decision: string,
    @Body() form: FormBody,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.act(req, res, id, form, {
      route: jsonRoute(ReviewsController, 'decide'),
      done: decision === 'keep' ? 'done.kept' : 'done.decided',
      run: async (actor, key) => {
        const adjust = decision === 'adjust';
        const dto = await dtoOf(ReviewDecisionDto, {
          decision: adjust ? 'adjust' : decision === 'keep' ? 'keep' : decision,
          notes: text(form, 'notes'),
          ...(adjust ? { objectives: objectivesOf(form) } : {}),
        });
        return this.reviews.decide(
          id,
          review,
          {
            decision: dto.decision,
            notes: dto.notes,
            ...(dto.objectives
              ? { objectives: dto.objectives.map((o) => ({ title: o.title, kpis: o.kpis.map((k) => ({ ...k })) })) }
              : {}),
          },
          actor,
          key,
        );
      },
    });
  }

  @Post(':id/evaluation')
  evaluation(@Param('id', uuidParam) id: string, @Body() form: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.act(req, res, id, form, {
      route: jsonRoute(CycleController, 'startEvaluation'),
      done: 'done.evaluation-started',
      run: (actor, key) => this.cycle.startEvaluation(id, actor, key),
    });
  }

  @Post(':id/lessons')
  lessons(@Param('id', uuidParam) id: string, @Body() form: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.act(req, res, id, form, {
      route: jsonRoute(CycleController, 'recordLessons'),
      done: 'done.lessons-recorded',
      run: async (actor, key) => {
        const dto = await dtoOf(LessonsDto, {
          whatWorked: lines(text(form, 'whatWorked')),
          whatToChange: lines(text(form, 'whatToChange')),
        });
        return this.cycle.recordLessons(id, { whatWorked: dto.whatWorked, whatToChange: dto.whatToChange }, actor, key);
      },
    });
  }

  @Post(':id/renewal')
  renew(@Param('id', uuidParam) id: string, @Body() form: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.act(req, res, id, form, {
      route: jsonRoute(CycleController, 'renew'),
      done: 'done.renewed',
      run: async (actor, key) => {
        const dto = await dtoOf(RenewalDto, { continuing: all(form, 'continuing') });
        return this.cycle.renew(id, dto.continuing ?? [], actor, key);
      },
    });
  }

  @Post(':id/closure')
  close(@Param('id', uuidParam) id: string, @Body() form: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.act(req, res, id, form, {
      route: jsonRoute(CycleController, 'close'),
      done: 'done.program-closed',
      run: (actor, key) => this.cycle.close(id, actor, key),
    });
  }
}
