import {
  cycleCandidates,
  DEFAULT_MANAGERIAL_MODEL,
  DEFAULT_MATCHING_OPTIONS,
  ReportingChains,
  seededRandom,
  type CandidateSources,
  type ChainOracle,
  type CompetencyModel,
  type MatchingOptions,
  type MenteeCandidate,
  type MentorCandidate,
  type Participant,
  type Person,
} from '../../libs/domain/src/index.js';
import { randomInstance } from '../support/matching-instances.js';

/**
 * Shapes of cohort the matching engine must handle, at any size (the benchmark runs them at
 * 5,000 × 1,000 against OR-Tools and scipy; the specs run them small against HiGHS and exhaustive
 * search). Built apart from the engine: profiles and options only.
 */
export const FAMILIES = [
  'uniform',
  'scarce',
  'sparse',
  'capacities',
  'realistic-3',
  'realistic-5',
  'ties',
  'balance',
  'fairness',
] as const;
export type FamilyName = (typeof FAMILIES)[number];

export const FAMILY_DESCRIPTIONS: Record<FamilyName, string> = {
  uniform: 'places = mentees (capacity n/m), ~28 % of pairs forbidden (the earlier benchmark instance)',
  scarce: 'places ≈ 0.6 × mentees',
  sparse: '≈ 88 % of pairs forbidden (languages, time zones ≤ 2 h, other department)',
  capacities: 'capacities 1–6, places ≈ 0.94 × mentees',
  'realistic-3': 'realistic profiles (directory → candidates → proposal), each mentor takes 3',
  'realistic-5': 'realistic profiles (directory → candidates → proposal), each mentor takes 5',
  ties: 'coarse score grid (11 levels: experience only), popular mentors',
  balance: 'load balance 0.3, 11 score levels, popular mentors',
  fairness: 'fairness objective (best worst pair first), places ≈ 0.6 × mentees',
};

export interface FamilyInstance {
  options: MatchingOptions;
  /** The engine's input from the instance's raw form (for realistic profiles: directory → candidates). */
  candidates(): { mentees: MenteeCandidate[]; mentors: MentorCandidate[]; chains: ChainOracle };
}

export function familyInstance(name: FamilyName, seed: number, nMentees: number, nMentors: number): FamilyInstance {
  const places = (share: number) => Math.max(1, Math.round((share * nMentees) / nMentors));
  const ready = (built: { mentees: MenteeCandidate[]; mentors: MentorCandidate[]; chains: ChainOracle }) => () => built;
  switch (name) {
    case 'uniform':
      return {
        options: DEFAULT_MATCHING_OPTIONS,
        candidates: ready(randomInstance(seed, nMentees, nMentors, places(1))),
      };
    case 'scarce':
      return {
        options: DEFAULT_MATCHING_OPTIONS,
        candidates: ready(randomInstance(seed, nMentees, nMentors, places(0.6))),
      };
    case 'fairness':
      return {
        options: { ...DEFAULT_MATCHING_OPTIONS, objective: 'fairness' },
        candidates: ready(randomInstance(seed, nMentees, nMentors, places(0.6))),
      };
    case 'capacities': {
      // Capacities 1–6 with mean 4.7: places ≈ 0.94 × mentees at 5 mentees per mentor.
      const random = seededRandom(seed + 1);
      const share = [0.05, 0.05, 0.1, 0.15, 0.25, 0.4];
      const capacity = () => {
        let x = random();
        for (let c = 0; c < share.length; c++) if ((x -= share[c]) < 0) return c + 1;
        return share.length;
      };
      return {
        options: DEFAULT_MATCHING_OPTIONS,
        candidates: ready(randomInstance(seed, nMentees, nMentors, capacity)),
      };
    }
    case 'sparse':
      return {
        options: { ...DEFAULT_MATCHING_OPTIONS, excludeSameDepartment: true, maxTimeZoneHours: 2 },
        candidates: ready(sparseInstance(seed, nMentees, nMentors, places(1))),
      };
    case 'ties':
    case 'balance':
      return {
        options: {
          ...DEFAULT_MATCHING_OPTIONS,
          weights: {
            competencyCoverage: 0,
            experience: 1,
            wishRank: 0,
            timeZone: 0,
            trackRecord: 0,
            crossDepartment: 0,
          },
          loadBalance: name === 'balance' ? 0.3 : 0,
        },
        candidates: ready(popularInstance(seed, nMentees, nMentors, places(1))),
      };
    case 'realistic-3':
    case 'realistic-5': {
      const company = realisticCompany(seed, nMentees, nMentors, name === 'realistic-3' ? 3 : 5);
      return {
        options: { ...DEFAULT_MATCHING_OPTIONS, requireTrainedMentors: true },
        candidates: () => {
          const { mentees, mentors } = cycleCandidates(company.participants, company.sources);
          return { mentees, mentors, chains: new ReportingChains(company.sources.people.values()) };
        },
      };
    }
  }
}

/** Experience is the only criterion: scores are whole tenths; a fifth of the mentors are far senior to everyone. */
function popularInstance(seed: number, nMentees: number, nMentors: number, capacity: number) {
  const built = randomInstance(seed, nMentees, nMentors, capacity);
  const random = seededRandom(seed + 2);
  for (const m of built.mentors)
    m.managementYears = random() < 0.2 ? 18 + Math.floor(random() * 8) : 4 + Math.floor(random() * 9);
  for (const m of built.mentees) m.managementYears = Math.floor(random() * 6);
  return built;
}

/** Many languages and zones, few shared: with the department excluded, about 88 % of pairs are forbidden. */
function sparseInstance(seed: number, nMentees: number, nMentors: number, capacity: number) {
  const built = randomInstance(seed, nMentees, nMentors, capacity);
  const random = seededRandom(seed + 3);
  const languages = ['en', 'fr', 'de', 'es'];
  const offsets = [-300, -240, 0, 60, 120, 180, 480, 540];
  const speaks = () => {
    const first = languages[Math.floor(random() * languages.length)];
    const second = languages[Math.floor(random() * languages.length)];
    return random() < 0.5 && second !== first ? [first, second] : [first];
  };
  for (const p of [...built.mentors, ...built.mentees]) {
    p.languages = speaks();
    p.utcOffsetMinutes = offsets[Math.floor(random() * offsets.length)];
  }
  return built;
}

// The product's default model: its competencies and its targets per job level.
const COMPETENCIES = DEFAULT_MANAGERIAL_MODEL.competencies.map((c) => c.key);
const ZONES: Record<string, number> = {
  'Europe/Paris': 60,
  'Europe/London': 0,
  'Europe/Lisbon': 0,
  'America/New_York': -300,
  'Asia/Singapore': 480,
};

/**
 * A company as the product sees it: a reporting tree of senior managers (the mentor pool) above
 * new managers (the mentees), competency levels on the assessment scale with gaps to the job
 * level's targets, goals, a few wishes leaning to well-known mentors, languages and zones by site.
 */
function realisticCompany(seed: number, nMentees: number, nMentors: number, capacity: number) {
  const random = seededRandom(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const departments = ['Opérations', 'Sales', 'R&D', 'Finance', 'Supply chain', 'Customer care', 'HR', 'IT'];
  const sites: Array<{ zone: string; languages: string[][] }> = [
    { zone: 'Europe/Paris', languages: [['fr', 'en'], ['fr']] },
    { zone: 'Europe/London', languages: [['en']] },
    { zone: 'Europe/Lisbon', languages: [['pt', 'en'], ['pt']] },
    { zone: 'America/New_York', languages: [['en'], ['en', 'es']] },
    { zone: 'Asia/Singapore', languages: [['en'], ['en', 'zh']] },
  ];
  const people = new Map<string, Person>();
  const levels = new Map<string, Map<string, number>>();
  const person = (id: string, managerId: string | null, jobLevel: string, years: number, mentorPool: boolean) => {
    const site = pick(sites);
    const p: Person = {
      id,
      name: id,
      email: `${id}@example.com`,
      department: pick(departments),
      managerId,
      jobLevel,
      managementYears: years,
      teamSize: 6,
      languages: pick(site.languages),
      location: null,
      timeZone: site.zone,
      hireDate: '2015-01-01',
      status: 'active',
      mentorPool,
    };
    people.set(id, p);
    return p;
  };
  // Senior managers: a tree, M3 at the top; each mentee reports to one of them or to a team lead outside the pool.
  const mentorIds: string[] = [];
  for (let j = 0; j < nMentors; j++) {
    const id = `senior-${j}`;
    const manager = j === 0 ? null : `senior-${Math.floor((j - 1) / 6)}`;
    person(id, manager, j < nMentors / 8 ? 'M3' : 'M2', 6 + Math.floor(random() * 20), true);
    levels.set(id, new Map(COMPETENCIES.map((c) => [c, Math.min(5, 2 + Math.floor(random() * 3.6))])));
    mentorIds.push(id);
  }
  const participants: Participant[] = [];
  // A few mentors everyone has heard of: wishes lean to them.
  const famous = mentorIds.filter(() => random() < 0.05);
  for (let i = 0; i < nMentees; i++) {
    const id = `manager-${i}`;
    person(id, random() < 0.7 ? pick(mentorIds) : null, 'M1', Math.floor(random() * 4), false);
    // Assessments average several ratings: levels in half steps.
    levels.set(id, new Map(COMPETENCIES.map((c) => [c, 1 + Math.floor(random() * 7) / 2])));
    const wishes = [
      ...new Set(
        Array.from({ length: Math.floor(random() * 4) }, () =>
          pick(random() < 0.5 && famous.length > 0 ? famous : mentorIds),
        ),
      ),
    ];
    participants.push({
      personId: id,
      role: 'mentee',
      capacity: null,
      goals: random() < 0.6 ? [pick(COMPETENCIES)] : [],
      wishes,
    });
  }
  for (const id of mentorIds) participants.push({ personId: id, role: 'mentor', capacity, goals: [], wishes: [] });
  const model: CompetencyModel = { ...DEFAULT_MANAGERIAL_MODEL, version: 1 };
  const trackRecords = new Map<string, number>();
  const trained = new Set<string>();
  for (const id of mentorIds) {
    if (random() < 0.6) trackRecords.set(id, Math.round((0.4 + random() * 0.55) * 100) / 100);
    if (random() < 0.9) trained.add(id);
  }
  const sources: CandidateSources = {
    people,
    levels,
    model,
    utcOffset: (zone) => ZONES[zone] ?? 0,
    trainedMentors: trained,
    trackRecords,
  };
  return { participants, sources };
}
