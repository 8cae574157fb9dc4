import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor, ReviewStage } from '../../../../libs/domain/src/index.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { badField } from '../http/api-error.js';
import { OperationKey } from '../http/idempotency.interceptor.js';
import { checkpointParam, uuidParam } from '../http/param-pipes.js';
import {
  CheckpointDecisionDto,
  KickoffDto,
  LogSessionDto,
  ReasonDto,
  REVIEW_STAGES,
  ReviewDto,
  SurveyDto,
  TerminationDto,
} from './dto/mentorship-actions.dto.js';
import { MentorshipResponse } from './dto/mentorship.response.js';
import { MentorshipActionsService } from './mentorship-actions.service.js';
import { AcceptsIdempotencyKey } from '../http/idempotency-header.js';

const stageParam = {
  transform: (value: string): ReviewStage => {
    if (!(REVIEW_STAGES as readonly string[]).includes(value))
      throw badField('stage', `must be one of ${REVIEW_STAGES.join(', ')}`);
    return value as ReviewStage;
  },
};

@ApiTags('mentorships')
@ApiBearerAuth()
@AcceptsIdempotencyKey()
@Controller()
export class MentorshipActionsController {
  constructor(private readonly actions: MentorshipActionsService) {}

  @Post('mentorships/:id/approval')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({ summary: 'The supervisor approves the pair (AWAITING_SUPERVISOR_APPROVAL → KICKOFF).' })
  @ApiOkResponse({ type: MentorshipResponse })
  approve(
    @Param('id', uuidParam) id: string,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<MentorshipResponse> {
    return this.actions.approve(id, actor, key);
  }

  @Post('mentorships/:id/kickoff')
  @HttpCode(200)
  @Roles('mentor', 'mentee')
  @ApiOperation({
    summary:
      'Agree on the goals (mentor and mentee, KICKOFF). The mentor also gives baseline levels and operational facts; the second matching agreement makes it ACTIVE.',
    description:
      'Each party is also asked for case consent (`caseConsent`): granted lets their writing feed de-identified training cases of later cycles, refused keeps it out; absent records nothing (not given, unless an earlier answer is on record). The answer is recorded with the kickoff, as the person’s case consent (GET /people/{id}/case-consent).',
  })
  @ApiOkResponse({ type: MentorshipResponse })
  kickoff(
    @Param('id', uuidParam) id: string,
    @Body() body: KickoffDto,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<MentorshipResponse> {
    return this.actions.kickoff(id, body, actor, key);
  }

  @Post('mentorships/:id/sessions')
  @HttpCode(200)
  @Roles('mentor')
  @ApiOperation({
    summary: 'The mentor logs a session held (ACTIVE or MIDTERM_REVIEW); the session cadence starts again from it.',
  })
  @ApiOkResponse({ type: MentorshipResponse })
  logSession(
    @Param('id', uuidParam) id: string,
    @Body() body: LogSessionDto,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<MentorshipResponse> {
    return this.actions.logSession(id, body, actor, key);
  }

  @Post('mentorships/:id/pulse')
  @HttpCode(200)
  @Roles('mentee')
  @ApiOperation({
    summary: 'The mentee answers the interaction-quality pulse survey; the supervisor sees the latest at checkpoints.',
  })
  @ApiOkResponse({ type: MentorshipResponse })
  pulse(
    @Param('id', uuidParam) id: string,
    @Body() body: SurveyDto,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<MentorshipResponse> {
    return this.actions.pulse(id, body, actor, key);
  }

  @Post('mentorships/:id/checkpoints/:checkpoint/decision')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({
    summary:
      'The supervisor decides the open checkpoint: approve, request changes (guidance goes to the mentor) or escalate to the owner.',
  })
  @ApiOkResponse({ type: MentorshipResponse })
  decide(
    @Param('id', uuidParam) id: string,
    @Param('checkpoint', checkpointParam) checkpoint: number,
    @Body() body: CheckpointDecisionDto,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<MentorshipResponse> {
    return this.actions.decideCheckpoint(id, checkpoint, body, actor, key);
  }

  @Post('mentorships/:id/reviews/:stage')
  @HttpCode(200)
  @Roles('mentor', 'mentee')
  @ApiOperation({
    summary:
      'Answer the midterm or final review (mentor and mentee). The mentor re-assesses the goals and, at the end, measures the facts again; the second final answer closes the mentorship with its ROI evidence.',
  })
  @ApiOkResponse({ type: MentorshipResponse })
  review(
    @Param('id', uuidParam) id: string,
    @Param('stage', stageParam) stage: ReviewStage,
    @Body() body: ReviewDto,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<MentorshipResponse> {
    return this.actions.review(id, stage, body, actor, key);
  }

  @Post('mentorships/:id/pause')
  @HttpCode(200)
  @Roles('owner')
  @ApiOperation({ summary: 'The owner pauses the mentorship; cadences and dates stop until it resumes.' })
  @ApiOkResponse({ type: MentorshipResponse })
  pause(
    @Param('id', uuidParam) id: string,
    @Body() body: ReasonDto,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<MentorshipResponse> {
    return this.actions.pause(id, body.reason, actor, key);
  }

  @Post('mentorships/:id/resume')
  @HttpCode(200)
  @Roles('owner')
  @ApiOperation({ summary: 'The owner resumes a paused mentorship where it was.' })
  @ApiOkResponse({ type: MentorshipResponse })
  resume(
    @Param('id', uuidParam) id: string,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<MentorshipResponse> {
    return this.actions.resume(id, actor, key);
  }

  @Post('mentorships/:id/extra-checkpoint')
  @HttpCode(200)
  @Roles('owner')
  @ApiOperation({
    summary:
      'Extra supervision (the owner): open a checkpoint now, with the reason, for a mentorship at risk (ACTIVE or MIDTERM_REVIEW, none open).',
  })
  @ApiOkResponse({ type: MentorshipResponse })
  extraCheckpoint(
    @Param('id', uuidParam) id: string,
    @Body() body: ReasonDto,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<MentorshipResponse> {
    return this.actions.extraCheckpoint(id, body.reason, actor, key);
  }

  @Post('mentorships/:id/termination')
  @HttpCode(200)
  @Roles('owner')
  @ApiOperation({
    summary:
      'The owner ends the mentorship early with a reason, optionally asking the program for a rematch of the mentee.',
  })
  @ApiOkResponse({ type: MentorshipResponse })
  terminate(
    @Param('id', uuidParam) id: string,
    @Body() body: TerminationDto,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<MentorshipResponse> {
    return this.actions.terminate(id, body.reason, body.rematch ?? false, actor, key);
  }
}
