import { CASE_CONSENTS, type CaseConsent } from '../cases/case-consent.js';
import { hasRole, type Actor } from '../shared/actor.js';
import { DomainError } from '../shared/domain-error.js';
import { assertSurvey, type InteractionSurvey } from './interaction-survey.js';
import type {
  BaselineFact,
  GoalCompetency,
  LoggedSession,
  MentorshipEvent,
  MentorshipPair,
  Party,
} from './mentorship-events.js';
import { err, inPhase, isLevel, isSupervisor, partyOf, phaseChange } from './mentorship-rules.js';
import { sameGoals, type MentorshipState } from './mentorship-state.js';

export * from './mentorship-events.js';
export * from './mentorship-state.js';
export * from './mentorship-economics.js';
export * from './mentorship-supervision.js';
export * from './mentorship-reviews.js';
export { partyOf, phaseChange } from './mentorship-rules.js';

// A mentorship's start: creation, the supervisor's approval, the kickoff; then sessions and pulses.

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
  /**
   * The party's answer: may their writing in this mentorship (shared notes, review comments) feed
   * de-identified training cases? Absent = not given (an earlier answer on record stands).
   */
  caseConsent?: CaseConsent;
}

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
  if (input.caseConsent !== undefined && !CASE_CONSENTS.includes(input.caseConsent))
    throw err.invalid('caseConsent', 'granted or refused');
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
      ...(input.caseConsent !== undefined ? { caseConsent: input.caseConsent } : {}),
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
