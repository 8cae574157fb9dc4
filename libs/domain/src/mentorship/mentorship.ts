import { hasRole, type Actor } from '../shared/actor.js';
import { DomainError } from '../shared/domain-error.js';
import { isFinished, type MentorshipPhase } from './mentorship-phase.js';

export interface GoalCompetency {
  competencyKey: string;
  targetLevel: number;
}

export interface BaselineFact {
  name: string;
  unit: string;
  source: string;
  value: number;
  lowerIsBetter: boolean;
}

export interface MentorshipPair {
  mentorshipId: string;
  programId: string;
  menteeId: string;
  mentorId: string;
  supervisorId: string;
  ownerId: string;
}

export type CheckpointDecision = 'approve' | 'request-changes' | 'escalate';

export type MentorshipEvent =
  | { type: 'MentorshipCreated'; at: string; actorId: string; data: MentorshipPair }
  | { type: 'MentorshipPhaseChanged'; at: string; actorId: string; data: { from: MentorshipPhase | null; to: MentorshipPhase; reason: string } }
  | { type: 'KickoffAgreed'; at: string; actorId: string; data: { by: 'mentor' | 'mentee'; goals: GoalCompetency[]; facts: BaselineFact[] } }
  | { type: 'SessionLogged'; at: string; actorId: string; data: { sessionId: string; heldAt: string; minutes: number; topics: string[]; competencies: string[] } }
  | { type: 'CheckpointDecided'; at: string; actorId: string; data: { checkpoint: number; decision: CheckpointDecision; guidance: string | null } }
  | { type: 'MentorshipTerminated'; at: string; actorId: string; data: { reason: string; rematch: boolean } };

export interface MentorshipState extends MentorshipPair {
  phase: MentorshipPhase;
  /** The phase to go back to when a pause ends. */
  pausedFrom: MentorshipPhase | null;
  goals: GoalCompetency[];
  facts: BaselineFact[];
  agreedBy: Array<'mentor' | 'mentee'>;
  activeSince: string | null;
  sessions: number;
  lastSessionAt: string | null;
  checkpointsDecided: number;
  version: number;
}

const err = {
  phase: (actual: MentorshipPhase, expected: MentorshipPhase[]) =>
    new DomainError('MENTORSHIP.WRONG_PHASE', 'WRONG_PHASE', `the mentorship is ${actual}; this needs ${expected.join(' or ')}`, { expected, actual }),
  forbidden: (code: string, message: string) => new DomainError(`MENTORSHIP.${code}`, 'FORBIDDEN', message),
  invalid: (field: string, reason: string) => new DomainError('MENTORSHIP.INVALID', 'INVALID', `${field}: ${reason}`, { field, reason }),
};

const inPhase = (s: MentorshipState, ...expected: MentorshipPhase[]) => {
  if (!expected.includes(s.phase)) throw err.phase(s.phase, expected);
};
const phaseChange = (s: MentorshipState, to: MentorshipPhase, actorId: string, at: string, reason: string): MentorshipEvent => ({
  type: 'MentorshipPhaseChanged',
  at,
  actorId,
  data: { from: s.phase, to, reason },
});

export function createMentorship(pair: MentorshipPair, actorId: string, now: Date): MentorshipEvent[] {
  if (new Set([pair.menteeId, pair.mentorId, pair.supervisorId]).size !== 3) throw err.invalid('supervisorId', 'mentee, mentor and supervisor must be three people');
  const at = now.toISOString();
  return [
    { type: 'MentorshipCreated', at, actorId, data: pair },
    { type: 'MentorshipPhaseChanged', at, actorId, data: { from: null, to: 'AWAITING_SUPERVISOR_APPROVAL', reason: 'pair approved in matching' } },
  ];
}

export function assertSupervisorCanApprove(s: MentorshipState, actor: Actor): void {
  if (actor.personId !== s.supervisorId || !hasRole(actor, 'supervisor')) throw err.forbidden('NOT_SUPERVISOR', `only ${s.supervisorId}, the supervisor of this mentorship, may approve it`);
  inPhase(s, 'AWAITING_SUPERVISOR_APPROVAL');
}

export function supervisorApproves(s: MentorshipState, actor: Actor, now: Date): MentorshipEvent[] {
  assertSupervisorCanApprove(s, actor);
  return [phaseChange(s, 'KICKOFF', actor.personId, now.toISOString(), 'approved by the supervisor')];
}

const sideOf = (s: MentorshipState, actor: Actor): 'mentor' | 'mentee' | null =>
  actor.personId === s.mentorId && hasRole(actor, 'mentor') ? 'mentor' : actor.personId === s.menteeId && hasRole(actor, 'mentee') ? 'mentee' : null;

export function assertCanAgreeKickoff(s: MentorshipState, actor: Actor, goals: GoalCompetency[]): void {
  const side = sideOf(s, actor);
  if (!side) throw err.forbidden('NOT_A_PARTY', 'only the mentor and the mentee of this mentorship agree on its goals');
  inPhase(s, 'KICKOFF');
  if (goals.length < 1 || goals.length > 3) throw err.invalid('goals', 'one to three goal competencies');
  if (new Set(goals.map((g) => g.competencyKey)).size !== goals.length) throw err.invalid('goals', 'each competency once');
  if (goals.some((g) => !Number.isInteger(g.targetLevel) || g.targetLevel < 1 || g.targetLevel > 5)) throw err.invalid('goals', 'target levels are 1 to 5');
  if (s.agreedBy.includes(side)) throw new DomainError('MENTORSHIP.ALREADY_AGREED', 'CONFLICT', `the ${side} has already agreed`);
}

const sameGoals = (a: GoalCompetency[], b: GoalCompetency[]) =>
  a.length === b.length && a.every((g) => b.some((h) => h.competencyKey === g.competencyKey && h.targetLevel === g.targetLevel));

/**
 * Mentor and mentee each agree on the same goals (and the mentor records baseline facts); the
 * second agreement starts the mentorship. Different goals from the second party restart the agreement.
 */
export function agreeKickoff(s: MentorshipState, actor: Actor, goals: GoalCompetency[], facts: BaselineFact[], now: Date): MentorshipEvent[] {
  assertCanAgreeKickoff(s, actor, goals);
  const side = sideOf(s, actor)!;
  const at = now.toISOString();
  const agreed: MentorshipEvent = { type: 'KickoffAgreed', at, actorId: actor.personId, data: { by: side, goals, facts } };
  const otherAgreed = s.agreedBy.length === 1 && sameGoals(s.goals, goals);
  return otherAgreed ? [agreed, phaseChange(s, 'ACTIVE', actor.personId, at, 'goals agreed by mentor and mentee')] : [agreed];
}

export function assertCanLogSession(s: MentorshipState, actor: Actor): void {
  if (actor.personId !== s.mentorId || !hasRole(actor, 'mentor')) throw err.forbidden('NOT_MENTOR', 'only the mentor logs sessions');
  inPhase(s, 'ACTIVE', 'MIDTERM_REVIEW');
}

export function logSession(
  s: MentorshipState,
  actor: Actor,
  session: { sessionId: string; heldAt: string; minutes: number; topics: string[]; competencies: string[] },
  now: Date,
): MentorshipEvent[] {
  assertCanLogSession(s, actor);
  if (!Number.isInteger(session.minutes) || session.minutes < 5 || session.minutes > 480) throw err.invalid('minutes', 'a session lasts 5 to 480 minutes');
  if (Date.parse(session.heldAt) > now.getTime()) throw err.invalid('heldAt', 'a session is logged after it was held');
  return [{ type: 'SessionLogged', at: now.toISOString(), actorId: actor.personId, data: session }];
}

export function assertCanDecideCheckpoint(s: MentorshipState, actor: Actor, checkpoint: number): void {
  if (actor.personId !== s.supervisorId || !hasRole(actor, 'supervisor')) throw err.forbidden('NOT_SUPERVISOR', 'only the supervisor decides checkpoints');
  inPhase(s, 'ACTIVE', 'MIDTERM_REVIEW');
  if (checkpoint !== s.checkpointsDecided + 1) throw new DomainError('MENTORSHIP.NO_OPEN_CHECKPOINT', 'CONFLICT', `checkpoint ${checkpoint} is not the open one`);
}

export function decideCheckpoint(s: MentorshipState, actor: Actor, checkpoint: number, decision: CheckpointDecision, guidance: string | null, now: Date): MentorshipEvent[] {
  assertCanDecideCheckpoint(s, actor, checkpoint);
  if (decision === 'request-changes' && !guidance?.trim()) throw err.invalid('guidance', 'requesting changes needs guidance for the mentor');
  return [{ type: 'CheckpointDecided', at: now.toISOString(), actorId: actor.personId, data: { checkpoint, decision, guidance } }];
}

/** The program's owner ends a mentorship early, with a reason, optionally asking for a rematch. */
export function terminate(s: MentorshipState, actor: Actor, reason: string, rematch: boolean, now: Date): MentorshipEvent[] {
  if (actor.personId !== s.ownerId || !hasRole(actor, 'owner')) throw err.forbidden('NOT_OWNER', "only the program's owner ends a mentorship early");
  if (isFinished(s.phase)) throw err.phase(s.phase, ['AWAITING_SUPERVISOR_APPROVAL', 'KICKOFF', 'ACTIVE', 'MIDTERM_REVIEW', 'FINAL_EVALUATION', 'PAUSED']);
  if (reason.trim().length < 3) throw err.invalid('reason', 'say why the mentorship ends');
  const at = now.toISOString();
  return [
    { type: 'MentorshipTerminated', at, actorId: actor.personId, data: { reason, rematch } },
    phaseChange(s, 'TERMINATED', actor.personId, at, reason),
  ];
}

export function evolveMentorship(s: MentorshipState | null, e: MentorshipEvent): MentorshipState {
  if (e.type === 'MentorshipCreated') {
    if (s !== null) throw new Error('MentorshipCreated must be the first event of its stream');
    return {
      ...e.data,
      phase: 'AWAITING_SUPERVISOR_APPROVAL',
      pausedFrom: null,
      goals: [],
      facts: [],
      agreedBy: [],
      activeSince: null,
      sessions: 0,
      lastSessionAt: null,
      checkpointsDecided: 0,
      version: 1,
    };
  }
  if (s === null) throw new Error(`${e.type} before MentorshipCreated`);
  const next = { ...s, version: s.version + 1 };
  switch (e.type) {
    case 'MentorshipPhaseChanged':
      return {
        ...next,
        phase: e.data.to,
        pausedFrom: e.data.to === 'PAUSED' ? s.phase : null,
        activeSince: e.data.to === 'ACTIVE' && s.activeSince === null ? e.at : s.activeSince,
      };
    case 'KickoffAgreed': {
      const restart = !sameGoals(s.goals, e.data.goals);
      return {
        ...next,
        goals: e.data.goals,
        facts: e.data.by === 'mentor' ? e.data.facts : s.facts,
        agreedBy: restart ? [e.data.by] : [...s.agreedBy, e.data.by],
      };
    }
    case 'SessionLogged':
      return { ...next, sessions: s.sessions + 1, lastSessionAt: s.lastSessionAt && s.lastSessionAt > e.data.heldAt ? s.lastSessionAt : e.data.heldAt };
    case 'CheckpointDecided':
      return { ...next, checkpointsDecided: e.data.checkpoint };
    case 'MentorshipTerminated':
      return next;
  }
}

export const foldMentorship = (events: MentorshipEvent[], from: MentorshipState | null = null): MentorshipState | null =>
  events.reduce<MentorshipState | null>((s, e) => evolveMentorship(s, e), from);
