import { assumptionsOf, type RoiEvidence } from '../mentorship/roi.js';
import type { MentorshipPolicy } from '../mentorship/mentorship-policy.js';
import { monitorProgram, type MentorshipSnapshot, type ProgramIndicators } from './monitoring.js';
import type { CycleView } from './program-cycles.js';
import type { StrategicObjective } from './program-values.js';

/** A closed mentorship's evidence, as the report cites it. */
export interface MentorshipEvidence {
  mentorshipId: string;
  menteeId: string;
  mentorId: string;
  roi: RoiEvidence;
}

export interface KpiEvidence {
  objective: string;
  kpi: string;
  unit: string;
  baseline: number;
  target: number;
  /** Facts measured in mentorships under the KPI's name: mean before and after, and how many. */
  measured: { mentorships: number; meanBefore: number; meanAfter: number; reachedTarget: boolean } | null;
}

export interface EffectivenessReport {
  cycle: number;
  participation: {
    planned: number;
    started: number;
    closed: number;
    terminated: number;
    enrolledMentees: number;
    matchedMentees: number;
    coverage: number | null;
  };
  roi: {
    mentorships: number;
    cost: number;
    benefit: number;
    ratio: number | null;
    currency: string | null;
    assumptions: string[];
  };
  facts: Array<{
    mentorshipId: string;
    menteeId: string;
    mentorId: string;
    name: string;
    unit: string;
    source: string;
    before: number;
    after: number;
    improvement: number;
    value: number | null;
  }>;
  competencyProgress: ProgramIndicators['competencyProgress'];
  goalsReached: { goals: number; reached: number };
  kpis: KpiEvidence[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const norm = (s: string) => s.trim().toLowerCase();

/**
 * The cycle's effectiveness and ROI: every closed mentorship's evidence aggregated with the facts
 * behind it, competency progress, participation, and the objectives' KPIs against their targets.
 */
export function effectivenessReport(input: {
  cycle: number;
  objectives: StrategicObjective[];
  planned: number;
  enrolledMentees: number;
  matchedMentees: number;
  snapshots: MentorshipSnapshot[];
  evidence: MentorshipEvidence[];
  competencyProgress: ProgramIndicators['competencyProgress'];
}): EffectivenessReport {
  const { evidence } = input;
  const cost = round2(evidence.reduce((n, e) => n + e.roi.cost, 0));
  const benefit = round2(evidence.reduce((n, e) => n + e.roi.benefit, 0));
  const monetised = evidence.some((e) => e.roi.roi !== null);
  const facts = evidence.flatMap((e) =>
    e.roi.facts.map((f) => ({
      mentorshipId: e.mentorshipId,
      menteeId: e.menteeId,
      mentorId: e.mentorId,
      name: f.name,
      unit: f.unit,
      source: f.source,
      before: f.before,
      after: f.after,
      improvement: f.improvement,
      value: f.value,
    })),
  );
  const goals = evidence.flatMap((e) => e.roi.competencies);
  const currencies = [
    ...new Set(
      evidence.map((e) => e.roi.basis?.currency ?? /(\w+)\/h$/.exec(e.roi.assumptions[0] ?? '')?.[1]).filter(Boolean),
    ),
  ] as string[];
  return {
    cycle: input.cycle,
    participation: {
      planned: input.planned,
      started: input.snapshots.length,
      closed: input.snapshots.filter((s) => s.phase === 'CLOSED').length,
      terminated: input.snapshots.filter((s) => s.phase === 'TERMINATED').length,
      enrolledMentees: input.enrolledMentees,
      matchedMentees: input.matchedMentees,
      coverage: input.enrolledMentees === 0 ? null : round2(input.matchedMentees / input.enrolledMentees),
    },
    roi: {
      mentorships: evidence.length,
      cost,
      benefit,
      ratio: !monetised || cost === 0 ? null : round2((benefit - cost) / cost),
      currency: currencies.length === 1 ? currencies[0] : null,
      assumptions: assumptionsOf(evidence.map((e) => e.roi)),
    },
    facts,
    competencyProgress: input.competencyProgress,
    goalsReached: { goals: goals.length, reached: goals.filter((g) => g.reached).length },
    kpis: input.objectives.flatMap((o) =>
      o.kpis.map((k) => {
        const same = facts.filter((f) => norm(f.name) === norm(k.name));
        const mean = (xs: number[]) => round2(xs.reduce((a, b) => a + b, 0) / xs.length);
        const measured =
          same.length === 0
            ? null
            : {
                mentorships: same.length,
                meanBefore: mean(same.map((f) => f.before)),
                meanAfter: mean(same.map((f) => f.after)),
                reachedTarget: false,
              };
        if (measured)
          measured.reachedTarget =
            k.target < k.baseline ? measured.meanAfter <= k.target : measured.meanAfter >= k.target;
        return { objective: o.title, kpi: k.name, unit: k.unit, baseline: k.baseline, target: k.target, measured };
      }),
    ),
  };
}

export interface MentorContribution {
  mentorId: string;
  mentorships: number;
  closed: number;
  hours: number;
  /** Mean level gained by their mentees on their goals (re-assessed ones). */
  menteeProgress: number | null;
  /** Mean of their mentees' latest pulses (1–5). */
  feedback: number | null;
}

/** Each mentor's contribution to the cycle, most hours first. */
export function mentorContributions(snapshots: MentorshipSnapshot[]): MentorContribution[] {
  const by = new Map<string, MentorshipSnapshot[]>();
  for (const s of snapshots) by.set(s.mentorId, [...(by.get(s.mentorId) ?? []), s]);
  const mean = (xs: number[]) => (xs.length === 0 ? null : round2(xs.reduce((a, b) => a + b, 0) / xs.length));
  return [...by.entries()]
    .map(([mentorId, list]) => ({
      mentorId,
      mentorships: list.length,
      closed: list.filter((s) => s.phase === 'CLOSED').length,
      hours: round2(list.reduce((n, s) => n + (s.sessionMinutes ?? 0), 0) / 60),
      menteeProgress: mean(
        list.flatMap((s) =>
          s.goals.filter((g) => g.baseline !== null && g.latest !== null).map((g) => g.latest! - g.baseline!),
        ),
      ),
      feedback: mean(list.map((s) => s.latestPulseMean).filter((x): x is number => x !== null)),
    }))
    .sort((a, b) => b.hours - a.hours || a.mentorId.localeCompare(b.mentorId));
}

/**
 * The report of one cycle: of a finished cycle, as it stood when the cycle ended (`frozenAt`), its
 * mentorships as they were then; of the running one, as of `now`. Facts the log holds do not change,
 * so a finished cycle's report reads the same forever.
 */
export function reportOfCycle(
  view: CycleView,
  snapshots: Array<MentorshipSnapshot & { roi: RoiEvidence | null }>,
  policy: MentorshipPolicy,
  now: number,
): EffectivenessReport & { frozenAt: string | null; stillRunning: number } {
  const s = view.state;
  const approved = s.matching?.proposals.find((p) => p.version === s.matching?.approvedVersion)?.summary;
  const at = view.endedAt ? Date.parse(view.endedAt) : now;
  const report = effectivenessReport({
    cycle: view.cycle,
    objectives: s.objectives,
    planned: s.execution?.mentorships.length ?? 0,
    enrolledMentees: (s.matching?.participants ?? []).filter((p) => p.role === 'mentee').length,
    matchedMentees: approved?.matched ?? 0,
    snapshots,
    evidence: snapshots
      .filter((m) => m.roi)
      .map((m) => ({ mentorshipId: m.mentorshipId, menteeId: m.menteeId, mentorId: m.mentorId, roi: m.roi! })),
    competencyProgress: monitorProgram(snapshots, policy, at).indicators.competencyProgress,
  });
  const running = snapshots.filter((m) => m.phase !== 'CLOSED' && m.phase !== 'TERMINATED').length;
  return { ...report, frozenAt: view.endedAt, stillRunning: running };
}
