import { INTERACTION_ITEMS } from '../mentorship/interaction-survey.js';
import type { MentorshipState } from '../mentorship/mentorship-state.js';
import type { RoiEvidence } from '../mentorship/roi.js';
import type { MentorshipSnapshot } from './monitoring.js';

/**
 * What the program's monitoring, reports and recognition read of one mentorship, taken from the
 * mentorship's own state (the fold the workflow holds and the projector stores): one source.
 */
export function snapshotOfMentorship(s: MentorshipState): MentorshipSnapshot & { roi: RoiEvidence | null } {
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
