import { hasRole, type Actor } from '../shared/actor.js';
import { DomainError } from '../shared/domain-error.js';
import { assertSurvey, type InteractionSurvey } from './interaction-survey.js';
import { isFinished, type MentorshipPhase } from './mentorship-phase.js';
import type {
  BaselineFact,
  CheckpointDecision,
  GoalCompetency,
  LoggedSession,
  MentorshipEvent,
  MentorshipPair,
  Party,
  ReviewStage,
  ReviewSubmission,
} from './mentorship-events.js';
import { openCheckpoint, sameGoals, type MentorshipState } from './mentorship-state.js';
import { roiEvidence, type RoiEvidence } from './roi.js';

export * from './mentorship-events.js';
export * from './mentorship-state.js';

/** What the company agreed to count in a mentorship's ROI (from the program's policy). */
export interface MentorshipEconomics {
  rates: { mentor: number; mentee: number; supervisor: number };
  /** Hours of the mentor's and mentee's time per session hour (preparation, travel). */
  hoursPerSessionHour: number;
  supervisorHoursPerCheckpoint: number;
  /** Share of an improvement attributed to the mentorship (0..1). */
  attribution: number;
  currency: string;
}

export const DEFAULT_ECONOMICS: MentorshipEconomics = {
  rates: { mentor: 90, mentee: 60, supervisor: 110 },
  hoursPerSessionHour: 1.5,
  supervisorHoursPerCheckpoint: 0.5,
  attribution: 0.5,
  currency: 'EUR',
};

const ALL_LIVE: MentorshipPhase[] = [
  'AWAITING_SUPERVISOR_APPROVAL',
  'KICKOFF',
  'ACTIVE',
  'MIDTERM_REVIEW',
  'FINAL_EVALUATION',
  'PAUSED',
];

const err = {
  phase: (actual: MentorshipPhase, expected: MentorshipPhase[]) =>
    new DomainError(
      'MENTORSHIP.WRONG_PHASE',
      'WRONG_PHASE',
      `the mentorship is ${actual}; this needs ${expected.join(' or ')}`,
      { expected, actual },
    ),
  forbidden: (code: string, message: string) => new DomainError(`MENTORSHIP.${code}`, 'FORBIDDEN', message),
  invalid: (field: string, reason: string) =>
    new DomainError('MENTORSHIP.INVALID', 'INVALID', `${field}: ${reason}`, { field, reason }),
};

const inPhase = (s: MentorshipState, ...expected: MentorshipPhase[]) => {
  if (!expected.includes(s.phase)) throw err.phase(s.phase, expected);
};
export const phaseChange = (
  s: MentorshipState,
  to: MentorshipPhase,
  actorId: string,
  at: string,
  reason: string,
): MentorshipEvent => ({
  type: 'MentorshipPhaseChanged',
  at,
  actorId,
  data: { from: s.phase, to, reason },
});

export function createMentorship(pair: MentorshipPair, actorId: string, now: Date): MentorshipEvent[] {
  if (new Set([pair.menteeId, pair.mentorId, pair.supervisorId]).size !== 3)
    throw err.invalid('supervisorId', 'mentee, mentor and supervisor must be three people');
  const at = now.toISOString();
  return [
    { type: 'MentorshipCreated', at, actorId, data: pair },
    {
      type: 'MentorshipPhaseChanged',
      at,
      actorId,
      data: { from: null, to: 'AWAITING_SUPERVISOR_APPROVAL', reason: 'pair approved in matching' },
    },
  ];
}

const isSupervisor = (s: MentorshipState, actor: Actor) =>
  actor.personId === s.supervisorId && hasRole(actor, 'supervisor');
const isOwner = (s: MentorshipState, actor: Actor) => actor.personId === s.ownerId && hasRole(actor, 'owner');
export const partyOf = (s: MentorshipState, actor: Actor): Party | null =>
  actor.personId === s.mentorId && hasRole(actor, 'mentor')
    ? 'mentor'
    : actor.personId === s.menteeId && hasRole(actor, 'mentee')
      ? 'mentee'
      : null;

export function assertSupervisorCanApprove(s: MentorshipState, actor: Actor): void {
  if (!isSupervisor(s, actor))
    throw err.forbidden('NOT_SUPERVISOR', `only ${s.supervisorId}, the supervisor of this mentorship, may approve it`);
  inPhase(s, 'AWAITING_SUPERVISOR_APPROVAL');
}

export function supervisorApproves(s: MentorshipState, actor: Actor, now: Date): MentorshipEvent[] {
  assertSupervisorCanApprove(s, actor);
  return [phaseChange(s, 'KICKOFF', actor.personId, now.toISOString(), 'approved by the supervisor')];
}

export interface KickoffInput {
  goals: GoalCompetency[];
  /** Mentor only: the mentee's level (1–5) today on each goal competency. */
  baselines: Record<string, number>;
  /** Mentor only: operational facts measured before, for the ROI evidence. */
  facts: BaselineFact[];
}

// Levels are whole numbers, like every assessment of the competency model.
const isLevel = (v: unknown) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 5;

export function assertCanAgreeKickoff(s: MentorshipState, actor: Actor, input: KickoffInput): void {
  const side = partyOf(s, actor);
  if (!side) throw err.forbidden('NOT_A_PARTY', 'only the mentor and the mentee of this mentorship agree on its goals');
  inPhase(s, 'KICKOFF');
  const { goals } = input;
  if (goals.length < 1 || goals.length > 3) throw err.invalid('goals', 'one to three goal competencies');
  if (new Set(goals.map((g) => g.competencyKey)).size !== goals.length)
    throw err.invalid('goals', 'each competency once');
  if (goals.some((g) => !Number.isInteger(g.targetLevel) || g.targetLevel < 1 || g.targetLevel > 5))
    throw err.invalid('goals', 'target levels are 1 to 5');
  if (s.agreedBy.includes(side) && sameGoals(s.goals, goals))
    throw new DomainError('MENTORSHIP.ALREADY_AGREED', 'CONFLICT', `the ${side} has already agreed`);
  if (side === 'mentor') {
    for (const g of goals) {
      if (!isLevel(input.baselines[g.competencyKey]))
        throw err.invalid(
          `baselines.${g.competencyKey}`,
          'the mentor gives the baseline level (a whole number from 1 to 5) of each goal',
        );
    }
    if (input.facts.length === 0)
      throw err.invalid('facts', 'at least one operational fact measured before (e.g. team turnover), with its source');
    const names = new Set<string>();
    input.facts.forEach((f, i) => {
      if (!f.name.trim() || !f.source.trim()) throw err.invalid(`facts.${i}`, 'each fact needs a name and a source');
      if (names.has(f.name)) throw err.invalid(`facts.${i}.name`, `"${f.name}" twice`);
      names.add(f.name);
    });
  }
}

/**
 * Mentor and mentee each agree on the same goals (the mentor also records the baselines); the
 * second agreement starts the mentorship. Other goals from the second party restart the agreement.
 */
export function agreeKickoff(s: MentorshipState, actor: Actor, input: KickoffInput, now: Date): MentorshipEvent[] {
  assertCanAgreeKickoff(s, actor, input);
  const side = partyOf(s, actor)!;
  const at = now.toISOString();
  const agreed: MentorshipEvent = {
    type: 'KickoffAgreed',
    at,
    actorId: actor.personId,
    data: {
      by: side,
      goals: input.goals,
      baselines: side === 'mentor' ? input.baselines : {},
      facts: side === 'mentor' ? input.facts : [],
    },
  };
  const other: Party = side === 'mentor' ? 'mentee' : 'mentor';
  const otherAgreed = s.agreedBy.includes(other) && sameGoals(s.goals, input.goals);
  return otherAgreed
    ? [agreed, phaseChange(s, 'ACTIVE', actor.personId, at, 'goals agreed by mentor and mentee')]
    : [agreed];
}

export function assertCanLogSession(s: MentorshipState, actor: Actor): void {
  if (actor.personId !== s.mentorId || !hasRole(actor, 'mentor'))
    throw err.forbidden('NOT_MENTOR', 'only the mentor logs sessions');
  inPhase(s, 'ACTIVE', 'MIDTERM_REVIEW');
}

export function logSession(s: MentorshipState, actor: Actor, session: LoggedSession, now: Date): MentorshipEvent[] {
  assertCanLogSession(s, actor);
  if ((s.recentSessionIds ?? []).includes(session.sessionId)) {
    throw new DomainError(
      'MENTORSHIP.SESSION_ALREADY_LOGGED',
      'CONFLICT',
      `session ${session.sessionId} is already logged`,
    );
  }
  if (!Number.isInteger(session.minutes) || session.minutes < 5 || session.minutes > 480)
    throw err.invalid('minutes', 'a session lasts 5 to 480 minutes');
  const held = Date.parse(session.heldAt);
  if (!Number.isFinite(held)) throw err.invalid('heldAt', 'an ISO 8601 date-time');
  if (held > now.getTime()) throw err.invalid('heldAt', 'a session is logged after it was held');
  if (s.activeSince && held < Date.parse(s.activeSince))
    throw err.invalid('heldAt', 'before the mentorship became active');
  const unknown = session.competencies.find((c) => !s.goals.some((g) => g.competencyKey === c));
  if (unknown !== undefined) throw err.invalid('competencies', `"${unknown}" is not a goal of this mentorship`);
  return [{ type: 'SessionLogged', at: now.toISOString(), actorId: actor.personId, data: session }];
}

export function assertCanSubmitPulse(s: MentorshipState, actor: Actor, survey: InteractionSurvey): void {
  if (actor.personId !== s.menteeId || !hasRole(actor, 'mentee'))
    throw err.forbidden('NOT_MENTEE', 'only the mentee answers the pulse survey');
  inPhase(s, 'ACTIVE', 'MIDTERM_REVIEW');
  assertSurvey(survey);
}

export function submitPulse(s: MentorshipState, actor: Actor, survey: InteractionSurvey, now: Date): MentorshipEvent[] {
  assertCanSubmitPulse(s, actor, survey);
  return [{ type: 'PulseSubmitted', at: now.toISOString(), actorId: actor.personId, data: { survey } }];
}

export function assertCanDecideCheckpoint(s: MentorshipState, actor: Actor, checkpoint: number): void {
  if (!isSupervisor(s, actor))
    throw err.forbidden('NOT_SUPERVISOR', 'only the supervisor of this mentorship decides its checkpoints');
  inPhase(s, 'ACTIVE', 'MIDTERM_REVIEW', 'FINAL_EVALUATION');
  const open = openCheckpoint(s);
  if (!open || open.checkpoint !== checkpoint) {
    throw new DomainError(
      'MENTORSHIP.NO_OPEN_CHECKPOINT',
      'CONFLICT',
      open ? `checkpoint ${open.checkpoint} is the open one, not ${checkpoint}` : 'no checkpoint is open',
      {
        open: open?.checkpoint ?? null,
      },
    );
  }
}

/** Approve, request changes (guidance goes to the mentor) or escalate to the program's owner. */
export function decideCheckpoint(
  s: MentorshipState,
  actor: Actor,
  checkpoint: number,
  decision: CheckpointDecision,
  guidance: string | null,
  now: Date,
): MentorshipEvent[] {
  assertCanDecideCheckpoint(s, actor, checkpoint);
  if (decision === 'request-changes' && !guidance?.trim())
    throw err.invalid('guidance', 'requesting changes needs guidance for the mentor');
  if (decision === 'escalate' && !guidance?.trim())
    throw err.invalid('guidance', 'say why the owner should look at this mentorship');
  return [
    {
      type: 'CheckpointDecided',
      at: now.toISOString(),
      actorId: actor.personId,
      data: { checkpoint, decision, guidance: guidance?.trim() || null },
    },
  ];
}

export function assertCanRequestExtraCheckpoint(s: MentorshipState, actor: Actor): void {
  if (!isOwner(s, actor)) throw err.forbidden('NOT_OWNER', "only the program's owner asks for extra supervision");
  inPhase(s, 'ACTIVE', 'MIDTERM_REVIEW');
  const open = openCheckpoint(s);
  if (open)
    throw new DomainError(
      'MENTORSHIP.CHECKPOINT_ALREADY_OPEN',
      'CONFLICT',
      `checkpoint ${open.checkpoint} is open; extra supervision starts once it is decided`,
    );
}

/** Extra supervision for a mentorship at risk: the owner opens a checkpoint now, with the reason for the supervisor. */
export function requestExtraCheckpoint(
  s: MentorshipState,
  actor: Actor,
  reason: string,
  decisionMs: number,
  now: Date,
): MentorshipEvent[] {
  assertCanRequestExtraCheckpoint(s, actor);
  if (reason.trim().length < 3) throw err.invalid('reason', 'say why the mentorship needs extra supervision');
  const checkpoint = s.checkpoints.length + 1;
  return [
    {
      type: 'CheckpointOpened',
      at: now.toISOString(),
      actorId: actor.personId,
      data: { checkpoint, decideBy: new Date(now.getTime() + decisionMs).toISOString(), reason: reason.trim() },
    },
  ];
}

const stageOfPhase = (phase: MentorshipPhase): ReviewStage | null =>
  phase === 'MIDTERM_REVIEW' ? 'midterm' : phase === 'FINAL_EVALUATION' ? 'final' : null;

export function assertCanSubmitReview(
  s: MentorshipState,
  actor: Actor,
  stage: ReviewStage,
  submission: Omit<ReviewSubmission, 'by'>,
): void {
  const side = partyOf(s, actor);
  if (!side) throw err.forbidden('NOT_A_PARTY', 'only the mentor and the mentee answer the reviews');
  const expectedPhase: MentorshipPhase = stage === 'midterm' ? 'MIDTERM_REVIEW' : 'FINAL_EVALUATION';
  inPhase(s, expectedPhase);
  if (s.reviews[stage][side])
    throw new DomainError(
      'MENTORSHIP.ALREADY_SUBMITTED',
      'CONFLICT',
      `the ${side} has already answered the ${stage} review`,
    );
  assertSurvey(submission.survey);
  if (side === 'mentor') {
    for (const g of s.goals) {
      if (!isLevel(submission.levels[g.competencyKey]))
        throw err.invalid(
          `levels.${g.competencyKey}`,
          'the mentor re-assesses each goal competency (a whole number from 1 to 5)',
        );
    }
    if (stage === 'final') {
      for (const f of s.facts) {
        if (typeof submission.factsAfter[f.name] !== 'number' || !Number.isFinite(submission.factsAfter[f.name])) {
          throw err.invalid(`factsAfter.${f.name}`, 'each baseline fact is measured again at the end');
        }
      }
    }
  }
}

/**
 * Mentor and mentee each answer the review; the second answer ends the stage: back to ACTIVE after
 * the midterm, CLOSED with the ROI evidence after the final evaluation.
 */
export function submitReview(
  s: MentorshipState,
  actor: Actor,
  stage: ReviewStage,
  submission: Omit<ReviewSubmission, 'by'>,
  economics: MentorshipEconomics,
  now: Date,
): MentorshipEvent[] {
  assertCanSubmitReview(s, actor, stage, submission);
  const side = partyOf(s, actor)!;
  const at = now.toISOString();
  const own: ReviewSubmission = {
    by: side,
    survey: submission.survey,
    levels: side === 'mentor' ? submission.levels : {},
    factsAfter: side === 'mentor' && stage === 'final' ? submission.factsAfter : {},
  };
  const events: MentorshipEvent[] = [{ type: 'ReviewSubmitted', at, actorId: actor.personId, data: { stage, ...own } }];
  const other: Party = side === 'mentor' ? 'mentee' : 'mentor';
  if (!s.reviews[stage][other]) return events;
  if (stage === 'midterm')
    return [...events, phaseChange(s, 'ACTIVE', actor.personId, at, 'midterm review answered by mentor and mentee')];
  const mentorReview = side === 'mentor' ? own : s.reviews.final.mentor!;
  const evidence = evidenceOf(s, mentorReview, economics);
  return [
    ...events,
    { type: 'RoiEvidenceRecorded', at, actorId: actor.personId, data: evidence },
    phaseChange(s, 'CLOSED', actor.personId, at, 'final evaluation answered by mentor and mentee'),
  ];
}

export function evidenceOf(s: MentorshipState, mentorFinal: ReviewSubmission, x: MentorshipEconomics): RoiEvidence {
  const sessionHours = s.sessionMinutes / 60;
  return roiEvidence({
    goals: s.goals.map((g) => ({
      competencyKey: g.competencyKey,
      baseline: s.baselines[g.competencyKey] ?? 0,
      target: g.targetLevel,
      final: mentorFinal.levels[g.competencyKey] ?? 0,
    })),
    facts: s.facts.map((f) => ({
      name: f.name,
      unit: f.unit,
      source: f.source,
      before: f.value,
      after: mentorFinal.factsAfter[f.name] ?? f.value,
      lowerIsBetter: f.lowerIsBetter,
      valuePerUnit: f.valuePerUnit,
    })),
    mentorHours: Math.round(sessionHours * x.hoursPerSessionHour * 100) / 100,
    menteeHours: Math.round(sessionHours * x.hoursPerSessionHour * 100) / 100,
    supervisorHours: s.checkpoints.filter((c) => c.decision !== null).length * x.supervisorHoursPerCheckpoint,
    rates: x.rates,
    attribution: x.attribution,
    currency: x.currency,
  });
}

export function assertCanPause(s: MentorshipState, actor: Actor): void {
  if (!isOwner(s, actor)) throw err.forbidden('NOT_OWNER', "only the program's owner pauses or resumes a mentorship");
  inPhase(s, 'ACTIVE', 'KICKOFF', 'MIDTERM_REVIEW');
}

export function pause(s: MentorshipState, actor: Actor, reason: string, now: Date): MentorshipEvent[] {
  assertCanPause(s, actor);
  if (reason.trim().length < 3) throw err.invalid('reason', 'say why the mentorship pauses');
  return [phaseChange(s, 'PAUSED', actor.personId, now.toISOString(), reason.trim())];
}

export function assertCanResume(s: MentorshipState, actor: Actor): void {
  if (!isOwner(s, actor)) throw err.forbidden('NOT_OWNER', "only the program's owner pauses or resumes a mentorship");
  inPhase(s, 'PAUSED');
}

export function resume(s: MentorshipState, actor: Actor, now: Date): MentorshipEvent[] {
  assertCanResume(s, actor);
  return [phaseChange(s, s.pausedFrom ?? 'ACTIVE', actor.personId, now.toISOString(), 'resumed by the owner')];
}

export function assertCanTerminate(s: MentorshipState, actor: Actor): void {
  if (!isOwner(s, actor)) throw err.forbidden('NOT_OWNER', "only the program's owner ends a mentorship early");
  if (isFinished(s.phase)) throw err.phase(s.phase, ALL_LIVE);
}

/** The program's owner ends a mentorship early, with a reason, optionally asking the program for a rematch. */
export function terminate(
  s: MentorshipState,
  actor: Actor,
  reason: string,
  rematch: boolean,
  now: Date,
): MentorshipEvent[] {
  assertCanTerminate(s, actor);
  if (reason.trim().length < 3) throw err.invalid('reason', 'say why the mentorship ends');
  const at = now.toISOString();
  return [
    { type: 'MentorshipTerminated', at, actorId: actor.personId, data: { reason: reason.trim(), rematch } },
    phaseChange(s, 'TERMINATED', actor.personId, at, reason.trim()),
  ];
}

export const reviewStageOf = stageOfPhase;
