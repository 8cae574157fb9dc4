import type { MentorshipSnapshot, RoiEvidence } from '../../../../libs/domain/src/index.js';
import { MENTORSHIP_PHASES } from '../../../../libs/domain/src/index.js';
import type { MonitoringResponse } from '../monitoring/monitoring.dto.js';
import type { PlannedMentorshipResponse } from '../mentorships/dto/planned-mentorship.response.js';

export interface ExecutionView {
  engagement: number | null;
  satisfaction: number | null;
  atRisk: Array<{ id: string; mentee: string; mentor: string; reasons: Array<{ code: string; detail: string }> }>;
  list: Array<{
    id: string;
    mentee: string;
    mentor: string;
    supervisor: string;
    phase: string;
    sessions: number;
    lastSessionAt: string | null;
    atRisk: boolean;
  }>;
  progress: Array<{ competencyKey: string; goals: number; meanGained: number }>;
  roi: Array<{ mentee: string; mentor: string; roi: RoiEvidence }>;
  weekly: Array<{ label: string; value: number }>;
  filter: { q: string; phase: string; sort: string };
  phases: string[];
}

export const PROGRAM_SORTS = ['mentee', 'mentor', 'phase', 'sessions', 'risk'] as const;

/** Sessions held per ISO week (Monday first), for the engagement chart: weeks without a session show 0. */
export function weekly(heldAt: string[]): Array<{ label: string; value: number }> {
  if (heldAt.length === 0) return [];
  const WEEK = 7 * 86_400_000;
  const monday = (t: number) => {
    const d = new Date(t);
    const day = (d.getUTCDay() + 6) % 7;
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day);
  };
  const first = monday(Date.parse(heldAt[0]));
  const last = monday(Date.parse(heldAt[heldAt.length - 1]));
  const counts = new Map<number, number>();
  for (const at of heldAt) counts.set(monday(Date.parse(at)), (counts.get(monday(Date.parse(at))) ?? 0) + 1);
  const out: Array<{ label: string; value: number }> = [];
  for (let w = first; w <= last && out.length < 60; w += WEEK)
    out.push({ label: new Date(w).toISOString().slice(5, 10), value: counts.get(w) ?? 0 });
  return out;
}

/** The owner's view of the cycle under way: indicators, risks, the mentorships (filtered, sorted) and charts. */
export function executionOf(
  monitoring: MonitoringResponse,
  snapshots: Array<MentorshipSnapshot & { roi: RoiEvidence | null }>,
  planned: PlannedMentorshipResponse[],
  name: (id: string) => string,
  filter: { q?: string; phase?: string; sort?: string },
  weeks: Array<{ label: string; value: number }>,
): ExecutionView {
  const risky = new Set(monitoring.atRisk.map((r) => r.mentorshipId));
  const inCycle = new Set(planned.map((p) => p.id));
  const q = (filter.q ?? '').trim().toLocaleLowerCase();
  const sort = (PROGRAM_SORTS as readonly string[]).includes(filter.sort ?? '') ? filter.sort! : 'risk';
  const list = snapshots
    .filter((s) => inCycle.size === 0 || inCycle.has(s.mentorshipId))
    .map((s) => ({
      id: s.mentorshipId,
      mentee: name(s.menteeId),
      mentor: name(s.mentorId),
      supervisor: name(s.supervisorId),
      phase: s.phase,
      sessions: s.sessions,
      lastSessionAt: s.lastSessionAt,
      atRisk: risky.has(s.mentorshipId),
    }))
    .filter((m) => !filter.phase || m.phase === filter.phase)
    .filter((m) => !q || [m.mentee, m.mentor, m.supervisor].some((x) => x.toLocaleLowerCase().includes(q)));
  const by: Record<string, (a: (typeof list)[number], b: (typeof list)[number]) => number> = {
    mentee: (a, b) => a.mentee.localeCompare(b.mentee),
    mentor: (a, b) => a.mentor.localeCompare(b.mentor) || a.mentee.localeCompare(b.mentee),
    phase: (a, b) => MENTORSHIP_PHASES.indexOf(a.phase) - MENTORSHIP_PHASES.indexOf(b.phase),
    sessions: (a, b) => a.sessions - b.sessions,
    risk: (a, b) => Number(b.atRisk) - Number(a.atRisk) || a.mentee.localeCompare(b.mentee),
  };
  list.sort(by[sort]);
  return {
    engagement: monitoring.indicators.engagement,
    satisfaction: monitoring.indicators.satisfaction,
    atRisk: monitoring.atRisk.map((r) => ({
      id: r.mentorshipId,
      mentee: name(r.menteeId),
      mentor: name(r.mentorId),
      reasons: r.reasons.map((x) => ({ code: x.reason, detail: x.detail })),
    })),
    list,
    progress: monitoring.indicators.competencyProgress,
    roi: snapshots.flatMap((s) => (s.roi ? [{ mentee: name(s.menteeId), mentor: name(s.mentorId), roi: s.roi }] : [])),
    weekly: weeks,
    filter: { q: filter.q ?? '', phase: filter.phase ?? '', sort },
    phases: [...MENTORSHIP_PHASES],
  };
}
