import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators.js';
import { badField } from '../http/api-error.js';
import { checkpointParam, uuidParam } from '../http/param-pipes.js';
import {
  CheckpointDecisionDto,
  KickoffDto,
  LogSessionDto,
  ReasonDto,
  ReviewDto,
  SurveyDto,
  TerminationDto,
} from '../mentorships/dto/mentorship-actions.dto.js';
import { MentorshipActionsController as Json } from '../mentorships/mentorship-actions.controller.js';
import { MentorshipActionsService } from '../mentorships/mentorship-actions.service.js';
import { DashboardSession, jsonRoute, type PageAction } from './dashboard-session.js';
import { all, checked, dtoOf, items, keyed, keyOf, number, text, utc, type FormBody } from './form-values.js';
import { kickoffOf, survey } from './mentorship-forms.js';

/**
 * The mentorship page's forms. Each builds its JSON route's DTO, checks it with the same pipe, and
 * runs the same service method under that route's roles and with the form's Idempotency-Key.
 */
@ApiExcludeController()
@Public()
@Controller('dashboard/mentorships/:id')
export class MentorshipPageActionsController {
  constructor(
    private readonly session: DashboardSession,
    private readonly mentorships: MentorshipActionsService,
  ) {}

  private act(
    req: Request,
    res: Response,
    id: string,
    form: FormBody,
    { method, ...action }: Pick<PageAction, 'run' | 'done'> & { method: keyof Json },
  ) {
    return this.session.act(req, res, {
      route: jsonRoute(Json, method),
      back: `/dashboard/mentorships/${id}`,
      key: keyOf(form),
      ...action,
    });
  }

  /** The reason a form gives, checked as its JSON route checks it. */
  private static async reason(form: FormBody): Promise<string> {
    return (await dtoOf(ReasonDto, { reason: text(form, 'reason') })).reason;
  }

  @Post('approval')
  approve(@Param('id', uuidParam) id: string, @Body() form: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.act(req, res, id, form, {
      method: 'approve',
      done: 'done.pair-approved',
      run: (actor, key) => this.mentorships.approve(id, actor, key),
    });
  }

  @Post('kickoff')
  kickoff(@Param('id', uuidParam) id: string, @Body() form: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.act(req, res, id, form, {
      method: 'kickoff',
      done: 'done.goals-agreed',
      run: async (actor, key) => this.mentorships.kickoff(id, await dtoOf(KickoffDto, kickoffOf(form)), actor, key),
    });
  }

  @Post('sessions')
  logSession(@Param('id', uuidParam) id: string, @Body() form: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.act(req, res, id, form, {
      method: 'logSession',
      done: 'done.logged',
      run: async (actor, key) => {
        const dto = await dtoOf(LogSessionDto, {
          heldAt: utc(text(form, 'heldAt')),
          minutes: number(form, 'minutes'),
          topics: items(text(form, 'topics')),
          competencies: all(form, 'competencies'),
          ...(text(form, 'sharedNotes') ? { sharedNotes: text(form, 'sharedNotes') } : {}),
          ...(text(form, 'privateNotes') ? { privateNotes: text(form, 'privateNotes') } : {}),
        });
        return this.mentorships.logSession(id, dto, actor, key);
      },
    });
  }

  @Post('pulse')
  pulse(@Param('id', uuidParam) id: string, @Body() form: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.act(req, res, id, form, {
      method: 'pulse',
      done: 'done.pulse',
      run: async (actor, key) => this.mentorships.pulse(id, await dtoOf(SurveyDto, survey(form)), actor, key),
    });
  }

  @Post('checkpoints/:checkpoint/decision')
  decide(
    @Param('id', uuidParam) id: string,
    @Param('checkpoint', checkpointParam) checkpoint: number,
    @Body() form: FormBody,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.act(req, res, id, form, {
      method: 'decide',
      done: 'done.decided',
      run: async (actor, key) => {
        const guidance = text(form, 'guidance');
        const dto = await dtoOf(CheckpointDecisionDto, {
          decision: text(form, 'decision'),
          ...(guidance ? { guidance } : {}),
        });
        return this.mentorships.decideCheckpoint(id, checkpoint, dto, actor, key);
      },
    });
  }

  @Post('reviews/:stage')
  review(
    @Param('id', uuidParam) id: string,
    @Param('stage') stage: string,
    @Body() form: FormBody,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.act(req, res, id, form, {
      method: 'review',
      done: 'done.reviewed',
      run: async (actor, key) => {
        if (stage !== 'midterm' && stage !== 'final') throw badField('stage', 'must be one of midterm, final');
        const dto = await dtoOf(ReviewDto, {
          survey: survey(form),
          levels: keyed(form, 'level:'),
          factsAfter: keyed(form, 'fact:'),
        });
        return this.mentorships.review(id, stage, dto, actor, key);
      },
    });
  }

  @Post('pause')
  pause(@Param('id', uuidParam) id: string, @Body() form: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.act(req, res, id, form, {
      method: 'pause',
      done: 'done.paused',
      run: async (actor, key) =>
        this.mentorships.pause(id, await MentorshipPageActionsController.reason(form), actor, key),
    });
  }

  @Post('resume')
  resume(@Param('id', uuidParam) id: string, @Body() form: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.act(req, res, id, form, {
      method: 'resume',
      done: 'done.resumed',
      run: (actor, key) => this.mentorships.resume(id, actor, key),
    });
  }

  @Post('extra-checkpoint')
  extra(@Param('id', uuidParam) id: string, @Body() form: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.act(req, res, id, form, {
      method: 'extraCheckpoint',
      done: 'done.extra-checkpoint',
      run: async (actor, key) =>
        this.mentorships.extraCheckpoint(id, await MentorshipPageActionsController.reason(form), actor, key),
    });
  }

  @Post('termination')
  terminate(@Param('id', uuidParam) id: string, @Body() form: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.act(req, res, id, form, {
      method: 'terminate',
      done: 'done.terminated',
      run: async (actor, key) => {
        const dto = await dtoOf(TerminationDto, { reason: text(form, 'reason'), rematch: checked(form, 'rematch') });
        return this.mentorships.terminate(id, dto.reason, dto.rematch ?? false, actor, key);
      },
    });
  }
}
