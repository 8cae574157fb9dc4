import type { MentorshipPhase } from './mentorship-phase.js';
import type {
  BaselineFact,
  CheckpointDecision,
  FollowUpSubject,
  GoalCompetency,
  MentorshipEvent,
  MentorshipPair,
  Party,
  ReviewStage,
  ReviewSubmission,
} from './mentorship-events.js';
import type { InteractionSurvey } from './interaction-survey.js';
import type { RoiEvidence } from './roi.js';

export interface CheckpointState {
  checkpoint: number;
  openedAt: string;
  decision: CheckpointDecision | null;
  guidance: string | null;
  decidedAt: string | null;
}

export interface MentorshipState extends MentorshipPair {
  phase: MentorshipPhase;
  /** When the current phase began: human-step deadlines count from here. */
  phaseSince: string;
  /** The phase to go back to when a pause ends. */
  pausedFrom: MentorshipPhase | null;
  pausedAt: string | null;
  /** Total paused time inside ACTIVE: midterm, end and checkpoints move by as much. */
  pausedTotalMs: number;
  goals: GoalCompetency[];
  baselines: Record<string, number>;
  facts: BaselineFact[];
  agreedBy: Party[];
  activeSince: string | null;
  midtermDone: boolean;
  sessions: number;
  sessionMinutes: number;
  lastSessionAt: string | null;
  /** The latest session ids: a session is logged once, whatever retries happen. */
  recentSessionIds: string[];
  /** The session cadence counts from here: the last session, the start of ACTIVE, or the end of a pause. */
  cadenceFrom: string | null;
  checkpoints: CheckpointState[];
  latestPulse: InteractionSurvey | null;
  reviews: Record<ReviewStage, Partial<Record<Party, ReviewSubmission>>>;
  /** Occurrences already reminded / escalated, as `subject@occurrence`: each happens once. */
  reminded: string[];
  escalated: string[];
  /** Per escalated occurrence: how many rounds so far and when the last one went (absent in older states). */
  escalationRounds?: Record<string, { rounds: number; lastAt: string }>;
  remindersSent: number;
  escalations: number;
  roi: RoiEvidence | null;
  terminationReason: string | null;
  rematchRequested: boolean;
  /** Number of events in the stream: the next event gets version `version + 1`. */
  version: number;
}

export const followUpKey = (subject: FollowUpSubject, occurrence: string): string => `${subject}@${occurrence}`;

export const openCheckpoint = (s: MentorshipState): CheckpointState | undefined =>
  s.checkpoints.find((c) => c.decision === null);

const sameGoals = (a: GoalCompetency[], b: GoalCompetency[]) =>
  a.length === b.length &&
  a.every((g) => b.some((h) => h.competencyKey === g.competencyKey && h.targetLevel === g.targetLevel));
export { sameGoals };

export function evolveMentorship(s: MentorshipState | null, e: MentorshipEvent): MentorshipState {
  if (e.type === 'MentorshipCreated') {
    if (s !== null) throw new Error('MentorshipCreated must be the first event of its stream');
    return {
      ...e.data,
      phase: 'AWAITING_SUPERVISOR_APPROVAL',
      phaseSince: e.at,
      pausedFrom: null,
      pausedAt: null,
      pausedTotalMs: 0,
      goals: [],
      baselines: {},
      facts: [],
      agreedBy: [],
      activeSince: null,
      midtermDone: false,
      sessions: 0,
      sessionMinutes: 0,
      lastSessionAt: null,
      recentSessionIds: [],
      cadenceFrom: null,
      checkpoints: [],
      latestPulse: null,
      reviews: { midterm: {}, final: {} },
      reminded: [],
      escalated: [],
      remindersSent: 0,
      escalations: 0,
      roi: null,
      terminationReason: null,
      rematchRequested: false,
      version: 1,
    };
  }
  if (s === null) throw new Error(`${e.type} before MentorshipCreated`);
  const next: MentorshipState = { ...s, version: s.version + 1 };
  switch (e.type) {
    case 'MentorshipPhaseChanged': {
      const { from, to } = e.data;
      const changed: MentorshipState = { ...next, phase: to, phaseSince: e.at };
      if (to === 'PAUSED') return { ...changed, pausedFrom: s.phase, pausedAt: e.at };
      if (from === 'PAUSED') {
        const paused = s.pausedAt ? Date.parse(e.at) - Date.parse(s.pausedAt) : 0;
        // A human step resumes with its own deadline restarted; ACTIVE time stops while paused.
        return {
          ...changed,
          pausedFrom: null,
          pausedAt: null,
          pausedTotalMs: s.pausedTotalMs + (s.activeSince ? paused : 0),
          cadenceFrom: s.activeSince ? e.at : s.cadenceFrom,
        };
      }
      if (to === 'ACTIVE' && s.activeSince === null) return { ...changed, activeSince: e.at, cadenceFrom: e.at };
      if (from === 'MIDTERM_REVIEW' && to === 'ACTIVE') return { ...changed, midtermDone: true };
      return changed;
    }
    case 'KickoffAgreed': {
      const restart = !sameGoals(s.goals, e.data.goals);
      return {
        ...next,
        goals: e.data.goals,
        baselines: e.data.by === 'mentor' ? e.data.baselines : s.baselines,
        facts: e.data.by === 'mentor' ? e.data.facts : s.facts,
        agreedBy: restart ? [e.data.by] : [...s.agreedBy, e.data.by],
      };
    }
    case 'SessionLogged': {
      const last = s.lastSessionAt && s.lastSessionAt > e.data.heldAt ? s.lastSessionAt : e.data.heldAt;
      const cadenceFrom = s.cadenceFrom && s.cadenceFrom > last ? s.cadenceFrom : last;
      const recentSessionIds = [...(s.recentSessionIds ?? []), e.data.sessionId].slice(-50);
      return {
        ...next,
        sessions: s.sessions + 1,
        sessionMinutes: s.sessionMinutes + e.data.minutes,
        lastSessionAt: last,
        cadenceFrom,
        recentSessionIds,
      };
    }
    case 'PulseSubmitted':
      return { ...next, latestPulse: e.data.survey };
    case 'CheckpointOpened':
      return {
        ...next,
        checkpoints: [
          ...s.checkpoints,
          { checkpoint: e.data.checkpoint, openedAt: e.at, decision: null, guidance: null, decidedAt: null },
        ],
      };
    case 'CheckpointDecided':
      return {
        ...next,
        checkpoints: s.checkpoints.map((c) =>
          c.checkpoint === e.data.checkpoint
            ? { ...c, decision: e.data.decision, guidance: e.data.guidance, decidedAt: e.at }
            : c,
        ),
      };
    case 'ReviewSubmitted': {
      const { stage, ...submission } = e.data;
      return { ...next, reviews: { ...s.reviews, [stage]: { ...s.reviews[stage], [submission.by]: submission } } };
    }
    case 'ReminderSent':
      return {
        ...next,
        reminded: [...s.reminded, followUpKey(e.data.subject, e.data.occurrence)],
        remindersSent: s.remindersSent + 1,
      };
    case 'Escalated': {
      const key = followUpKey(e.data.subject, e.data.occurrence);
      const rounds = (s.escalationRounds?.[key]?.rounds ?? 0) + 1;
      return {
        ...next,
        escalated: s.escalated.includes(key) ? s.escalated : [...s.escalated, key],
        escalationRounds: { ...s.escalationRounds, [key]: { rounds, lastAt: e.at } },
        escalations: s.escalations + 1,
      };
    }
    case 'RoiEvidenceRecorded':
      return { ...next, roi: e.data };
    case 'MentorshipTerminated':
      return { ...next, terminationReason: e.data.reason, rematchRequested: e.data.rematch };
    default: {
      // A new event type fails to compile here until the fold handles it.
      const _exhaustive: never = e;
      return _exhaustive;
    }
  }
}

export const foldMentorship = (
  events: MentorshipEvent[],
  from: MentorshipState | null = null,
): MentorshipState | null => events.reduce<MentorshipState | null>((s, e) => evolveMentorship(s, e), from);
