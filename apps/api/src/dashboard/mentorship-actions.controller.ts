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
import { DashboardSession, jsonRoute } from './dashboard-session.js';
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
    method: keyof Json,
    run: Parameters<DashboardSession['act']>[2]['run'],
    done: Parameters<DashboardSession['act']>[2]['done'],
  ) {
    return this.session.act(req, res, {
      route: jsonRoute(Json, method),
      back: `/dashboard/mentorships/${id}`,
      key: keyOf(form),
      done,
      run,
    });
  }

  @Post('approval')
  approve(@Param('id', uuidParam) id: string, @Body() form: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.act(
      req,
      res,
      id,
      form,
      'approve',
      (actor, key) => this.mentorships.approve(id, actor, key),
      'done.pair-approved',
    );
  }

  @Post('kickoff')
  kickoff(@Param('id', uuidParam) id: string, @Body() form: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.act(
      req,
      res,
      id,
      form,
      'kickoff',
      async (actor, key) => this.mentorships.kickoff(id, await dtoOf(KickoffDto, kickoffOf(form)), actor, key),
      'done.goals-agreed',
    );
  }

  @Post('sessions')
  logSession(@Param('id', uuidParam) id: string, @Body() form: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.act(
      req,
      res,
      id,
      form,
      'logSession',
      async (actor, key) => {
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
      'done.logged',
    );
  }

  @Post('pulse')
  pulse(@Param('id', uuidParam) id: string, @Body() form: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.act(
      req,
      res,
      id,
      form,
      'pulse',
      async (actor, key) => this.mentorships.pulse(id, await dtoOf(SurveyDto, survey(form)), actor, key),
      'done.pulse',
    );
  }

  @Post('checkpoints/:checkpoint/decision')
  decide(
    @Param('id', uuidParam) id: string,
    @Param('checkpoint', checkpointParam) checkpoint: number,
    @Body() form: FormBody,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.act(
      req,
      res,
      id,
      form,
      'decide',
      async (actor, key) => {
        const guidance = text(form, 'guidance');
        const dto = await dtoOf(CheckpointDecisionDto, {
          decision: text(form, 'decision'),
          ...(guidance ? { guidance } : {}),
        });
        return this.mentorships.decideCheckpoint(id, checkpoint, dto, actor, key);
      },
      'done.decided',
    );
  }

  @Post('reviews/:stage')
  review(
    @Param('id', uuidParam) id: string,
    @Param('stage') stage: string,
    @Body() form: FormBody,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.act(
      req,
      res,
      id,
      form,
      'review',
      async (actor, key) => {
        if (stage !== 'midterm' && stage !== 'final') throw badField('stage', 'must be one of midterm, final');
        const dto = await dtoOf(ReviewDto, {
          survey: survey(form),
          levels: keyed(form, 'level:'),
          factsAfter: keyed(form, 'fact:'),
        });
        return this.mentorships.review(id, stage, dto, actor, key);
      },
      'done.reviewed',
    );
  }

  @Post('pause')
  pause(@Param('id', uuidParam) id: string, @Body() form: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.act(
      req,
      res,
      id,
      form,
      'pause',
      async (actor, key) =>
        this.mentorships.pause(id, (await dtoOf(ReasonDto, { reason: text(form, 'reason') })).reason, actor, key),
      'done.paused',
    );
  }

  @Post('resume')
  resume(@Param('id', uuidParam) id: string, @Body() form: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.act(
      req,
      res,
      id,
      form,
      'resume',
      (actor, key) => this.mentorships.resume(id, actor, key),
      'done.resumed',
    );
  }

  @Post('extra-checkpoint')
  extra(@Param('id', uuidParam) id: string, @Body() form: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.act(
      req,
      res,
      id,
      form,
      'extraCheckpoint',
      async (actor, key) =>
        this.mentorships.extraCheckpoint(
          id,
          (await dtoOf(ReasonDto, { reason: text(form, 'reason') })).reason,
          actor,
          key,
        ),
      'done.extra-checkpoint',
    );
  }

  @Post('termination')
  terminate(@Param('id', uuidParam) id: string, @Body() form: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.act(
      req,
      res,
      id,
      form,
      'terminate',
      async (actor, key) => {
        const dto = await dtoOf(TerminationDto, { reason: text(form, 'reason'), rematch: checked(form, 'rematch') });
        return this.mentorships.terminate(id, dto.reason, dto.rematch ?? false, actor, key);
      },
      'done.terminated',
    );
  }
}
