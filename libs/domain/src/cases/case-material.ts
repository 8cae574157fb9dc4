import type { MentorshipState } from '../mentorship/mentorship-state.js';
import type { PilotMentorship } from '../pilot/pilot-data.js';
import type { ProgramEvent } from '../program/program-events.js';
import type { CaseMaterial } from './case-library.js';

/** A logged session as cases may use it: never its private notes, which stay with their author. */
export interface SharedSession {
  topics: string[];
  competencies: string[];
  sharedNotes: string | null;
}

const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100 : null);

/**
 * The cycle each mentorship of a program was planned in, from the program's stream: a renewal
 * starts the next cycle (CycleStarted), and the program's state keeps only the running cycle's.
 */
export function mentorshipCycles(events: ReadonlyArray<Pick<ProgramEvent, 'type' | 'data'>>): Map<string, number> {
  const out = new Map<string, number>();
  let cycle = 1;
  for (const e of events as ProgramEvent[]) {
    if (e.type === 'CycleStarted') cycle = e.data.cycle;
    else if (e.type === 'MentorshipPlanned') out.set(e.data.mentorshipId, cycle);
  }
  return out;
}

/**
 * What a closed mentorship left for training cases, from its state (goals, checkpoint guidance,
 * final reviews and levels) and its sessions' shared part.
 */
export function mentorshipCaseMaterial(s: MentorshipState, sessions: SharedSession[], cycle: number): CaseMaterial {
  const goals = s.goals.map((g) => g.competencyKey);
  const finals = s.reviews.final ?? {};
  const finalLevels = finals.mentor?.levels ?? {};
  const changes = (['mentor', 'mentee'] as const)
    .map((by) => ({ by, text: finals[by]?.survey.comment ?? '' }))
    .filter((c) => c.text.trim().length > 0);
  return {
    source: 'mentorship',
    ref: s.mentorshipId,
    cycle,
    menteeId: s.menteeId,
    mentorId: s.mentorId,
    supervisorId: s.supervisorId,
    declaredCompetencies: [...new Set([...goals, ...sessions.flatMap((x) => x.competencies)])],
    sessions: sessions.map((x) => ({ topics: x.topics, sharedNotes: x.sharedNotes })),
    guidance: s.checkpoints.map((c) => c.guidance ?? '').filter((g) => g.trim().length > 0),
    changes,
    anecdotes: [],
    levelsGained: mean(
      goals
        .filter((k) => s.baselines[k] !== undefined && finalLevels[k] !== undefined)
        .map((k) => finalLevels[k] - s.baselines[k]),
    ),
  };
}

/** A pilot's mentorships as case material: anecdotes, comments at the close, levels gained. */
export function pilotCaseMaterial(pilotId: string, mentorships: PilotMentorship[]): CaseMaterial[] {
  return mentorships.map((m) => ({
    source: 'pilot',
    ref: `${pilotId}/${m.ref}`,
    cycle: null,
    menteeId: m.menteeId,
    mentorId: m.mentorId,
    supervisorId: null,
    declaredCompetencies: m.competencies,
    sessions: [],
    guidance: [],
    changes: m.surveys
      .filter((x) => x.moment === 'close' && typeof x.answers.comment === 'string' && x.answers.comment.trim())
      .map((x) => ({ by: x.respondent, text: x.answers.comment as string })),
    anecdotes: m.anecdotes,
    levelsGained: mean(
      m.competencies
        .filter((k) => m.baseline[k] !== undefined && m.final[k] !== undefined)
        .map((k) => m.final[k] - m.baseline[k]),
    ),
  }));
}

/** Mentorships each person saw through to the end as a mentor, summed over sources (programs, pilots). */
export function closedAsMentor(...counts: Array<ReadonlyMap<string, number>>): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of counts) for (const [id, n] of c) out.set(id, (out.get(id) ?? 0) + n);
  return out;
}
