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
  sessions: number;
  /** Minutes of all logged sessions (absent: unknown, counted as 0). */
  sessionMinutes?: number;
  lastSessionAt: string | null;
  remindersSent: number;
  escalations: number;
  /** Decisions of the decided checkpoints, oldest first. */
  checkpointDecisions: CheckpointDecision[];
  /** Mean (1–5) of the mentee's latest pulse, null without one. */
  latestPulseMean: number | null;
  /** Per goal: baseline, latest re-assessed level (or null) and target. */
  goals: Array<{ competencyKey: string; baseline: number | null; latest: number | null; target: number }>;
}

export type RiskReason =
  | 'NO_RECENT_SESSION'
  | 'ESCALATED'
  | 'CHECKPOINT_ESCALATED'
  | 'CHANGES_REQUESTED'
  | 'LOW_SATISFACTION'
  | 'STUCK_BEFORE_START';

export interface AtRisk {
  mentorshipId: string;
  menteeId: string;
  mentorId: string;
  reasons: Array<{ reason: RiskReason; detail: string }>;
}

export interface ProgramIndicators {
  mentorships: number;
  byPhase: Partial<Record<MentorshipPhase, number>>;
  /** Sessions logged ÷ sessions the cadence asked for so far, over mentorships that started (null before any). */
  engagement: number | null;
  checkpointOutcomes: Record<CheckpointDecision, number>;
  remindersSent: number;
  escalations: number;
  /** Mean of the latest pulses (1–5). */
  satisfaction: number | null;
  /** Per competency: mean level gained (latest − baseline) over the goals re-assessed so far. */
  competencyProgress: Array<{ competencyKey: string; goals: number; meanGained: number }>;
}

const LIVE: MentorshipPhase[] = ['ACTIVE', 'MIDTERM_REVIEW', 'FINAL_EVALUATION', 'PAUSED'];
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Program monitoring as a pure function of the mentorships and the policy: indicators, and the
 * mentorships at risk with every reason that puts them there.
 */
export function monitorProgram(
  list: MentorshipSnapshot[],
  policy: MentorshipPolicy,
  now: number,
): { indicators: ProgramIndicators; atRisk: AtRisk[] } {
  const byPhase: Partial<Record<MentorshipPhase, number>> = {};
  const outcomes: Record<CheckpointDecision, number> = { approve: 0, 'request-changes': 0, escalate: 0 };
  let logged = 0;
  let expected = 0;
  const progress = new Map<string, { goals: number; gained: number }>();
  const atRisk: AtRisk[] = [];
  for (const m of list) {
    byPhase[m.phase] = (byPhase[m.phase] ?? 0) + 1;
    m.checkpointDecisions.forEach((d) => (outcomes[d] += 1));
    if (m.activeSince) {
      logged += m.sessions;
      expected += Math.max(1, Math.floor((now - Date.parse(m.activeSince)) / policy.sessionEveryMs));
    }
    for (const g of m.goals) {
      if (g.baseline === null || g.latest === null) continue;
      const p = progress.get(g.competencyKey) ?? { goals: 0, gained: 0 };
      progress.set(g.competencyKey, { goals: p.goals + 1, gained: p.gained + (g.latest - g.baseline) });
    }
    const reasons: AtRisk['reasons'] = [];
    const live = LIVE.includes(m.phase) && m.phase !== 'PAUSED';
    const lastContact = Date.parse(m.lastSessionAt ?? m.activeSince ?? m.phaseSince);
    if (live && now - lastContact > 2 * policy.sessionEveryMs)
      reasons.push({ reason: 'NO_RECENT_SESSION', detail: `no session since ${new Date(lastContact).toISOString()}` });
    if (live && m.escalations > 0)
      reasons.push({ reason: 'ESCALATED', detail: `${m.escalations} escalation(s) so far` });
    const lastDecision = m.checkpointDecisions.at(-1);
    if (live && lastDecision === 'escalate')
      reasons.push({
        reason: 'CHECKPOINT_ESCALATED',
        detail: 'the supervisor escalated the last checkpoint to the owner',
      });
    if (live && lastDecision === 'request-changes')
      reasons.push({
        reason: 'CHANGES_REQUESTED',
        detail: 'the supervisor asked the mentor for changes at the last checkpoint',
      });
    if (live && m.latestPulseMean !== null && m.latestPulseMean < 3)
      reasons.push({ reason: 'LOW_SATISFACTION', detail: `latest pulse ${round2(m.latestPulseMean)} / 5` });
    if (
      (m.phase === 'AWAITING_SUPERVISOR_APPROVAL' || m.phase === 'KICKOFF') &&
      now - Date.parse(m.phaseSince) > 2 * policy.responseMs
    ) {
      reasons.push({ reason: 'STUCK_BEFORE_START', detail: `${m.phase} since ${m.phaseSince}` });
    }
    if (reasons.length > 0)
      atRisk.push({ mentorshipId: m.mentorshipId, menteeId: m.menteeId, mentorId: m.mentorId, reasons });
  }
  const pulses = list.map((m) => m.latestPulseMean).filter((x): x is number => x !== null);
  return {
    indicators: {
      mentorships: list.length,
      byPhase,
      engagement: expected === 0 ? null : round2(logged / expected),
      checkpointOutcomes: outcomes,
      remindersSent: list.reduce((n, m) => n + m.remindersSent, 0),
      escalations: list.reduce((n, m) => n + m.escalations, 0),
      satisfaction: pulses.length === 0 ? null : round2(pulses.reduce((a, b) => a + b, 0) / pulses.length),
      competencyProgress: [...progress.entries()]
        .map(([competencyKey, p]) => ({ competencyKey, goals: p.goals, meanGained: round2(p.gained / p.goals) }))
        .sort((a, b) => a.competencyKey.localeCompare(b.competencyKey)),
    },
    atRisk: atRisk.sort((a, b) => b.reasons.length - a.reasons.length || a.mentorshipId.localeCompare(b.mentorshipId)),
  };
}
