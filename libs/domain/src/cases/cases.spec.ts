import { describe, expect, it } from '@jest/globals';
import { codeOf } from '../shared/code-of.js';
import { foldProgram } from '../program/program-fold.js';
import type { ProgramState } from '../program/program-state.js';
import type { ProgramEvent } from '../program/program-events.js';
import { recordTraining } from '../program/program-execution.js';
import { editTrainingPlan, proposeTrainingPlan } from '../program/program-training-plan.js';
import type { CaseConsent } from './case-consent.js';
import { buildCaseLibrary, casesFor, type CaseMaterial } from './case-library.js';
import { deidentifier } from './deidentify.js';
import { eligibleTrainers, proposeTrainingPlanItems, type TrainingPlanInput } from './training-plan.js';

const directory = [
  { id: 'E001', name: 'Zoé Martin', email: 'zoe.martin@example.com' },
  { id: 'E002', name: 'Hugo Lefèvre', email: 'hugo@example.com' },
  { id: 'E003', name: 'Éloïse Marie-Claire Dubois', email: 'eloise@example.com' },
  { id: 'E004', name: 'Paul de la Tour', email: 'paul@example.com' },
  { id: 'E005', name: 'Ravi Shah', email: 'ravi@example.com' },
];
const names = directory.flatMap((p) => p.name.split(/[\s-]+/)).filter((w) => w.length > 2 && !['la'].includes(w));

describe('de-identification', () => {
  const d = deidentifier(directory);
  const roles = new Map([
    ['E001', 'mentee'],
    ['E003', 'mentor'],
  ]);

  it('replaces full names, name parts, accents or not, emails and ids by roles or [colleague]', () => {
    expect(
      d.clean(
        'Zoe told Eloise Marie-Claire Dubois that Hugo (hugo@example.com, E002) and M. Lefevre keep cancelling; ask paul de la tour.',
        roles,
      ),
    ).toBe(
      '[mentee] told [mentor] that [colleague] ([colleague], [colleague]) and M. [colleague] keep cancelling; ask [colleague].',
    );
    expect(d.clean('Dubois a parlé à ZOÉ MARTIN et à Shah.', roles)).toBe(
      '[mentor] a parlé à [mentee] et à [colleague].',
    );
  });

  it('leaves words that only contain a name alone', () => {
    expect(d.clean('Paulette and Martinez met in the Tourcoing plant.', roles)).toBe(
      'Paulette and Martinez met in the Tourcoing plant.',
    );
  });
});

const material = (over: Partial<CaseMaterial> = {}): CaseMaterial => ({
  source: 'mentorship',
  ref: 'm-1',
  cycle: 1,
  menteeId: 'E001',
  mentorId: 'E003',
  supervisorId: 'E004',
  declaredCompetencies: ['delegation'],
  sessions: [{ topics: ['delegating the rota'], sharedNotes: 'Zoé kept taking work back from Hugo when it slipped.' }],
  guidance: ['Paul: let Zoé agree check-in points with Hugo instead of taking the rota back.'],
  changes: [{ by: 'mentee', text: 'I now delegate the rota; Hugo runs it.' }],
  anecdotes: [],
  levelsGained: 1,
  ...over,
});
const allConsent = (): CaseConsent => 'granted';

describe('the case library', () => {
  const options = {
    consent: allConsent,
    deidentify: deidentifier(directory),
    competencyKeys: new Set(['delegation', 'feedback', 'conflict']),
    fileByText: false,
  };

  it('files a case under the declared competencies, de-identified, without any person id', () => {
    const [c] = buildCaseLibrary([material()], options);
    expect(c.competencies).toEqual([{ key: 'delegation', by: 'declared' }]);
    expect(c.situation).toEqual([
      'delegating the rota',
      '[mentee] kept taking work back from [colleague] when it slipped.',
    ]);
    expect(c.guidance[0]).toBe(
      '[supervisor]: let [mentee] agree check-in points with [colleague] instead of taking the rota back.',
    );
    const text = JSON.stringify(c);
    for (const n of [...names, ...directory.map((p) => p.id), 'm-1']) expect([n, text.includes(n)]).toEqual([n, false]);
  });

  it('uses only the texts of authors who consented, and drops a case with nothing left', () => {
    const refuse =
      (who: string) =>
      (id: string): CaseConsent | null =>
        id === who ? 'refused' : 'granted';
    const withoutMentor = buildCaseLibrary([material()], { ...options, consent: refuse('E003') })[0];
    expect(withoutMentor.situation).toEqual([]);
    expect(withoutMentor.guidance).toHaveLength(1);
    const notAsked = buildCaseLibrary([material()], { ...options, consent: () => null });
    expect(notAsked).toEqual([]);
    const pilot = material({
      source: 'pilot',
      cycle: null,
      sessions: [],
      guidance: [],
      changes: [],
      anecdotes: ['An anecdote.'],
    });
    expect(buildCaseLibrary([pilot], { ...options, consent: refuse('E001') })).toEqual([]);
    expect(buildCaseLibrary([pilot], options)[0].anecdotes).toEqual(['An anecdote.']);
  });

  it('files by text only when the gate allows it', () => {
    const m = material({ changes: [{ by: 'mentee', text: 'A conflict between two leads was settled.' }] });
    expect(buildCaseLibrary([m], options)[0].competencies.map((c) => c.key)).toEqual(['delegation']);
    expect(buildCaseLibrary([m], { ...options, fileByText: true })[0].competencies).toEqual([
      { key: 'delegation', by: 'declared' },
      { key: 'conflict', by: 'text' },
    ]);
  });

  it('ranks cases with guidance, a visible change and progress first', () => {
    const cases = buildCaseLibrary(
      [
        material({ ref: 'weak', guidance: [], changes: [], levelsGained: 0 }),
        material({ ref: 'strong', levelsGained: 2 }),
      ],
      options,
    );
    const [first] = casesFor(cases, 'delegation', 1);
    expect(first.levelsGained).toBe(2);
  });
});

// A program in TRAINING for its second cycle, with its cohort enrolled.
const now = new Date('2028-03-01T09:00:00.000Z');
const at = now.toISOString();
const owner = { personId: 'E010', roles: ['owner' as const] };
const enrol = (personId: string, role: 'mentee' | 'mentor' | 'supervisor', goals: string[] = []): ProgramEvent => ({
  type: 'ParticipantEnrolled',
  at,
  actorId: 'E010',
  data: { personId, role, capacity: role === 'mentor' ? 2 : null, goals, wishes: [] },
});
const cycleTwo: ProgramState = foldProgram([
  {
    type: 'ProgramCreated',
    at,
    actorId: 'E010',
    data: { programId: 'p-1', name: 'Managers', ownerId: 'E010', sponsorId: 'E011', objectives: [] },
  },
  { type: 'CycleStarted', at, actorId: 'system', data: { cycle: 2, continuing: [] } },
  enrol('E020', 'mentee', ['delegation', 'feedback']),
  enrol('E021', 'mentee', ['delegation']),
  enrol('E003', 'mentor'),
  enrol('E005', 'mentor'),
  enrol('E004', 'supervisor'),
  {
    type: 'ProgramPhaseChanged',
    at,
    actorId: 'E010',
    data: { from: 'SELECTION_MATCHING', to: 'TRAINING', reason: 'x' },
  },
])!;

describe('the training plan of the second cycle', () => {
  const library = buildCaseLibrary([material(), material({ ref: 'm-2', declaredCompetencies: ['feedback'] })], {
    consent: allConsent,
    deidentify: deidentifier(directory),
    competencyKeys: new Set(['delegation', 'feedback']),
    fileByText: false,
  });
  const input: TrainingPlanInput = {
    cycle: 2,
    mentees: [
      {
        personId: 'E020',
        goals: ['delegation', 'feedback'],
        gaps: { delegation: 2, feedback: 1 },
        targets: { delegation: 4 },
      },
      { personId: 'E021', goals: ['delegation'], gaps: { delegation: 1 }, targets: { delegation: 3 } },
    ],
    mentors: [
      { personId: 'E003', levels: { delegation: 5, feedback: 3 } },
      { personId: 'E005', levels: { delegation: 4 } },
    ],
    supervisors: ['E004'],
    closedMentorships: new Map([
      ['E003', 3],
      ['E005', 1],
    ]),
    minClosedMentorships: 2,
    cases: library,
    competencyNames: new Map([['delegation', 'Delegation']]),
  };
  const plan = proposeTrainingPlanItems(input);

  it('proposes one item per targeted competency, with gaps, coverage, experienced trainers and first-cycle cases', () => {
    expect(plan.items.map((i) => [i.competencyKey, i.menteesTargeting, i.meanGap])).toEqual([
      ['delegation', 2, 1.5],
      ['feedback', 1, 1],
    ]);
    expect(plan.items[0].mentorsAbleToCover).toEqual(['E003', 'E005']);
    expect(plan.eligibleTrainers.map((t) => [t.personId, t.reason])).toEqual([
      ['E003', 'mentor'],
      ['E004', 'supervisor'],
    ]);
    expect(plan.items[0].trainerIds[0]).toBe('E003');
    expect(plan.items[0].caseIds).toHaveLength(1);
    expect(plan.cases.every((c) => c.cycle === 1)).toBe(true);
    const text = JSON.stringify(plan.cases);
    for (const n of names) expect([n, text.includes(n)]).toEqual([n, false]);
  });

  it('the experience rule is configurable', () => {
    expect(eligibleTrainers({ ...input, minClosedMentorships: 1 }).map((t) => t.personId)).toEqual([
      'E003',
      'E005',
      'E004',
    ]);
  });

  it('is proposed, edited and recorded against as events; trainers must be experienced', () => {
    const proposed = foldProgram(proposeTrainingPlan(cycleTwo, owner, plan, now), cycleTwo)!;
    expect(proposed.trainingPlan!.items).toHaveLength(2);
    const edit = [
      {
        competencyKey: 'delegation',
        title: 'Letting go',
        audience: 'mentors' as const,
        trainerIds: ['E004'],
        caseIds: plan.items[0].caseIds,
      },
    ];
    const edited = foldProgram(editTrainingPlan(proposed, owner, edit, now), proposed)!;
    expect(edited.trainingPlan!.items).toMatchObject([
      { competencyKey: 'delegation', title: 'Letting go', menteesTargeting: 2 },
    ]);
    expect(codeOf(() => editTrainingPlan(proposed, owner, [{ ...edit[0], trainerIds: ['E005'] }], now))).toBe(
      'PROGRAM.INVALID',
    );
    expect(codeOf(() => editTrainingPlan(proposed, owner, [{ ...edit[0], caseIds: ['case-nope'] }], now))).toBe(
      'PROGRAM.INVALID',
    );
    expect(codeOf(() => editTrainingPlan(proposed, { personId: 'E011', roles: ['sponsor'] }, edit, now))).toBe(
      'PROGRAM.NOT_OWNER',
    );
    expect(codeOf(() => editTrainingPlan(cycleTwo, owner, edit, now))).toBe('PROGRAM.NO_TRAINING_PLAN');
    const session = {
      sessionId: 't-1',
      audience: 'mentors' as const,
      title: 'Letting go',
      heldAt: at,
      materials: [],
      attendees: ['E003'],
    };
    expect(
      recordTraining(edited, owner, { ...session, planItem: 'delegation', trainerIds: ['E004'] }, now)[0].data,
    ).toMatchObject({ planItem: 'delegation' });
    expect(codeOf(() => recordTraining(edited, owner, { ...session, planItem: 'feedback' }, now))).toBe(
      'PROGRAM.INVALID',
    );
    expect(codeOf(() => recordTraining(edited, owner, { ...session, trainerIds: ['E005'] }, now))).toBe(
      'PROGRAM.INVALID',
    );
    expect(codeOf(() => recordTraining(cycleTwo, owner, { ...session, planItem: 'delegation' }, now))).toBe(
      'PROGRAM.NO_TRAINING_PLAN',
    );
  });

  it('refuses a proposal naming a trainer the domain does not find experienced, or outside TRAINING', () => {
    const forged = {
      ...plan,
      eligibleTrainers: [{ personId: 'E005', reason: 'mentor' as const, closedMentorships: 1 }],
    };
    expect(codeOf(() => proposeTrainingPlan(cycleTwo, owner, forged, now))).toBe('PROGRAM.INVALID');
    const executing = { ...cycleTwo, phase: 'EXECUTION' as const };
    expect(codeOf(() => proposeTrainingPlan(executing, owner, plan, now))).toBe('PROGRAM.WRONG_PHASE');
  });

  it('starts afresh with the next cycle', () => {
    const proposed = foldProgram(proposeTrainingPlan(cycleTwo, owner, plan, now), cycleTwo)!;
    const next = foldProgram(
      [{ type: 'CycleStarted', at, actorId: 'system', data: { cycle: 3, continuing: [] } }],
      proposed,
    )!;
    expect(next.trainingPlan).toBeNull();
  });
});
