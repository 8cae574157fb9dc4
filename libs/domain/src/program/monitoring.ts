import type { CheckpointDecision } from '../mentorship/mentorship-events.js';
import type { MentorshipPhase } from '../mentorship/mentorship-phase.js';
import type { MentorshipPolicy } from '../mentorship/mentorship-policy.js';

/** What the program knows of one of its mentorships (from the read models and the event log). */
export interface MentorshipSnapshot {
  mentorshipId: string;
  menteeId: string;
  mentorId: string;
  supervisorId: string;
  phase: MentorshipPhase;
  phaseSince: string;
  activeSince: string | null;
  /** Time spent paused so far, and since when it is paused now (absent: none). */
  pausedTotalMs?: number;
  pausedAt?: string | null;
  sessions: number;
  /** Minutes of all logged sessions (absent: unknown, counted as 0). */
  sessionMinutes?: number;
  lastSessionAt: string | null;
  /** When the next session is due (the cadence counts from the last session or the start), if active. */
  nextSessionDueAt?: string | null;
  /** The checkpoint waiting for the supervisor's decision, if any. */
  openCheckpoint?: { checkpoint: number; openedAt: string } | null;
  /** In a midterm or final review: who has not answered yet. */
  reviewMissing?: Array<'mentor' | 'mentee'>;
  remindersSent: number;
  escalations: number;
  /** Decisions of the decided checkpoints, oldest first. */
  checkpointDecisions: CheckpointDecision[];
  /** Mean (1–5) of the mentee's latest pulse, null without one. */
  latestPulseMean: number | null;
  /** Per goal: baseline, latest re-assessed level (or null) and target. */
  goals: Array<{ competencyKey: string; baseline: number | null; latest: number | null; target: number }>;
}

/** Why a mentorship needs someone: one reason per situation, from the first step to the last. */
export type RiskReason =
  | 'APPROVAL_OVERDUE'
  | 'KICKOFF_OVERDUE'
  | 'NO_RECENT_SESSION'
  | 'CHECKPOINT_OVERDUE'
  | 'REVIEW_OVERDUE'
  | 'CHECKPOINT_ESCALATED'
  | 'CHANGES_REQUESTED'
  | 'LOW_SATISFACTION';

export interface AtRisk {
  mentorshipId: string;
  menteeId: string;
  mentorId: string;
  reasons: Array<{
    reason: RiskReason;
    detail: string;
    /** When the situation began (the step opened, the session fell due…). */
    since: string;
    /** How long it has lasted at `now`, in milliseconds. */
    forMs: number;
  }>;
}

export interface ProgramIndicators {
  mentorships: number;
  byPhase: Partial<Record<MentorshipPhase, number>>;
  /** Mean over the started mentorships of their engagement (see engagementOf): between 0 and 1, null before any. */
  engagement: number | null;
  checkpointOutcomes: Record<CheckpointDecision, number>;
  remindersSent: number;
  escalations: number;
  /** Mean of the latest pulses (1–5). */
  satisfaction: number | null;
  /** Per competency: mean level gained (latest − baseline) over the goals re-assessed so far. */
  competencyProgress: Array<{ competencyKey: string; goals: number; meanGained: number }>;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const DAY = 86_400_000;
const days = (ms: number) => {
  const d = Math.floor(ms / DAY);
  return d >= 1 ? `${d} day${d === 1 ? '' : 's'}` : `${Math.max(1, Math.round(ms / 3_600_000))} h`;
};

/**
 * Engagement of one mentorship: sessions logged ÷ sessions its cadence asked for so far, capped at 1
 * (more sessions than asked are welcome, they do not make up for another pair's silence). Sessions
 * asked = max(1, ⌊time active, pauses excluded ÷ sessionEveryMs⌋). Null before it is active.
 */
export function engagementOf(m: MentorshipSnapshot, policy: MentorshipPolicy, now: number): number | null {
  if (!m.activeSince) return null;
  const pausedNow = m.pausedAt ? Math.max(0, now - Date.parse(m.pausedAt)) : 0;
  const activeMs = now - Date.parse(m.activeSince) - (m.pausedTotalMs ?? 0) - pausedNow;
  const asked = Math.max(1, Math.floor(activeMs / policy.sessionEveryMs));
  return Math.min(1, m.sessions / asked);
}

/**
 * What is stuck in one mentorship, each situation with when it began and how long it lasts. A step
 * waiting for a person counts from the moment its first reminder is due: approval, kickoff and
 * reviews after `responseMs`, a checkpoint after `checkpointDecisionMs`, a session
 * `escalationDelayMs` after it fell due (when the supervisor is told).
 */
export function risksOf(m: MentorshipSnapshot, policy: MentorshipPolicy, now: number): AtRisk['reasons'] {
  const reasons: AtRisk['reasons'] = [];
  const overdue = (reason: RiskReason, since: string, graceMs: number, detail: (forMs: number) => string) => {
    const forMs = now - Date.parse(since);
    if (forMs > graceMs) reasons.push({ reason, since, forMs, detail: detail(forMs) });
  };
  const told = m.escalations > 0 ? ` (escalated ${m.escalations} time${m.escalations === 1 ? '' : 's'})` : '';
  if (m.phase === 'AWAITING_SUPERVISOR_APPROVAL')
    overdue(
      'APPROVAL_OVERDUE',
      m.phaseSince,
      policy.responseMs,
      (t) => `waiting for the supervisor's approval for ${days(t)}${told}`,
    );
  if (m.phase === 'KICKOFF')
    overdue('KICKOFF_OVERDUE', m.phaseSince, policy.responseMs, (t) => `goals not agreed for ${days(t)}${told}`);
  if ((m.phase === 'MIDTERM_REVIEW' || m.phase === 'FINAL_EVALUATION') && (m.reviewMissing?.length ?? 0) > 0) {
    const stage = m.phase === 'MIDTERM_REVIEW' ? 'midterm' : 'final';
    overdue(
      'REVIEW_OVERDUE',
      m.phaseSince,
      policy.responseMs,
      (t) => `${stage} review not answered by ${m.reviewMissing!.join(' and ')} for ${days(t)}${told}`,
    );
  }
  const live = m.phase === 'ACTIVE' || m.phase === 'MIDTERM_REVIEW' || m.phase === 'FINAL_EVALUATION';
  if (live && m.openCheckpoint)
    overdue(
      'CHECKPOINT_OVERDUE',
      m.openCheckpoint.openedAt,
      policy.checkpointDecisionMs,
      (t) => `checkpoint ${m.openCheckpoint!.checkpoint} not decided for ${days(t)}${told}`,
    );
  if ((m.phase === 'ACTIVE' || m.phase === 'MIDTERM_REVIEW') && m.nextSessionDueAt)
    overdue('NO_RECENT_SESSION', m.nextSessionDueAt, policy.escalationDelayMs, (t) =>
      m.sessions === 0
        ? `no session logged yet; the first was due ${days(t)} ago${told}`
        : `no session since ${m.lastSessionAt?.slice(0, 10)}; the next was due ${days(t)} ago${told}`,
    );
  const lastDecision = m.checkpointDecisions.at(-1);
  const since = m.openCheckpoint?.openedAt ?? m.phaseSince;
  if (live && lastDecision === 'escalate')
    reasons.push({
      reason: 'CHECKPOINT_ESCALATED',
      since,
      forMs: now - Date.parse(since),
      detail: 'the supervisor escalated the last checkpoint to the owner',
    });
  if (live && lastDecision === 'request-changes')
    reasons.push({
      reason: 'CHANGES_REQUESTED',
      since,
      forMs: now - Date.parse(since),
      detail: 'the supervisor asked the mentor for changes at the last checkpoint',
    });
  if (live && m.latestPulseMean !== null && m.latestPulseMean < 3)
    reasons.push({
      reason: 'LOW_SATISFACTION',
      since: m.phaseSince,
      forMs: now - Date.parse(m.phaseSince),
      detail: `latest pulse ${round2(m.latestPulseMean)} / 5`,
    });
  return reasons;
}

/**
 * Program monitoring as a pure function of the mentorships and their policy: indicators, and the
 * mentorships at risk with every reason that puts them there.
 */
export function monitorProgram(
  list: MentorshipSnapshot[],
  policy: MentorshipPolicy,
  now: number,
): { indicators: ProgramIndicators; atRisk: AtRisk[] } {
  const byPhase: Partial<Record<MentorshipPhase, number>> = {};
  const outcomes: Record<CheckpointDecision, number> = { approve: 0, 'request-changes': 0, escalate: 0 };
  const engagements: number[] = [];
  const progress = new Map<string, { goals: number; gained: number }>();
  const atRisk: AtRisk[] = [];
  for (const m of list) {
    byPhase[m.phase] = (byPhase[m.phase] ?? 0) + 1;
    m.checkpointDecisions.forEach((d) => (outcomes[d] += 1));
    const engagement = engagementOf(m, policy, now);
    if (engagement !== null) engagements.push(engagement);
    for (const g of m.goals) {
      if (g.baseline === null || g.latest === null) continue;
      const p = progress.get(g.competencyKey) ?? { goals: 0, gained: 0 };
      progress.set(g.competencyKey, { goals: p.goals + 1, gained: p.gained + (g.latest - g.baseline) });
    }
    const reasons = risksOf(m, policy, now);
    if (reasons.length > 0)
      atRisk.push({ mentorshipId: m.mentorshipId, menteeId: m.menteeId, mentorId: m.mentorId, reasons });
  }
  const pulses = list.map((m) => m.latestPulseMean).filter((x): x is number => x !== null);
  const longest = (a: AtRisk) => Math.max(...a.reasons.map((r) => r.forMs));
  return {
    indicators: {
      mentorships: list.length,
      byPhase,
      engagement: engagements.length === 0 ? null : round2(engagements.reduce((a, b) => a + b, 0) / engagements.length),
      checkpointOutcomes: outcomes,
      remindersSent: list.reduce((n, m) => n + m.remindersSent, 0),
      escalations: list.reduce((n, m) => n + m.escalations, 0),
      satisfaction: pulses.length === 0 ? null : round2(pulses.reduce((a, b) => a + b, 0) / pulses.length),
      competencyProgress: [...progress.entries()]
        .map(([competencyKey, p]) => ({ competencyKey, goals: p.goals, meanGained: round2(p.gained / p.goals) }))
        .sort((a, b) => a.competencyKey.localeCompare(b.competencyKey)),
    },
    atRisk: atRisk.sort(
      (a, b) =>
        b.reasons.length - a.reasons.length || longest(b) - longest(a) || a.mentorshipId.localeCompare(b.mentorshipId),
    ),
  };
}
