import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import {
  cycleOf,
  monitorProgram,
  trainedMentors,
  type Actor,
  type ProgramState,
} from '../../../../libs/domain/src/index.js';
import {
  closeProgramUpdate,
  decideReviewUpdate,
  programStateQuery,
  recordLessonsUpdate,
  recordTrainingUpdate,
  renewProgramUpdate,
  startEvaluationUpdate,
  startExecutionUpdate,
} from '../../../../libs/contracts/src/index.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { ApiError } from '../http/api-error.js';
import { OperationKey } from '../http/idempotency.interceptor.js';
import { reviewParam, uuidParam } from '../http/param-pipes.js';
import { ProgramResponse } from '../programs/dto/program.response.js';
import { ProgramsService, uuidFromKey } from '../programs/programs.service.js';
import { DATA_SOURCE, MENTORSHIP_TERMS, TEMPORAL_CLIENT } from '../tokens.js';
import type { DataSource } from 'typeorm';
import { LessonsDto, LessonsResponse, RenewalDto, ReviewDecisionDto, ReviewsResponse } from './review.dto.js';
import { mentorshipSnapshots, MonitoringResponse } from './monitoring.js';
import type { MentorshipTerms } from '../mentorships/mentorships.service.js';
import { INTERACTION_ITEMS } from '../../../../libs/domain/src/index.js';
import { TrainingResponse, TrainingSessionDto } from './execution.dto.js';

@ApiTags('programs')
@ApiBearerAuth()
@ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'A repeat with the same key gets the first answer; nothing is applied twice.',
})
@Controller('programs/:id')
export class ExecutionController {
  constructor(
    private readonly programs: ProgramsService,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(DATA_SOURCE) private readonly db: DataSource,
    @Inject(MENTORSHIP_TERMS) private readonly terms: MentorshipTerms,
  ) {}

  private async owned(programId: string, actor: Actor) {
    const row = await this.programs.findOwned(programId, actor);
    // A closed program's workflow has ended: say so rather than "workflow not found".
    if (row.phase === 'CLOSED') throw new ApiError(409, 'PROGRAM.CLOSED', `program ${programId} is closed`);
    return { row, handle: this.temporal.workflow.getHandle(row.workflowId) };
  }

  @Post('training-sessions')
  @HttpCode(200)
  @Roles('owner')
  @ApiOperation({
    summary: 'Record a training session for mentors or mentees and who attended (the owner; TRAINING or EXECUTION).',
    description: 'A mentor who attended a mentors’ session is trained: their planned mentorships may start.',
  })
  @ApiOkResponse({ type: TrainingResponse })
  async recordTraining(
    @Param('id', uuidParam) id: string,
    @Body() body: TrainingSessionDto,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<TrainingResponse> {
    const { handle } = await this.owned(id, actor);
    const session = {
      sessionId: key ? uuidFromKey(`training:${id}:${key}`) : randomUUID(),
      audience: body.audience,
      title: body.title.trim(),
      heldAt: new Date(body.heldAt).toISOString(),
      materials: body.materials ?? [],
      attendees: body.attendees,
    };
    return trainingOf(await handle.executeUpdate(recordTrainingUpdate, { args: [{ actor, session }], updateId: key }));
  }

  @Get('training-sessions')
  @Roles('owner')
  @ApiOperation({ summary: 'Training sessions of the cycle, trained and untrained mentors (the owner).' })
  @ApiOkResponse({ type: TrainingResponse })
  async training(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<TrainingResponse> {
    const { handle } = await this.owned(id, actor);
    const state = await handle.query(programStateQuery);
    return state ? trainingOf(state) : { sessions: [], trainedMentors: [], untrainedMentors: [] };
  }

  @Get('reviews')
  @ApiOperation({
    summary:
      'Re-alignment reviews with what the owner needs to decide: objectives and KPIs as they stand, participants’ feedback (the owner and the sponsor).',
  })
  @ApiOkResponse({ type: ReviewsResponse })
  async reviews(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<ReviewsResponse> {
    const row = await this.programs.findReadable(id, actor);
    const state = await this.temporal.workflow.getHandle(row.workflowId).query(programStateQuery);
    // Every survey answer (pulse, midterm, final) of the cycle's mentorships, from the event log.
    const scores: Array<{ item: string; mean: string; n: string }> = await this.db.query(
      `SELECT s.key AS item, avg(s.value::numeric) AS mean, count(*) AS n
         FROM mentorships m
         JOIN domain_events e ON e.stream_id = 'mentorship:' || m.id AND e.type IN ('PulseSubmitted', 'ReviewSubmitted')
         CROSS JOIN LATERAL jsonb_each_text(e.payload -> 'survey' -> 'scores') AS s(key, value)
        WHERE m.program_id = $1
        GROUP BY s.key`,
      [id],
    );
    const means = Object.fromEntries(
      scores
        .filter((r) => (INTERACTION_ITEMS as readonly string[]).includes(r.item))
        .map((r) => [r.item, Math.round(Number(r.mean) * 100) / 100]),
    );
    const reviews = state?.reviews ?? [];
    return {
      reviews,
      open: reviews.find((r) => r.decision === null)?.review ?? null,
      objectives: state?.objectives ?? row.objectives,
      feedback: { answers: Number(scores[0]?.n ?? 0), means },
    };
  }

  @Post('reviews/:review/decision')
  @HttpCode(200)
  @Roles('owner')
  @ApiOperation({
    summary:
      'Decide the open re-alignment review (the owner): keep the course, or adjust objectives and KPIs for the rest of the cycle.',
  })
  @ApiOkResponse({ type: ProgramResponse })
  async decideReview(
    @Param('id', uuidParam) id: string,
    @Param('review', reviewParam) review: number,
    @Body() body: ReviewDecisionDto,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<ProgramResponse> {
    const { handle } = await this.owned(id, actor);
    const decision = {
      decision: body.decision,
      notes: body.notes,
      ...(body.objectives
        ? { objectives: body.objectives.map((o) => ({ title: o.title, kpis: o.kpis.map((k) => ({ ...k })) })) }
        : {}),
    };
    await handle.executeUpdate(decideReviewUpdate, { args: [{ actor, review, decision }], updateId: key });
    return ProgramResponse.from(await this.programs.findRow(id));
  }

  @Get('monitoring')
  @Roles('owner')
  @ApiOperation({
    summary:
      'Program indicators computed from its mentorships, and the mentorships at risk with their reasons (the owner).',
    description:
      'Owner actions on an at-risk mentorship: pause, end with a rematch (POST /mentorships/:id/pause|termination).',
  })
  @ApiOkResponse({ type: MonitoringResponse })
  async monitoring(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<MonitoringResponse> {
    await this.owned(id, actor);
    const now = Date.now();
    return {
      ...monitorProgram(await mentorshipSnapshots(this.db, id), this.terms.policy, now),
      at: new Date(now).toISOString(),
    };
  }

  @Post('evaluation')
  @HttpCode(200)
  @Roles('owner')
  @ApiOperation({ summary: 'Move the cycle from EXECUTION to EVALUATION (the owner).' })
  @ApiOkResponse({ type: ProgramResponse })
  async startEvaluation(
    @Param('id', uuidParam) id: string,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<ProgramResponse> {
    const { handle } = await this.owned(id, actor);
    await handle.executeUpdate(startEvaluationUpdate, { args: [{ actor }], updateId: key });
    return ProgramResponse.from(await this.programs.findRow(id));
  }

  @Post('lessons')
  @HttpCode(200)
  @Roles('owner')
  @ApiOperation({
    summary:
      'Record what worked and what to change in this cycle (the owner, EVALUATION); a renewal carries them to the next cycles.',
  })
  @ApiOkResponse({ type: LessonsResponse })
  async recordLessons(
    @Param('id', uuidParam) id: string,
    @Body() body: LessonsDto,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<LessonsResponse> {
    const { handle } = await this.owned(id, actor);
    const state = await handle.executeUpdate(recordLessonsUpdate, {
      args: [{ actor, whatWorked: body.whatWorked, whatToChange: body.whatToChange }],
      updateId: key,
    });
    return { cycle: cycleOf(state), lessons: state.lessons ?? [] };
  }

  @Get('lessons')
  @ApiOperation({ summary: 'Lessons of cycles 1..n, for planning the next one (the owner and the sponsor).' })
  @ApiOkResponse({ type: LessonsResponse })
  async lessons(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<LessonsResponse> {
    const row = await this.programs.findReadable(id, actor);
    const state = await this.temporal.workflow.getHandle(row.workflowId).query(programStateQuery);
    return { cycle: state ? cycleOf(state) : 1, lessons: state?.lessons ?? [] };
  }

  @Post('closure')
  @HttpCode(200)
  @Roles('owner')
  @ApiOperation({
    summary:
      'Close the program after its evaluation (the owner): its workflow ends; running mentorships go on to their end.',
  })
  @ApiOkResponse({ type: ProgramResponse })
  async close(
    @Param('id', uuidParam) id: string,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<ProgramResponse> {
    const { handle } = await this.owned(id, actor);
    await handle.executeUpdate(closeProgramUpdate, { args: [{ actor }], updateId: key });
    return ProgramResponse.from(await this.programs.findRow(id));
  }

  @Post('renewal')
  @HttpCode(200)
  @Roles('owner')
  @ApiOperation({
    summary:
      'Renew the program (the owner, EVALUATION, lessons recorded): the next cycle starts in LAUNCH_PLANNING through continue-as-new, with the lessons and the continuing participants.',
  })
  @ApiOkResponse({ type: ProgramResponse })
  async renew(
    @Param('id', uuidParam) id: string,
    @Body() body: RenewalDto,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<ProgramResponse> {
    const { handle } = await this.owned(id, actor);
    await handle.executeUpdate(renewProgramUpdate, {
      args: [{ actor, continuing: body.continuing ?? [] }],
      updateId: key,
    });
    return ProgramResponse.from(await this.programs.findRow(id));
  }

  @Post('execution')
  @HttpCode(200)
  @Roles('owner')
  @ApiOperation({
    summary: 'Move the cycle from TRAINING to EXECUTION (the owner): planned mentorships of trained mentors start.',
  })
  @ApiOkResponse({ type: ProgramResponse })
  async startExecution(
    @Param('id', uuidParam) id: string,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<ProgramResponse> {
    const { handle } = await this.owned(id, actor);
    await handle.executeUpdate(startExecutionUpdate, { args: [{ actor }], updateId: key });
    return ProgramResponse.from(await this.programs.findRow(id));
  }
}

function trainingOf(state: ProgramState): TrainingResponse {
  const trained = trainedMentors(state);
  const mentors = (state.matching?.participants ?? []).filter((p) => p.role === 'mentor').map((p) => p.personId);
  return {
    sessions: state.execution?.trainingSessions ?? [],
    trainedMentors: mentors.filter((m) => trained.has(m)),
    untrainedMentors: mentors.filter((m) => !trained.has(m)),
  };
}
