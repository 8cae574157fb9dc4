import { describe, expect, it } from '@jest/globals';
import type { ProgramEvent } from './program-events.js';
import { cycleView, programCycles } from './program-cycles.js';

const day = (d: number) => new Date(Date.UTC(2027, 0, 1 + d)).toISOString();
const phase = (d: number, from: string, to: string): ProgramEvent =>
  ({ type: 'ProgramPhaseChanged', at: day(d), actorId: 'claire', data: { from, to, reason: 'x' } }) as ProgramEvent;
const planned = (d: number, mentorshipId: string): ProgramEvent => ({
  type: 'MentorshipPlanned',
  at: day(d),
  actorId: 'claire',
  data: { mentorshipId, menteeId: `mentee-${mentorshipId}`, mentorId: 'eloise', supervisorId: 'paul' },
});

const log: ProgramEvent[] = [
  {
    type: 'ProgramCreated',
    at: day(0),
    actorId: 'claire',
    data: { programId: 'p', name: 'Cycle', ownerId: 'claire', sponsorId: 'sam', objectives: [] },
  },
  phase(1, 'LAUNCH_PLANNING', 'SELECTION_MATCHING'),
  phase(2, 'SELECTION_MATCHING', 'TRAINING'),
  planned(3, 'm1'),
  planned(3, 'm2'),
  phase(4, 'TRAINING', 'EXECUTION'),
  phase(200, 'EXECUTION', 'EVALUATION'),
  {
    type: 'LessonsRecorded',
    at: day(201),
    actorId: 'claire',
    data: { cycle: 1, whatWorked: ['supervision'], whatToChange: [] },
  },
  phase(202, 'EVALUATION', 'RENEWED'),
  { type: 'CycleRenewed', at: day(202), actorId: 'claire', data: { nextCycle: 2, continuing: [] } },
  { type: 'CycleStarted', at: day(202), actorId: 'system', data: { cycle: 2, continuing: [] } },
  phase(202, 'RENEWED', 'LAUNCH_PLANNING'),
  phase(210, 'LAUNCH_PLANNING', 'SELECTION_MATCHING'),
  phase(211, 'SELECTION_MATCHING', 'TRAINING'),
  planned(212, 'm3'),
];

describe('a program’s cycles, from its event log', () => {
  const cycles = programCycles(log);

  it('keeps a renewed cycle as it stood when it ended: its mentorships, phases and dates', () => {
    expect(cycles.map((c) => [c.cycle, c.startedAt, c.endedAt, c.mentorshipIds])).toEqual([
      [1, day(0), day(202), ['m1', 'm2']],
      [2, day(202), null, ['m3']],
    ]);
    expect(cycles[0].state.phase).toBe('RENEWED');
    expect(cycles[0].timeline.map((t) => t.phase)).toEqual([
      'LAUNCH_PLANNING',
      'SELECTION_MATCHING',
      'TRAINING',
      'EXECUTION',
      'EVALUATION',
      'RENEWED',
    ]);
    expect(cycles[1].timeline.map((t) => t.phase)).toEqual(['LAUNCH_PLANNING', 'SELECTION_MATCHING', 'TRAINING']);
    expect(cycles[1].state.lessons).toHaveLength(1);
  });

  it('gives the running cycle by default, an earlier one by number, none for a cycle that never was', () => {
    expect(cycleView(cycles)?.cycle).toBe(2);
    expect(cycleView(cycles, 1)?.mentorshipIds).toEqual(['m1', 'm2']);
    expect(cycleView(cycles, 3)).toBeNull();
    expect(cycleView(cycles, 0)).toBeNull();
  });

  it('ends a closed program’s last cycle at its closure', () => {
    const closed = programCycles([...log.slice(0, 8), phase(203, 'EVALUATION', 'CLOSED')]);
    expect(closed.map((c) => [c.cycle, c.endedAt])).toEqual([[1, day(203)]]);
  });
});
