import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  DEFAULT_MODEL_KEY,
  type Actor,
  type MentorshipState,
  type ReviewStage,
} from '../../../../libs/domain/src/index.js';
import {
  agreeKickoffUpdate,
  approveMentorshipUpdate,
  decideCheckpointUpdate,
  logSessionUpdate,
  pauseMentorshipUpdate,
  requestExtraCheckpointUpdate,
  resumeMentorshipUpdate,
  submitPulseUpdate,
  submitReviewUpdate,
  terminateMentorshipUpdate,
} from '../../../../libs/contracts/src/index.js';
import { uuidFromKey } from '../../../../libs/contracts/src/ids.js';
import { CompetencyService } from '../competencies/competency.service.js';
import { badField } from '../http/api-error.js';
import { MentorshipGateway } from '../workflows/mentorship-gateway.js';
import type {
  CheckpointDecisionDto,
  KickoffDto,
  LogSessionDto,
  ReviewDto,
  SurveyDto,
} from './dto/mentorship-actions.dto.js';
import { MentorshipResponse } from './dto/mentorship.response.js';
import { MentorshipAccess } from './mentorship-access.js';

const numericRecord = (field: string, value: Record<string, unknown> | undefined): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(value ?? {})) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw badField(`${field}.${k}`, 'must be a number');
    out[k] = v;
  }
  return out;
};
const surveyOf = (dto: SurveyDto) => ({ scores: { ...dto.scores }, comment: dto.comment?.trim() || null });

/** What the four people of a mentorship do: each action an Update, answered with the new state. */
@Injectable()
export class MentorshipActionsService {
  constructor(
    private readonly access: MentorshipAccess,
    private readonly competencies: CompetencyService,
    private readonly workflow: MentorshipGateway,
  ) {}

  approve(id: string, actor: Actor, key?: string) {
    return this.act(id, actor, () => this.workflow.update(id, approveMentorshipUpdate, [{ actor }], key));
  }

  async kickoff(id: string, dto: KickoffDto, actor: Actor, key?: string) {
    await this.access.load(id, actor);
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
      ...(dto.caseConsent !== undefined ? { caseConsent: dto.caseConsent } : {}),
    };
    return this.act(id, actor, () => this.workflow.update(id, agreeKickoffUpdate, [{ actor, kickoff }], key));
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
    return this.act(id, actor, () => this.workflow.update(id, logSessionUpdate, [{ actor, session }], key));
  }

  pulse(id: string, dto: SurveyDto, actor: Actor, key?: string) {
    return this.act(id, actor, () =>
      this.workflow.update(id, submitPulseUpdate, [{ actor, survey: surveyOf(dto) }], key),
    );
  }

  decideCheckpoint(id: string, checkpoint: number, dto: CheckpointDecisionDto, actor: Actor, key?: string) {
    return this.act(id, actor, () =>
      this.workflow.update(
        id,
        decideCheckpointUpdate,
        [{ actor, checkpoint, decision: dto.decision, guidance: dto.guidance?.trim() || null }],
        key,
      ),
    );
  }

  review(id: string, stage: ReviewStage, dto: ReviewDto, actor: Actor, key?: string) {
    const review = {
      survey: surveyOf(dto.survey),
      levels: numericRecord('levels', dto.levels),
      factsAfter: numericRecord('factsAfter', dto.factsAfter),
    };
    return this.act(id, actor, () => this.workflow.update(id, submitReviewUpdate, [{ actor, stage, review }], key));
  }

  pause(id: string, reason: string, actor: Actor, key?: string) {
    return this.act(id, actor, () => this.workflow.update(id, pauseMentorshipUpdate, [{ actor, reason }], key));
  }

  resume(id: string, actor: Actor, key?: string) {
    return this.act(id, actor, () => this.workflow.update(id, resumeMentorshipUpdate, [{ actor }], key));
  }

  extraCheckpoint(id: string, reason: string, actor: Actor, key?: string) {
    return this.act(id, actor, () => this.workflow.update(id, requestExtraCheckpointUpdate, [{ actor, reason }], key));
  }

  terminate(id: string, reason: string, rematch: boolean, actor: Actor, key?: string) {
    return this.act(id, actor, () =>
      this.workflow.update(id, terminateMentorshipUpdate, [{ actor, reason, rematch }], key),
    );
  }

  /** Only the four people of a mentorship get past here; the workflow's validator decides the rest. */
  private async act(id: string, actor: Actor, run: () => Promise<MentorshipState>): Promise<MentorshipResponse> {
    await this.access.load(id, actor);
    return MentorshipResponse.from(await run());
  }
}
