import { describe, expect, it } from '@jest/globals';
import { codeOf } from '../shared/code-of.js';
import { foldProgram } from './program-fold.js';
import type { ProgramState } from './program-state.js';
import type { ProgramEvent } from './program-events.js';
import { decideReview, reviewsDue } from './program-reviews.js';

// Milliseconds from 0 stand for days.
const cadence = { reviewEveryMs: 90, reviewDecisionMs: 7 };
const owner = { personId: 'claire', roles: ['owner' as const] };
const iso = (t: number) => new Date(t).toISOString();
const objectives = [{ title: 'Retain managers', kpis: [{ name: 'Turnover', unit: '%', baseline: 18, target: 12 }] }];
const executing = foldProgram([
  {
    type: 'ProgramCreated',
    at: iso(0),
    actorId: 'claire',
    data: { programId: 'p', name: 'Cycle', ownerId: 'claire', sponsorId: 'sam', objectives },
  },
  {
    type: 'ProgramPhaseChanged',
    at: iso(0),
    actorId: 'claire',
    data: { from: 'TRAINING', to: 'EXECUTION', reason: 'go' },
  },
])!;

function run(s: ProgramState, from: number, until: number): { state: ProgramState; log: Array<[number, string]> } {
  const log: Array<[number, string]> = [];
  let t = from;
  for (let guard = 0; guard < 100; guard++) {
    const due = reviewsDue(s, cadence, t);
    if (due.events.length) {
      due.events.forEach((e: ProgramEvent) => log.push([t, e.type]));
      s = foldProgram(due.events, s)!;
      continue;
    }
    if (due.wakeAt > until) return { state: s, log };
    t = due.wakeAt;
  }
  throw new Error('no settle');
}

describe('re-alignment reviews', () => {
  it('open every period in EXECUTION; an undecided one reminds the owner, then tells the sponsor', () => {
    const { state, log } = run(executing, 0, 1000);
    expect(log).toEqual([
      [90, 'ReviewOpened'],
      [97, 'ReviewReminderSent'],
      [104, 'ReviewEscalated'],
    ]);
    // Still open and decidable after the escalation; the next review waits for this decision.
    expect(state.reviews?.[0]).toMatchObject({ review: 1, decision: null });
  });

  it('applies an adjustment to the running cycle, and the next review opens on its date', () => {
    const open = run(executing, 0, 92).state;
    const adjusted = [{ title: 'Retain managers', kpis: [{ name: 'Turnover', unit: '%', baseline: 18, target: 10 }] }];
    expect(
      codeOf(() =>
        decideReview(
          open,
          { personId: 'sam', roles: ['sponsor'] },
          1,
          { decision: 'keep', notes: 'fine' },
          new Date(92),
        ),
      ),
    ).toBe('PROGRAM.NOT_OWNER');
    expect(codeOf(() => decideReview(open, owner, 2, { decision: 'keep', notes: 'fine' }, new Date(92)))).toBe(
      'PROGRAM.NO_OPEN_REVIEW',
    );
    expect(codeOf(() => decideReview(open, owner, 1, { decision: 'adjust', notes: 'tighter' }, new Date(92)))).toBe(
      'PROGRAM.INVALID',
    );
    const decided = foldProgram(
      decideReview(
        open,
        owner,
        1,
        { decision: 'adjust', notes: 'Turnover falls faster than planned', objectives: adjusted },
        new Date(92),
      ),
      open,
    )!;
    expect(decided.objectives).toEqual(adjusted);
    expect(decided.reviews?.[0]).toMatchObject({ decision: 'adjust', decidedBy: 'claire' });
    expect(run(decided, 92, 185).log).toEqual([[180, 'ReviewOpened']]);
  });

  it('do not run outside EXECUTION', () => {
    const training = foldProgram(
      [
        {
          type: 'ProgramPhaseChanged',
          at: iso(0),
          actorId: 'claire',
          data: { from: 'EXECUTION', to: 'EVALUATION', reason: 'end' },
        },
      ],
      executing,
    )!;
    expect(reviewsDue(training, cadence, 10_000)).toEqual({ events: [], wakeAt: Infinity });
  });
});
