import type { ProgramEvent } from './program-events.js';
import { evolveProgram } from './program-fold.js';
import type { ProgramPhase } from './program-phase.js';
import type { ProgramState } from './program-state.js';

/** One cycle of a program, as the event log tells it. */
export interface CycleView {
  cycle: number;
  startedAt: string;
  /** When the cycle ended — renewed or closed — or null while it runs. */
  endedAt: string | null;
  /** The program as it stood at the end of the cycle (or now, for the running one). */
  state: ProgramState;
  /** The mentorships planned in this cycle (they may run on after it ends). */
  mentorshipIds: string[];
  /** The phases the cycle went through, with when. */
  timeline: Array<{ phase: ProgramPhase; at: string }>;
}

const ENDS_A_CYCLE: ReadonlySet<ProgramPhase> = new Set(['RENEWED', 'CLOSED']);

/**
 * Every cycle of a program, folded from its stream: a renewal starts the next cycle from a fresh
 * state (CycleStarted), so what an earlier cycle planned, reviewed and decided is read from the
 * state just before that — the cycle as it stood when it ended, however long its mentorships go on.
 */
export function programCycles(events: ProgramEvent[]): CycleView[] {
  const cycles: CycleView[] = [];
  let state: ProgramState | null = null;
  let startedAt = events[0]?.at ?? new Date(0).toISOString();
  let endedAt: string | null = null;
  let timeline: CycleView['timeline'] = [];
  const close = (s: ProgramState) =>
    cycles.push({
      cycle: s.cycle ?? 1,
      startedAt,
      endedAt,
      state: s,
      mentorshipIds: (s.execution?.mentorships ?? []).map((m) => m.mentorshipId),
      timeline,
    });
  for (const event of events) {
    if (event.type === 'CycleStarted' && state !== null) {
      close(state);
      startedAt = event.at;
      endedAt = null;
      timeline = [];
    }
    state = evolveProgram(state, event);
    if (event.type === 'ProgramCreated') timeline.push({ phase: state.phase, at: event.at });
    if (event.type === 'ProgramPhaseChanged') {
      timeline.push({ phase: event.data.to, at: event.at });
      if (ENDS_A_CYCLE.has(event.data.to)) endedAt = event.at;
    }
  }
  if (state !== null) close(state);
  return cycles;
}

/** Cycle `n` of the program (default: the running one), or null when it has no such cycle. */
export function cycleView(cycles: CycleView[], n?: number): CycleView | null {
  if (n === undefined) return cycles.at(-1) ?? null;
  return cycles.find((c) => c.cycle === n) ?? null;
}
