import type { EffectivenessReport } from '../../../../libs/domain/src/index.js';
import { esc, svgBars } from '../http/html.js';

/** The cycle's effectiveness and ROI report as a page a sponsor can read (and print). */
export function reportHtml(programName: string, r: EffectivenessReport): string {
  const p = r.participation;
  const money = (n: number) => `${n.toLocaleString('en-GB')} ${r.roi.currency ?? ''}`.trim();
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(programName)} — cycle ${r.cycle} effectiveness</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:860px;margin:2rem auto;padding:0 1rem;color:#1d2330}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #dde}
table{border-collapse:collapse;width:100%}td,th{padding:.3rem .5rem;border-bottom:1px solid #eef;text-align:left}
.kpi{display:inline-block;margin:0 1.5rem 1rem 0}.kpi b{display:block;font-size:1.5rem}
svg text{font-size:13px;fill:#1d2330}svg rect{fill:#3b6fd8}.none{color:#778}
</style></head><body>
<h1>${esc(programName)} — cycle ${r.cycle}</h1>
<section><h2>Participation</h2>
<div class="kpi"><b>${p.started}</b>mentorships started (${p.planned} planned)</div>
<div class="kpi"><b>${p.closed}</b>closed</div><div class="kpi"><b>${p.terminated}</b>ended early</div>
<div class="kpi"><b>${p.coverage === null ? '—' : Math.round(p.coverage * 100) + ' %'}</b>of enrolled mentees matched (${p.matchedMentees}/${p.enrolledMentees})</div></section>
<section><h2>Return on investment</h2>
<div class="kpi"><b>${money(r.roi.cost)}</b>cost</div><div class="kpi"><b>${money(r.roi.benefit)}</b>monetised benefit</div>
<div class="kpi"><b>${r.roi.ratio === null ? 'not computed' : Math.round(r.roi.ratio * 100) + ' %'}</b>ROI over ${r.roi.mentorships} closed mentorship(s)</div>
<h3>Assumptions</h3><ul>${r.roi.assumptions.map((a) => `<li>${esc(a)}</li>`).join('') || '<li class="none">None yet.</li>'}</ul></section>
<section><h2>Objectives and KPIs</h2><table><tr><th>Objective</th><th>KPI</th><th>Baseline → target</th><th>Measured in mentorships</th></tr>
${r.kpis.map((k) => `<tr><td>${esc(k.objective)}</td><td>${esc(k.kpi)}</td><td>${esc(k.baseline)} → ${esc(k.target)} ${esc(k.unit)}</td><td>${k.measured ? `${esc(k.measured.meanBefore)} → ${esc(k.measured.meanAfter)} (${k.measured.mentorships}) ${k.measured.reachedTarget ? '✔ target reached' : ''}` : '<span class="none">not measured</span>'}</td></tr>`).join('')}
</table></section>
<section><h2>Competency progress (mean level gained)</h2>
${svgBars(
  r.competencyProgress.map((c) => ({ label: `${c.competencyKey} (${c.goals})`, value: c.meanGained })),
  4,
  { unit: 'levels', empty: 'No data yet.' },
)}
<p>${r.goalsReached.reached} of ${r.goalsReached.goals} goal competencies reached their target in closed mentorships.</p></section>
<section><h2>Facts behind the figures</h2><table><tr><th>Mentorship</th><th>Fact</th><th>Source</th><th>Before → after</th><th>Improvement</th></tr>
${r.facts.map((f) => `<tr><td>${esc(f.mentorshipId.slice(0, 8))}</td><td>${esc(f.name)}</td><td>${esc(f.source)}</td><td>${esc(f.before)} → ${esc(f.after)} ${esc(f.unit)}</td><td>${esc(f.improvement)}${f.value === null ? '' : ` (${esc(money(f.value))})`}</td></tr>`).join('') || '<tr><td colspan="5" class="none">No closed mentorship yet.</td></tr>'}
</table></section>
</body></html>`;
}
