import type { PilotMentorship } from './pilot-data.js';
import { gaussian, seededRandom } from './statistics.js';

const COMMENTS_EN = [
  'My mentor challenged how I run my team meetings; I now delegate the agenda.',
  'We worked on real cases every time, which made the feedback concrete.',
  'Hard to find time: sessions were cancelled twice because of the busy season.',
  'I could speak in confidence about a conflict in my team.',
  'The goals we set at the start kept us on track.',
];
const COMMENTS_FR = [
  'Mon mentor a remis en question ma façon de déléguer ; je laisse plus d’autonomie à l’équipe.',
  'Des cas concrets à chaque séance, des retours précis sur mes entretiens difficiles.',
  'Difficile de trouver du temps : plusieurs séances annulées pendant la clôture.',
  'Une vraie confiance dès le début, j’ai pu parler de mes doutes.',
  'Les objectifs fixés au départ ont donné un cadre utile.',
];

/**
 * A pilot with known effects, for tests and the demo: interaction quality and session frequency
 * drive success; the mentor's age, the mentor's experience and being in the same department do not.
 */
export function syntheticPilot(
  size: number,
  seed: number,
  people: { mentors: string[]; mentees: string[] },
): PilotMentorship[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(x)));
  return Array.from({ length: size }, (_, i): PilotMentorship => {
    const quality = 2 + 3 * random();
    const perMonth = 0.5 + 3.5 * random();
    const months = 4 + Math.floor(random() * 6);
    const drive = 0.9 * (quality - 3.5) + 0.6 * (perMonth - 2.25);
    const baseline = 1 + Math.floor(random() * 2);
    const final = clamp(baseline + 1 + 0.6 * drive + 0.5 * gaussian(random), 1, 5);
    const likert = () => clamp(quality + 0.5 * gaussian(random), 1, 5);
    const practice = clamp(3 + 0.8 * drive + 0.6 * gaussian(random), 1, 5);
    const comment = i % 2 === 0 ? pick(COMMENTS_EN) : pick(COMMENTS_FR);
    const start = new Date(Date.UTC(2025, i % 12, 1 + (i % 25)));
    const end = new Date(start.getTime() + months * 30.44 * 86_400_000);
    return {
      ref: `pilot-${i + 1}`,
      mentorId: people.mentors[i % people.mentors.length],
      menteeId: people.mentees[i % people.mentees.length],
      startedOn: start.toISOString().slice(0, 10),
      endedOn: end.toISOString().slice(0, 10),
      sessions: Math.max(1, Math.round(perMonth * months)),
      competencies: ['delegation'],
      baseline: { delegation: baseline },
      final: { delegation: final },
      mentorExperienceYears: 5 + Math.floor(random() * 20),
      sameDepartment: random() < 0.3,
      attributes: { mentorAge: 32 + Math.floor(random() * 28) },
      surveys: [
        {
          respondent: 'mentee',
          moment: 'close',
          answers: {
            challenge: likert(),
            guidedExperience: likert(),
            trust: likert(),
            practiceChange: practice,
            nps: clamp(5 + 2 * drive + gaussian(random), 0, 10),
            comment,
          },
        },
        {
          respondent: 'mentor',
          moment: 'close',
          answers: {
            challenge: likert(),
            guidedExperience: likert(),
            trust: likert(),
            practiceChange: clamp(practice + gaussian(random) * 0.5, 1, 5),
          },
        },
      ],
      facts: [{ name: 'Team turnover', unit: '%', before: 15, after: 15 - drive, lowerIsBetter: true }],
      anecdotes: [],
    };
  });
}
