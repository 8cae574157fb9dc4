import type { MentorshipPolicy } from '../../libs/domain/src/index.js';

/** A dry run compresses the compressed clocks further (SCALE_MINUTE_MS=6000: ten times faster). */
export const MINUTE = Number(process.env.SCALE_MINUTE_MS ?? 60_000);

/**
 * Compressed clocks that wake every mentorship once per 10 minutes on their own, with no one acting:
 * from the start of ACTIVE (a), the session reminder at a+10 (due a+15, 5 min lead), the first
 * checkpoint opens at a+20, the session escalation at a+30, the checkpoint reminder at a+40, the
 * midterm at a+50, the checkpoint escalation at a+60, the midterm review's reminder at a+70 and its
 * escalation at a+90. A session logged or a checkpoint decided moves these as in production (a new
 * reminder 10 minutes after the session, the next checkpoint on its date), never leaving a gap over
 * 10 minutes. With the activations spread evenly over a multiple of 10 minutes, 10,000 mentorships
 * make 10,000 / 600 s ≈ 16.7 wakes per second, whatever people do meanwhile.
 */
export const SCALE_POLICY: MentorshipPolicy = {
  sessionEveryMs: 15 * MINUTE,
  reminderLeadMs: 5 * MINUTE,
  escalationDelayMs: 15 * MINUTE,
  checkpointEveryMs: 20 * MINUTE,
  checkpointDecisionMs: 20 * MINUTE,
  responseMs: 20 * MINUTE,
  midtermAfterMs: 50 * MINUTE,
  endAfterMs: 100 * MINUTE,
};

/** A session logged now brings its reminder this much later: the ramp's wakes come due this long after its Updates. */
export const REMIND_AFTER = SCALE_POLICY.sessionEveryMs - SCALE_POLICY.reminderLeadMs;

export interface ScaleOptions {
  mentorships: number;
  /** Activations spread evenly over this long (a multiple of 10 minutes keeps the wakes even). */
  activationMs: number;
  /** The hold with two workers, then with one. */
  holdMs: number;
  oneWorkerMs: number;
  /** People acting during the hold: sessions logged and checkpoints decided per second, in all. */
  sessionsPerSecond: number;
  decisionsPerSecond: number;
  /** Session-logging rates of the ramp (per second); their reminders come due REMIND_AFTER later. */
  ramp: number[];
  rampStepMs: number;
  /** Longest wait for the facts due before the end to be stored. */
  drainMs: number;
  /** The final check queries every workflow: this many at a time, each bounded, the whole within `checkMs` (wall time). */
  checkParallel: number;
  checkMs: number;
  log: (line: string) => void;
}

export function scaleOptions(env: NodeJS.ProcessEnv = process.env): ScaleOptions {
  const minutes = (name: string, fallback: number) => Number(env[name] ?? fallback) * MINUTE;
  return {
    mentorships: Number(env.SCALE_MENTORSHIPS ?? 10_000),
    activationMs: minutes('SCALE_ACTIVATION_MINUTES', 20),
    holdMs: minutes('SCALE_HOLD_MINUTES', 30),
    oneWorkerMs: minutes('SCALE_ONE_WORKER_MINUTES', 10),
    sessionsPerSecond: Number(env.SCALE_SESSIONS_PER_S ?? 1.5),
    decisionsPerSecond: Number(env.SCALE_DECISIONS_PER_S ?? 1),
    ramp: (env.SCALE_RAMP ?? '10,20,30,45,60').split(',').map(Number),
    rampStepMs: Number(env.SCALE_RAMP_STEP_S ?? 60) * 1000,
    drainMs: minutes('SCALE_DRAIN_MINUTES', 10),
    // Real minutes, not compressed ones: a query takes the time it takes.
    checkParallel: positive(env, 'SCALE_CHECK_PARALLEL', 32),
    checkMs: positive(env, 'SCALE_CHECK_MINUTES', 10) * 60_000,
    log: (line) => process.stderr.write(`[scale ${new Date().toISOString().slice(11, 19)}] ${line}\n`),
  };
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name] ?? fallback);
  if (!(value > 0)) throw new Error(`${name} must be a positive number, got "${env[name]}"`);
  return value;
}
