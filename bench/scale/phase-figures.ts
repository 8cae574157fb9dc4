import type { BenchRow } from '../report.js';
import type { ClockFact } from './clock-facts.js';
import { quantile, type Http } from './http-load.js';

/** A stretch of the run: the clock facts due in it, and the Updates sent under its label. */
export interface Phase {
  name: string;
  from: number;
  to: number;
}

export interface WakeFigures {
  count: number;
  perSecond: number;
  /** Due → stored, ms. */
  p50: number;
  p99: number;
  max: number;
  /** Due → decided by the workflow (the rest is the worker storing it), ms. */
  decidedP99: number;
}

export function wakeFigures(facts: ClockFact[], phase: Phase): WakeFigures {
  const due = facts.filter((f) => f.due >= phase.from && f.due < phase.to);
  const late = due.map((f) => f.stored - f.due);
  return {
    count: due.length,
    perSecond: due.length / ((phase.to - phase.from) / 1000),
    p50: quantile(late, 0.5),
    p99: quantile(late, 0.99),
    max: late.length ? late.reduce((a, b) => Math.max(a, b)) : NaN,
    decidedP99: quantile(
      due.map((f) => f.decided - f.due),
      0.99,
    ),
  };
}

const s = (ms: number) => ms / 1000;

/** The figures of a phase of the hold: wakes and their lateness, Updates and their latency. */
export function phaseRows(facts: ClockFact[], phase: Phase, http: Http): BenchRow[] {
  const w = wakeFigures(facts, phase);
  const sessions = http.latencies.get(phase.name) ?? [];
  const decisions = http.latencies.get(`${phase.name} checkpoint`) ?? [];
  return [
    {
      name: `${phase.name}: clock facts due (reminders, escalations, checkpoints, midterms)`,
      value: w.count,
      unit: `(${w.perSecond.toFixed(1)}/s over ${((phase.to - phase.from) / 60_000).toFixed(0)} min)`,
    },
    { name: `${phase.name}: lateness p50 (due → stored)`, value: s(w.p50), unit: 's' },
    { name: `${phase.name}: lateness p99 (target ≤ 5 s)`, value: s(w.p99), unit: 's' },
    { name: `${phase.name}: lateness max`, value: s(w.max), unit: 's' },
    { name: `${phase.name}: due → decided by the workflow, p99`, value: s(w.decidedP99), unit: 's' },
    {
      name: `${phase.name}: Update latency p95, log a session over HTTP (${sessions.length} calls)`,
      value: quantile(sessions, 0.95),
      unit: 'ms',
    },
    {
      name: `${phase.name}: Update latency p95, decide a checkpoint (${decisions.length} calls)`,
      value: quantile(decisions, 0.95),
      unit: 'ms',
    },
    {
      name: `${phase.name}: Updates unanswered (5xx, reset or no answer within 30 s)`,
      value: (http.unanswered.get(phase.name) ?? 0) + (http.unanswered.get(`${phase.name} checkpoint`) ?? 0),
      unit: '',
    },
  ];
}

/** Each ramp step's wakes (all clock facts due in its window); the highest rate whose p99 stays ≤ 5 s. */
export function rampFigures(facts: ClockFact[], steps: Phase[]): { notes: string[]; sustained: number } {
  let sustained = 0;
  const notes = steps.map((step) => {
    const w = wakeFigures(facts, step);
    if (w.p99 <= 5000) sustained = Math.max(sustained, w.perSecond);
    return (
      `${step.name}: ${w.count} clock facts due at ${w.perSecond.toFixed(1)}/s, lateness p50 ` +
      `${s(w.p50).toFixed(2)} s, p99 ${s(w.p99).toFixed(2)} s, max ${s(w.max).toFixed(2)} s`
    );
  });
  return { notes, sustained };
}
