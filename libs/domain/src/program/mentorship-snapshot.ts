import { INTERACTION_ITEMS } from '../mentorship/interaction-survey.js';
import { openCheckpoint, type MentorshipState } from '../mentorship/mentorship-state.js';
import type { MentorshipPolicy } from '../mentorship/mentorship-policy.js';
import type { RoiEvidence } from '../mentorship/roi.js';
import type { MentorshipSnapshot } from './monitoring.js';

/**
 * What the program's monitoring, reports and recognition read of one mentorship, taken from the
 * mentorship's own state (the fold the workflow holds and the projector stores): one source.
 */
export function snapshotOfMentorship(
  s: MentorshipState,
  policy?: Pick<MentorshipPolicy, 'sessionEveryMs'>,
): MentorshipSnapshot & { roi: RoiEvidence | null } {
  const open = openCheckpoint(s);
  // The mentor re-assesses at the midterm and at the end: the latest of the two counts.
  const latest = s.reviews.final.mentor?.levels ?? s.reviews.midterm.mentor?.levels ?? {};
  const pulse = s.latestPulse?.scores as Partial<Record<string, number>> | undefined;
  return {
    mentorshipId: s.mentorshipId,
    menteeId: s.menteeId,
    mentorId: s.mentorId,
    supervisorId: s.supervisorId,
    phase: s.phase,
    phaseSince: s.phaseSince,
    activeSince: s.activeSince,
    pausedTotalMs: s.pausedTotalMs,
    pausedAt: s.pausedAt,
    nextSessionDueAt:
      s.cadenceFrom && policy ? new Date(Date.parse(s.cadenceFrom) + policy.sessionEveryMs).toISOString() : null,
    openCheckpoint: open ? { checkpoint: open.checkpoint, openedAt: open.openedAt } : null,
    reviewMissing:
      s.phase === 'MIDTERM_REVIEW' || s.phase === 'FINAL_EVALUATION'
        ? (['mentor', 'mentee'] as const).filter(
            (p) => !s.reviews[s.phase === 'MIDTERM_REVIEW' ? 'midterm' : 'final'][p],
          )
        : [],
    sessions: s.sessions,
    sessionMinutes: s.sessionMinutes,
    lastSessionAt: s.lastSessionAt,
    remindersSent: s.remindersSent,
    escalations: s.escalations,
    checkpointDecisions: [...s.checkpoints]
      .sort((a, b) => a.checkpoint - b.checkpoint)
      .flatMap((c) => (c.decision === null ? [] : [c.decision])),
    latestPulseMean: pulse
      ? INTERACTION_ITEMS.reduce((sum, k) => sum + Number(pulse[k] ?? 0), 0) / INTERACTION_ITEMS.length
      : null,
    roi: s.roi,
    goals: s.goals.map((g) => ({
      competencyKey: g.competencyKey,
      target: g.targetLevel,
      baseline: s.baselines[g.competencyKey] ?? null,
      latest: latest[g.competencyKey] ?? null,
    })),
  };
}
