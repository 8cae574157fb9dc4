import type { ChainOracle, MatchingOptions, MenteeCandidate, MentorCandidate } from './candidates.js';
import { offsetHoursApart, pairKey } from './pair-rules.js';

/**
 * Precomputed per-person data so that millions of pairs cost a few operations each: languages as
 * bit sets, competencies and wishes by index instead of by key, reporting-line intervals as
 * numbers. Scores are computed in the same order as `contributions`, so they are the same numbers.
 */
export class FastPairs {
  private readonly languageWords: number;
  private readonly menteeLanguages: Uint32Array;
  private readonly mentorLanguages: Uint32Array;
  private readonly needKeys: Int32Array[];
  private readonly needSizes: Float64Array[];
  private readonly needTotal: Float64Array;
  /** Per mentor and competency index: how far their level covers a gap, 0 to 1. */
  private readonly cover: Float64Array;
  private readonly competencies: number;
  private readonly wishRank: Array<Map<number, number>>;
  /** Reporting-line intervals (enter, exit) per mentee and mentor; NaN outside the lines. */
  private readonly menteeSpan: Float64Array;
  private readonly mentorSpan: Float64Array;
  // The rest of each person's fields as numbers (departments and ids by index).
  private readonly menteeYears: Float64Array;
  private readonly mentorYears: Float64Array;
  private readonly menteeOffset: Float64Array;
  private readonly mentorOffset: Float64Array;
  private readonly menteeDepartment: Int32Array;
  private readonly mentorDepartment: Int32Array;
  private readonly menteePerson: Int32Array;
  private readonly mentorPerson: Int32Array;
  private readonly mentorTrack: Float64Array;
  private readonly mentorUsable: Uint8Array;

  constructor(
    private readonly mentees: MenteeCandidate[],
    private readonly mentors: MentorCandidate[],
    private readonly options: MatchingOptions,
    private readonly chains: ChainOracle,
    private readonly exclusions: Map<string, unknown>,
    private readonly bans: Map<string, unknown>,
  ) {
    /** The key's number, given on first sight. */
    const indexOf = (index: Map<string, number>, key: string) => {
      if (!index.has(key)) index.set(key, index.size);
      return index.get(key)!;
    };
    const languageIndex = new Map<string, number>();
    for (const p of [...mentees, ...mentors]) for (const l of p.languages) indexOf(languageIndex, l);
    this.languageWords = Math.max(1, Math.ceil(languageIndex.size / 32));
    const bits = (people: Array<{ languages: string[] }>) => {
      const out = new Uint32Array(people.length * this.languageWords);
      people.forEach((p, i) => {
        for (const l of p.languages) {
          const b = languageIndex.get(l)!;
          out[i * this.languageWords + (b >> 5)] |= 1 << (b & 31);
        }
      });
      return out;
    };
    this.menteeLanguages = bits(mentees);
    this.mentorLanguages = bits(mentors);

    const competencyIndex = new Map<string, number>();
    const needs = mentees.map((m) => {
      const byKey = new Map<string, number>(Object.entries(m.gaps).filter(([, g]) => g > 0));
      for (const goal of m.goals) byKey.set(goal, Math.max(1, byKey.get(goal) ?? 0));
      for (const key of byKey.keys()) indexOf(competencyIndex, key);
      return [...byKey];
    });
    this.needKeys = needs.map((n) => Int32Array.from(n, ([key]) => competencyIndex.get(key)!));
    this.needSizes = needs.map((n) => Float64Array.from(n, ([, size]) => size));
    this.needTotal = Float64Array.from(needs, (n) => n.reduce((s, [, v]) => s + v, 0));
    this.competencies = competencyIndex.size;
    this.cover = new Float64Array(mentors.length * this.competencies);
    mentors.forEach((b, j) => {
      for (const [key, c] of competencyIndex)
        this.cover[j * this.competencies + c] = Math.max(0, Math.min(1, ((b.strengths[key] ?? 0) - 3) / 2));
    });
    const mentorIndex = new Map(mentors.map((m, j) => [m.personId, j]));
    this.wishRank = mentees.map((m) => {
      const ranks = new Map<number, number>();
      m.wishes.forEach((w, r) => {
        const j = mentorIndex.get(w);
        if (j !== undefined && !ranks.has(j)) ranks.set(j, 1 - r / m.wishes.length);
      });
      return ranks;
    });

    const spans = (people: Array<{ personId: string }>) => {
      const out = new Float64Array(people.length * 2).fill(NaN);
      if (chains.span) {
        people.forEach((p, i) => {
          const s = chains.span!(p.personId);
          if (s) [out[2 * i], out[2 * i + 1]] = s;
        });
      }
      return out;
    };
    this.menteeSpan = spans(mentees);
    this.mentorSpan = spans(mentors);

    const departments = new Map<string, number>();
    const persons = new Map<string, number>();
    this.menteeYears = Float64Array.from(mentees, (m) => m.managementYears);
    this.mentorYears = Float64Array.from(mentors, (m) => m.managementYears);
    this.menteeOffset = Float64Array.from(mentees, (m) => m.utcOffsetMinutes);
    this.mentorOffset = Float64Array.from(mentors, (m) => m.utcOffsetMinutes);
    this.menteeDepartment = Int32Array.from(mentees, (m) => indexOf(departments, m.department));
    this.mentorDepartment = Int32Array.from(mentors, (m) => indexOf(departments, m.department));
    this.menteePerson = Int32Array.from(mentees, (m) => indexOf(persons, m.personId));
    this.mentorPerson = Int32Array.from(mentors, (m) => indexOf(persons, m.personId));
    this.mentorTrack = Float64Array.from(mentors, (m) => m.trackRecord ?? 0.5);
    this.mentorUsable = Uint8Array.from(mentors, (m) =>
      m.capacity > 0 && (m.trained || !options.requireTrainedMentors) ? 1 : 0,
    );
  }

  private wishRow = new Float64Array(0);
  private wishRowOf = -1;
  /** Mentee i's wish value for every mentor, kept for the last mentee asked (pairs come by mentee). */
  private wishesOf(i: number): Float64Array {
    if (this.wishRowOf !== i) {
      if (this.wishRow.length !== this.mentors.length) this.wishRow = new Float64Array(this.mentors.length);
      else this.wishRow.fill(0);
      for (const [j, value] of this.wishRank[i]) this.wishRow[j] = value;
      this.wishRowOf = i;
    }
    return this.wishRow;
  }

  private hoursApart(i: number, j: number): number {
    return offsetHoursApart(this.menteeOffset[i], this.mentorOffset[j]);
  }

  private shareLanguage(i: number, j: number): boolean {
    for (let w = 0; w < this.languageWords; w++)
      if ((this.menteeLanguages[i * this.languageWords + w] & this.mentorLanguages[j * this.languageWords + w]) !== 0)
        return true;
    return false;
  }

  private inSameChain(i: number, j: number): boolean {
    if (!this.chains.span) return this.chains.inSameChain(this.mentees[i].personId, this.mentors[j].personId);
    const ae = this.menteeSpan[2 * i];
    const ax = this.menteeSpan[2 * i + 1];
    const be = this.mentorSpan[2 * j];
    const bx = this.mentorSpan[2 * j + 1];
    // NaN (outside the lines) makes every comparison false: not in the same chain.
    return (ae < be && bx < ax) || (be < ae && ax < bx);
  }

  feasible(i: number, j: number): boolean {
    const o = this.options;
    if (
      this.menteePerson[i] === this.mentorPerson[j] ||
      this.mentorYears[j] < this.menteeYears[i] ||
      !this.mentorUsable[j]
    )
      return false;
    if (o.excludeSameDepartment && this.menteeDepartment[i] === this.mentorDepartment[j]) return false;
    if (o.maxTimeZoneHours !== null && this.hoursApart(i, j) > o.maxTimeZoneHours) return false;
    if (!this.shareLanguage(i, j)) return false;
    if (this.inSameChain(i, j)) return false;
    if (this.exclusions.size > 0 || this.bans.size > 0) {
      const key = pairKey(this.mentees[i].personId, this.mentors[j].personId);
      if (this.exclusions.has(key) || this.bans.has(key)) return false;
    }
    return true;
  }

  /** Same value as `contributions(...).score`, without building objects. */
  score(i: number, j: number): number {
    const w = this.options.weights;
    let coverage = 0;
    const total = this.needTotal[i];
    if (total > 0) {
      let weighted = 0;
      const keys = this.needKeys[i];
      const sizes = this.needSizes[i];
      const base = j * this.competencies;
      for (let n = 0; n < keys.length; n++) weighted += sizes[n] * this.cover[base + keys[n]];
      coverage = weighted / total;
    }
    return (
      w.competencyCoverage * coverage +
      w.experience * Math.max(0, Math.min(1, (this.mentorYears[j] - this.menteeYears[i]) / 10)) +
      w.wishRank * this.wishesOf(i)[j] +
      w.timeZone * (1 - this.hoursApart(i, j) / 12) +
      w.trackRecord * this.mentorTrack[j] +
      w.crossDepartment * (this.menteeDepartment[i] === this.mentorDepartment[j] ? 0 : 1)
    );
  }
}

/**
 * The feasible arcs of the given mentees (by index), grouped by mentee in mentor order, with their
 * scores. Arrays grow by doubling: a JavaScript array of millions of numbers, copied once more
 * into a typed array, took about as long as the scores.
 */
export function feasibleArcs(fast: FastPairs, mentees: number[], nMentors: number) {
  const edgeStart = new Int32Array(mentees.length + 1);
  let edgeRight = new Int32Array(Math.max(16, Math.min(mentees.length * nMentors, 1 << 20)));
  let edgeWeight = new Float64Array(edgeRight.length);
  let n = 0;
  let infeasible = 0;
  for (let li = 0; li < mentees.length; li++) {
    const i = mentees[li];
    if (n + nMentors > edgeRight.length) {
      const size = Math.max(2 * edgeRight.length, n + nMentors);
      const right = new Int32Array(size);
      right.set(edgeRight.subarray(0, n));
      const weight = new Float64Array(size);
      weight.set(edgeWeight.subarray(0, n));
      edgeRight = right;
      edgeWeight = weight;
    }
    for (let j = 0; j < nMentors; j++) {
      if (fast.feasible(i, j)) {
        edgeRight[n] = j;
        edgeWeight[n++] = fast.score(i, j);
      } else infeasible++;
    }
    edgeStart[li + 1] = n;
  }
  return { edgeStart, edgeRight: edgeRight.subarray(0, n), edgeWeight: edgeWeight.subarray(0, n), infeasible };
}
