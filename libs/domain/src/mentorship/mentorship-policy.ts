const DAY = 24 * 3600 * 1000;

/**
 * Cadences of a mentorship, all durations in milliseconds so that tests run the same code with
 * seconds. They come from the program's policy; the defaults are a realistic managerial mentorship.
 */
export interface MentorshipPolicy {
  /** A session is expected at least this often. */
  sessionEveryMs: number;
  /** The mentor is reminded this long before a session is due. */
  reminderLeadMs: number;
  /** With still no session this long after it was due, the supervisor is told. */
  escalationDelayMs: number;
  /** A supervision checkpoint opens this often. */
  checkpointEveryMs: number;
  /** The supervisor has this long to decide a checkpoint before a reminder, then as long again before the owner is told. */
  checkpointDecisionMs: number;
  /** Supervisor approval, kickoff agreement and reviews: a reminder after this long, the escalation after as long again. */
  responseMs: number;
  /** Midterm review, from the start of ACTIVE. */
  midtermAfterMs: number;
  /** Final evaluation, from the start of ACTIVE. */
  endAfterMs: number;
  /**
   * After an escalation, while the step is still not done, the owner is told again this often
   * (the follow-up ladder). Absent in the policies of mentorships started before it: no repeats.
   */
  followUpRepeatMs?: number;
}

export const DEFAULT_MENTORSHIP_POLICY: MentorshipPolicy = {
  sessionEveryMs: 14 * DAY,
  reminderLeadMs: 2 * DAY,
  escalationDelayMs: 7 * DAY,
  checkpointEveryMs: 42 * DAY,
  checkpointDecisionMs: 5 * DAY,
  responseMs: 5 * DAY,
  midtermAfterMs: 91 * DAY,
  endAfterMs: 182 * DAY,
  followUpRepeatMs: 7 * DAY,
};

/** Problems of a policy, naming the field; empty when it is coherent. */
export function policyProblems(p: MentorshipPolicy): Array<{ field: keyof MentorshipPolicy; message: string }> {
  const out: Array<{ field: keyof MentorshipPolicy; message: string }> = [];
  for (const [field, value] of Object.entries(p) as Array<[keyof MentorshipPolicy, number | undefined]>) {
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value <= 0) out.push({ field, message: 'must be a positive duration' });
  }
  if (p.reminderLeadMs >= p.sessionEveryMs)
    out.push({ field: 'reminderLeadMs', message: 'the reminder must come before the session is due' });
  if (p.midtermAfterMs >= p.endAfterMs)
    out.push({ field: 'midtermAfterMs', message: 'the midterm must come before the end' });
  return out;
}
