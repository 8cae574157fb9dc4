import type { CompetencyModel } from '../competencies/competency-model.js';
import type { Person } from '../people/person.js';
import type { Participant } from '../program/program-values.js';
import type { MenteeCandidate, MentorCandidate } from './candidates.js';

export interface CandidateSources {
  people: ReadonlyMap<string, Person>;
  /** Current level per person and competency (see currentLevels). */
  levels: ReadonlyMap<string, ReadonlyMap<string, number>>;
  model: CompetencyModel;
  /** UTC offset in minutes of a time zone at the time of the solve. */
  utcOffset: (timeZone: string) => number;
  trainedMentors: ReadonlySet<string>;
  /** Mean outcome (0..1) of each mentor's earlier mentorships. */
  trackRecords: ReadonlyMap<string, number>;
}

/**
 * Turns a cycle's enrolment and the directory into matching candidates: a mentee's needs are the
 * competencies where their current level is below the target of their job level.
 */
export function cycleCandidates(
  participants: Participant[],
  s: CandidateSources,
): { mentees: MenteeCandidate[]; mentors: MentorCandidate[]; missing: string[] } {
  const missing: string[] = [];
  const person = (id: string) => {
    const p = s.people.get(id);
    if (!p) missing.push(id);
    return p;
  };
  const mentees: MenteeCandidate[] = [];
  const mentors: MentorCandidate[] = [];
  for (const participant of participants) {
    const p = person(participant.personId);
    if (!p) continue;
    const levels = s.levels.get(p.id) ?? new Map<string, number>();
    if (participant.role === 'mentee') {
      const gaps: Record<string, number> = {};
      for (const c of s.model.competencies) {
        const target = s.model.targets[p.jobLevel]?.[c.key];
        const current = levels.get(c.key);
        if (target !== undefined && current !== undefined && target > current)
          gaps[c.key] = Math.round((target - current) * 100) / 100;
      }
      mentees.push({
        personId: p.id,
        department: p.department,
        managementYears: p.managementYears,
        languages: p.languages,
        utcOffsetMinutes: s.utcOffset(p.timeZone),
        gaps,
        goals: participant.goals,
        wishes: participant.wishes,
      });
    } else if (participant.role === 'mentor') {
      mentors.push({
        personId: p.id,
        department: p.department,
        managementYears: p.managementYears,
        languages: p.languages,
        utcOffsetMinutes: s.utcOffset(p.timeZone),
        capacity: participant.capacity ?? 1,
        strengths: Object.fromEntries(levels),
        trained: s.trainedMentors.has(p.id),
        trackRecord: s.trackRecords.get(p.id) ?? null,
      });
    }
  }
  return { mentees, mentors, missing };
}
