import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
  StartMentorshipDto,
  SurveyDto,
  TerminationDto,
} from './dto/mentorship-actions.dto.js';
import {
  CheckpointBriefingResponse,
  MentorshipResponse,
  MentorshipSummaryResponse,
  SessionResponse,
  TimelineEntryResponse,
} from './dto/mentorship.response.js';
import { MentorshipsService } from './mentorships.service.js';
import { PlannedMentorshipResponse } from '../execution/execution.dto.js';

const stageParam = {
  transform: (value: string): ReviewStage => {
    if (!(REVIEW_STAGES as readonly string[]).includes(value))
      throw badField('stage', `must be one of ${REVIEW_STAGES.join(', ')}`);
    return value as ReviewStage;
  },
};

const IDEMPOTENCY = {
  name: 'Idempotency-Key',
  required: false,
  description: 'A repeat with the same key gets the first answer; nothing is applied twice.',
};

@ApiTags('mentorships')
@ApiBearerAuth()
@ApiHeader(IDEMPOTENCY)
@Controller()
export class MentorshipsController {
  constructor(private readonly mentorships: MentorshipsService) {}

  @Post('programs/:id/mentorships')
  @Roles('owner')
  @ApiOperation({
    summary:
      'Give an approved pair its supervisor (the program’s owner; TRAINING or EXECUTION). The program starts the mentorship once in EXECUTION with the mentor trained.',
    description:
      'The pair comes from the approved matching proposal; the supervisor must be enrolled as one. 409 when the pair is already planned.',
  })
  @ApiCreatedResponse({ type: PlannedMentorshipResponse })
  plan(
    @Param('id', uuidParam) id: string,
    @Body() body: StartMentorshipDto,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<PlannedMentorshipResponse> {
    return this.mentorships.plan(id, body, actor, key);
  }

  @Get('programs/:id/mentorships')
  @Roles('owner')
  @ApiOperation({ summary: 'The cycle’s mentorships, planned and started, with what each waits for (its owner).' })
  @ApiOkResponse({ type: [PlannedMentorshipResponse] })
  ofProgram(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<PlannedMentorshipResponse[]> {
    return this.mentorships.ofProgram(id, actor);
  }

  @Get('mentorships')
  @ApiOperation({ summary: 'My mentorships, as mentee, mentor, supervisor or owner.' })
  @ApiOkResponse({ type: [MentorshipSummaryResponse] })
  mine(@CurrentActor() actor: Actor): Promise<MentorshipSummaryResponse[]> {
    return this.mentorships.mine(actor);
  }

  @Get('mentorships/:id')
  @ApiOperation({ summary: 'Live state of a mentorship (its mentee, mentor, supervisor and the program’s owner).' })
  @ApiOkResponse({ type: MentorshipResponse })
  get(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<MentorshipResponse> {
    return this.mentorships.get(id, actor);
  }

  @Get('mentorships/:id/timeline')
  @ApiOperation({
    summary:
      'Every event of the mentorship, oldest first, without what the caller may not see (private notes, others’ survey answers).',
  })
  @ApiOkResponse({ type: [TimelineEntryResponse] })
  timeline(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<TimelineEntryResponse[]> {
    return this.mentorships.timeline(id, actor);
  }

  @Get('mentorships/:id/sessions')
  @ApiOperation({ summary: 'Logged sessions; private notes only for their author.' })
  @ApiOkResponse({ type: [SessionResponse] })
  sessions(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<SessionResponse[]> {
    return this.mentorships.sessions(id, actor);
  }

  @Get('mentorships/:id/checkpoints')
  @ApiOperation({
    summary:
      'Checkpoints and the supervisor’s briefing: sessions, goal progress, the mentee’s latest pulse (not shown to the mentor).',
  })
  @ApiOkResponse({ type: CheckpointBriefingResponse })
  checkpoints(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<CheckpointBriefingResponse> {
    return this.mentorships.checkpoints(id, actor);
  }

  @Get('mentorships/:id/roi')
  @ApiOperation({
    summary:
      'ROI evidence of a closed mentorship: competency progress, operational deltas with sources, cost and the ratio with its assumptions. 409 before CLOSED.',
  })
  roi(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor) {
    return this.mentorships.roi(id, actor);
  }

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
    return this.mentorships.approve(id, actor, key);
  }

  @Post('mentorships/:id/kickoff')
  @HttpCode(200)
  @Roles('mentor', 'mentee')
  @ApiOperation({
    summary:
      'Agree on the goals (mentor and mentee, KICKOFF). The mentor also gives baseline levels and operational facts; the second matching agreement makes it ACTIVE.',
  })
  @ApiOkResponse({ type: MentorshipResponse })
  kickoff(
    @Param('id', uuidParam) id: string,
    @Body() body: KickoffDto,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<MentorshipResponse> {
    return this.mentorships.kickoff(id, body, actor, key);
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
    return this.mentorships.logSession(id, body, actor, key);
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
    return this.mentorships.pulse(id, body, actor, key);
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
    return this.mentorships.decideCheckpoint(id, checkpoint, body, actor, key);
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
    return this.mentorships.review(id, stage, body, actor, key);
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
    return this.mentorships.pause(id, body.reason, actor, key);
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
    return this.mentorships.resume(id, actor, key);
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
    return this.mentorships.extraCheckpoint(id, body.reason, actor, key);
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
    return this.mentorships.terminate(id, body.reason, body.rematch ?? false, actor, key);
  }
}
