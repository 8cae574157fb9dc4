import type { MenteeCandidate, MentorCandidate } from '../../libs/domain/src/index.js';
import { ReportingChains, seededRandom } from '../../libs/domain/src/index.js';

const KEYS = [
  'delegation',
  'feedback',
  'conflict',
  'change',
  'developing-people',
  'strategic-alignment',
  'decision-making',
  'collaboration',
];

/**
 * A random cycle: mentees and mentors with languages, zones, departments and a reporting tree, tuned
 * so that roughly `infeasibleShare` of the pairs break a hard constraint.
 */
export function randomInstance(seed: number, nMentees: number, nMentors: number, capacity: number | (() => number)) {
  const random = seededRandom(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const departments = ['Ops', 'Sales', 'R&D', 'Finance', 'Care'];
  const offsets = [0, 60, 60, 60, 120, -300, 480];
  const people: Array<{ id: string; managerId: string | null }> = [];
  const mentors: MentorCandidate[] = Array.from({ length: nMentors }, (_, j) => {
    const id = `mentor-${j}`;
    people.push({ id, managerId: j === 0 ? null : `mentor-${Math.floor(random() * j)}` });
    return {
      personId: id,
      department: pick(departments),
      managementYears: 5 + Math.floor(random() * 20),
      languages: random() < 0.85 ? ['en', ...(random() < 0.5 ? ['fr'] : [])] : ['fr'],
      utcOffsetMinutes: pick(offsets),
      capacity: typeof capacity === 'number' ? capacity : capacity(),
      strengths: Object.fromEntries(KEYS.map((k) => [k, 1 + Math.floor(random() * 5)])),
      trained: random() < 0.9,
      trackRecord: random() < 0.3 ? null : Math.round(random() * 100) / 100,
    };
  });
  const mentees: MenteeCandidate[] = Array.from({ length: nMentees }, (_, i) => {
    const id = `mentee-${i}`;
    people.push({ id, managerId: random() < 0.5 ? `mentor-${Math.floor(random() * nMentors)}` : null });
    const gaps = Object.fromEntries(KEYS.filter(() => random() < 0.4).map((k) => [k, 1 + Math.floor(random() * 2)]));
    return {
      personId: id,
      department: pick(departments),
      managementYears: Math.floor(random() * 8),
      languages: random() < 0.8 ? ['en'] : random() < 0.5 ? ['fr'] : ['pt'],
      utcOffsetMinutes: pick(offsets),
      gaps,
      goals: random() < 0.5 ? [pick(KEYS)] : [],
      wishes: Array.from(
        { length: Math.floor(random() * 3) },
        () => `mentor-${Math.floor(random() * nMentors)}`,
      ).filter((w, k, all) => all.indexOf(w) === k),
    };
  });
  return { mentees, mentors, chains: new ReportingChains(people) };
}
