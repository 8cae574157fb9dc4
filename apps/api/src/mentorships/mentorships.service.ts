import { Inject, Injectable } from '@nestjs/common';
import { Client, type WorkflowHandle } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  cycleOf,
  DEFAULT_MODEL_KEY,
  statusOf,
  type Actor,
  type ProgramState,
  type MentorshipEconomics,
  type MentorshipPolicy,
  type MentorshipState,
  type ReviewStage,
} from '../../../../libs/domain/src/index.js';
import {
  agreeKickoffUpdate,
  approveMentorshipUpdate,
  decideCheckpointUpdate,
  logSessionUpdate,
  mentorshipStateQuery,
  mentorshipStreamId,
  pauseMentorshipUpdate,
  planMentorshipUpdate,
  programStateQuery,
  resumeMentorshipUpdate,
  submitPulseUpdate,
  submitReviewUpdate,
  terminateMentorshipUpdate,
  requestExtraCheckpointUpdate,
} from '../../../../libs/contracts/src/index.js';
import { readStream } from '../../../../libs/persistence/src/index.js';
import type { mentorshipWorkflow } from '../../../../libs/workflows/src/index.js';
import { ApiError, badField, forbidden, notFound } from '../http/api-error.js';
import { ProgramsService, uuidFromKey } from '../programs/programs.service.js';
import { CompetencyService } from '../competencies/competency.service.js';
import { DATA_SOURCE, TEMPORAL_CLIENT } from '../tokens.js';
import type { PlannedMentorshipResponse } from '../execution/execution.dto.js';
import type {
  CheckpointDecisionDto,
  KickoffDto,
  LogSessionDto,
  ReviewDto,
  StartMentorshipDto,
  SurveyDto,
} from './dto/mentorship-actions.dto.js';
import {
  CheckpointBriefingResponse,
  MentorshipResponse,
  MentorshipSummaryResponse,
  viewpointOf,
  type SessionResponse,
  type TimelineEntryResponse,
  type Viewpoint,
} from './dto/mentorship.response.js';

export interface MentorshipTerms {
  policy: MentorshipPolicy;
  economics: MentorshipEconomics;
}

interface MentorshipRow {
  id: string;
  program_id: string;
  mentee_id: string;
  mentor_id: string;
  supervisor_id: string;
  owner_id: string;
  workflow_id: string;
  phase: string;
  state: MentorshipState | null;
}

const numericRecord = (field: string, value: Record<string, unknown> | undefined): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(value ?? {})) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw badField(`${field}.${k}`, 'must be a number');
    out[k] = v;
  }
  return out;
};
const surveyOf = (dto: SurveyDto) => ({ scores: { ...dto.scores }, comment: dto.comment?.trim() || null });

@Injectable()
export class MentorshipsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly db: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly programs: ProgramsService,
    private readonly competencies: CompetencyService,
  ) {}

  /**
   * The owner gives an approved pair its supervisor; the program's workflow starts the mentorship
   * once the cycle is in EXECUTION and the mentor is trained. The id follows from the pair.
   */
  async plan(
    programId: string,
    dto: StartMentorshipDto,
    actor: Actor,
    key?: string,
  ): Promise<PlannedMentorshipResponse> {
    const program = await this.programs.findOwned(programId, actor);
    const handle = this.temporal.workflow.getHandle(program.workflowId);
    const before = await handle.query(programStateQuery);
    const pair = before?.matching?.proposals
      .find((p) => p.version === before.matching?.approvedVersion)
      ?.summary?.pairs.find((p) => p.menteeId === dto.menteeId);
    // The validator decides; the id only needs the pair, when there is one.
    // The cycle is part of the key: the same pair in a renewed cycle is another mentorship.
    const mentorshipId = uuidFromKey(
      `mentorship:${programId}:${before ? cycleOf(before) : 1}:${dto.menteeId}:${pair?.mentorId ?? ''}`,
    );
    const state = await handle.executeUpdate(planMentorshipUpdate, {
      args: [{ actor, mentorshipId, menteeId: dto.menteeId, supervisorId: dto.supervisorId }],
      updateId: key,
    });
    return (await this.planned(state)).find((m) => m.id === mentorshipId)!;
  }

  /** The cycle's mentorships, planned and started, for its owner. */
  async ofProgram(programId: string, actor: Actor): Promise<PlannedMentorshipResponse[]> {
    const program = await this.programs.findOwned(programId, actor);
    const state = await this.temporal.workflow.getHandle(program.workflowId).query(programStateQuery);
    return state ? this.planned(state) : [];
  }

  private async planned(state: ProgramState): Promise<PlannedMentorshipResponse[]> {
    const list = state.execution?.mentorships ?? [];
    const rows: Array<{ id: string; phase: string }> = list.length
      ? await this.db.query(`SELECT id, phase FROM mentorships WHERE id = ANY($1::uuid[])`, [
          list.map((m) => m.mentorshipId),
        ])
      : [];
    const phases = new Map(rows.map((r) => [r.id, r.phase]));
    return list.map((m) => ({
      id: m.mentorshipId,
      menteeId: m.menteeId,
      mentorId: m.mentorId,
      supervisorId: m.supervisorId,
      status: statusOf(state, m),
      phase: phases.get(m.mentorshipId) ?? null,
      startedAt: m.startedAt,
    }));
  }

  /** The caller's own mentorships, in whatever role. */
  async mine(actor: Actor): Promise<MentorshipSummaryResponse[]> {
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT id, program_id, mentee_id, mentor_id, supervisor_id, owner_id, phase, sessions, last_session_at, reminders_sent, escalations
         FROM mentorships WHERE $1 IN (mentee_id, mentor_id, supervisor_id, owner_id) ORDER BY created_at DESC, id LIMIT 500`,
      [actor.personId],
    );
    return rows.map((r) => MentorshipSummaryResponse.from(r, actor));
  }

  /** Live state from the workflow (a query), for the four people of the mentorship. */
  async get(id: string, actor: Actor): Promise<MentorshipResponse> {
    const { row } = await this.load(id, actor);
    return MentorshipResponse.from(await this.live(row));
  }

  async timeline(id: string, actor: Actor): Promise<TimelineEntryResponse[]> {
    const { row, viewpoint } = await this.load(id, actor);
    const events = await readStream(this.db, mentorshipStreamId(row.id));
    return events.map((e) => ({
      version: e.streamVersion,
      type: e.type,
      at: e.occurredAt.toISOString(),
      actorId: e.actorId,
      data: visibleData(e.type, e.payload, e.actorId, actor, viewpoint),
    }));
  }

  async sessions(id: string, actor: Actor): Promise<SessionResponse[]> {
    const { row } = await this.load(id, actor);
    return this.sessionRows(row.id, actor);
  }

  async checkpoints(id: string, actor: Actor): Promise<CheckpointBriefingResponse> {
    const { row, viewpoint } = await this.load(id, actor);
    const live = await this.live(row);
    const state = MentorshipResponse.from(live);
    return {
      checkpoints: state.checkpoints,
      open: state.checkpoints.find((c) => c.decision === null)?.checkpoint ?? null,
      sessions: await this.sessionRows(row.id, actor),
      goals: state.goals,
      // The pulse is the mentee's: she, the supervisor and the owner see it, not the mentor.
      latestPulse: viewpoint === 'mentor' ? null : (live.latestPulse as unknown as Record<string, unknown> | null),
    };
  }

  async roi(id: string, actor: Actor) {
    const { row } = await this.load(id, actor);
    const state = await this.live(row);
    if (!state.roi)
      throw new ApiError(
        409,
        'MENTORSHIP.NO_EVIDENCE_YET',
        `the mentorship is ${state.phase}; its ROI evidence is recorded when it closes`,
      );
    return state.roi;
  }

  approve(id: string, actor: Actor, key?: string) {
    return this.act(id, actor, (h) => h.executeUpdate(approveMentorshipUpdate, { args: [{ actor }], updateId: key }));
  }

  async kickoff(id: string, dto: KickoffDto, actor: Actor, key?: string) {
    await this.load(id, actor);
    // Goals are competencies of the model, so that their levels become comparable assessments.
    const model = await this.competencies.model(DEFAULT_MODEL_KEY);
    dto.goals.forEach((g, i) => {
      if (!model.definition.competencies.some((c) => c.key === g.competencyKey))
        throw badField(`goals.${i}.competencyKey`, `not a competency of ${model.key}`);
    });
    const kickoff = {
      goals: dto.goals.map((g) => ({ competencyKey: g.competencyKey, targetLevel: g.targetLevel })),
      baselines: numericRecord('baselines', dto.baselines),
      facts: (dto.facts ?? []).map((f) => ({
        name: f.name.trim(),
        unit: f.unit,
        source: f.source.trim(),
        value: f.value,
        lowerIsBetter: f.lowerIsBetter,
        valuePerUnit: f.valuePerUnit ?? null,
      })),
    };
    return this.act(id, actor, (h) =>
      h.executeUpdate(agreeKickoffUpdate, { args: [{ actor, kickoff }], updateId: key }),
    );
  }

  logSession(id: string, dto: LogSessionDto, actor: Actor, key?: string) {
    const session = {
      // With an idempotency key the session id follows from it: a retry names the same session.
      sessionId: key ? uuidFromKey(`session:${id}:${key}`) : randomUUID(),
      heldAt: new Date(dto.heldAt).toISOString(),
      minutes: dto.minutes,
      topics: dto.topics,
      competencies: dto.competencies,
      sharedNotes: dto.sharedNotes?.trim() || null,
      privateNotes: dto.privateNotes?.trim() || null,
    };
    return this.act(id, actor, (h) => h.executeUpdate(logSessionUpdate, { args: [{ actor, session }], updateId: key }));
  }

  pulse(id: string, dto: SurveyDto, actor: Actor, key?: string) {
    return this.act(id, actor, (h) =>
      h.executeUpdate(submitPulseUpdate, { args: [{ actor, survey: surveyOf(dto) }], updateId: key }),
    );
  }

  decideCheckpoint(id: string, checkpoint: number, dto: CheckpointDecisionDto, actor: Actor, key?: string) {
    return this.act(id, actor, (h) =>
      h.executeUpdate(decideCheckpointUpdate, {
        args: [{ actor, checkpoint, decision: dto.decision, guidance: dto.guidance?.trim() || null }],
        updateId: key,
      }),
    );
  }

  review(id: string, stage: ReviewStage, dto: ReviewDto, actor: Actor, key?: string) {
    const review = {
      survey: surveyOf(dto.survey),
      levels: numericRecord('levels', dto.levels),
      factsAfter: numericRecord('factsAfter', dto.factsAfter),
    };
    return this.act(id, actor, (h) =>
      h.executeUpdate(submitReviewUpdate, { args: [{ actor, stage, review }], updateId: key }),
    );
  }

  pause(id: string, reason: string, actor: Actor, key?: string) {
    return this.act(id, actor, (h) =>
      h.executeUpdate(pauseMentorshipUpdate, { args: [{ actor, reason }], updateId: key }),
    );
  }

  resume(id: string, actor: Actor, key?: string) {
    return this.act(id, actor, (h) => h.executeUpdate(resumeMentorshipUpdate, { args: [{ actor }], updateId: key }));
  }

  extraCheckpoint(id: string, reason: string, actor: Actor, key?: string) {
    return this.act(id, actor, (h) =>
      h.executeUpdate(requestExtraCheckpointUpdate, { args: [{ actor, reason }], updateId: key }),
    );
  }

  terminate(id: string, reason: string, rematch: boolean, actor: Actor, key?: string) {
    return this.act(id, actor, (h) =>
      h.executeUpdate(terminateMentorshipUpdate, { args: [{ actor, reason, rematch }], updateId: key }),
    );
  }

  /** Only the four people of a mentorship get past here; the workflow's validator decides the rest. */
  private async act(
    id: string,
    actor: Actor,
    run: (h: WorkflowHandle<typeof mentorshipWorkflow>) => Promise<MentorshipState>,
  ): Promise<MentorshipResponse> {
    const { row } = await this.load(id, actor);
    return MentorshipResponse.from(
      await run(this.temporal.workflow.getHandle<typeof mentorshipWorkflow>(row.workflow_id)),
    );
  }

  private async load(id: string, actor: Actor): Promise<{ row: MentorshipRow; viewpoint: Viewpoint }> {
    const rows: MentorshipRow[] = await this.db.query(
      `SELECT id, program_id, mentee_id, mentor_id, supervisor_id, owner_id, workflow_id, phase, state FROM mentorships WHERE id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row) throw notFound('mentorship', id);
    const viewpoint = viewpointOf(
      { menteeId: row.mentee_id, mentorId: row.mentor_id, supervisorId: row.supervisor_id, ownerId: row.owner_id },
      actor,
    );
    if (!viewpoint)
      throw forbidden(
        'MENTORSHIP.NOT_A_PARTY',
        `only the mentee, the mentor, the supervisor and the program's owner see mentorship ${id}`,
      );
    return { row, viewpoint };
  }

  /**
   * The state as of the last stored event: the projector's snapshot, written in the same
   * transaction as the events (an Update answers only after it commits). Rows from before the
   * snapshot existed ask the workflow.
   */
  private async live(row: MentorshipRow): Promise<MentorshipState> {
    if (row.state) return row.state;
    const state = await this.temporal.workflow.getHandle(row.workflow_id).query(mentorshipStateQuery);
    if (!state) throw new ApiError(409, 'MENTORSHIP.NOT_READY', 'the mentorship is still being created; try again');
    return state;
  }

  private async sessionRows(mentorshipId: string, actor: Actor): Promise<SessionResponse[]> {
    const rows: Array<{
      session_id: string;
      held_at: Date;
      minutes: number;
      topics: string[];
      competencies: string[];
      shared_notes: string | null;
      private_notes: string | null;
      author_id: string;
      logged_at: Date;
    }> = await this.db.query(
      `SELECT * FROM mentorship_sessions WHERE mentorship_id = $1 ORDER BY held_at, session_id`,
      [mentorshipId],
    );
    return rows.map((r) => ({
      sessionId: r.session_id,
      heldAt: r.held_at.toISOString(),
      minutes: r.minutes,
      topics: r.topics,
      competencies: r.competencies,
      sharedNotes: r.shared_notes,
      ...(r.author_id === actor.personId ? { privateNotes: r.private_notes } : {}),
      loggedAt: r.logged_at.toISOString(),
    }));
  }
}

/** Private notes reach their author only; a survey answer reaches its author, the supervisor and the owner. */
function visibleData(
  type: string,
  payload: unknown,
  authorId: string,
  actor: Actor,
  viewpoint: Viewpoint,
): Record<string, unknown> {
  const data = { ...(payload as Record<string, unknown>) };
  const own = authorId === actor.personId;
  if (type === 'SessionLogged' && !own) delete data.privateNotes;
  if (
    (type === 'ReviewSubmitted' || type === 'PulseSubmitted') &&
    !own &&
    viewpoint !== 'supervisor' &&
    viewpoint !== 'owner'
  )
    delete data.survey;
  return data;
}
