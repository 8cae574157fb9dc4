import type { PilotAnalysis } from '../../../../libs/domain/src/index.js';
import { esc } from '../http/html.js';

/** Each factor's correlation with its interval on a −1…1 axis, as inline SVG (no script, printable). */
function effectChart(a: PilotAnalysis): string {
  const shown = a.factors.filter((f) => f.r !== null);
  if (shown.length === 0) return '<p class="none">Not enough data for any factor.</p>';
  const x = (v: number) => 260 + v * 150;
  const rows = shown
    .map((f, i) => {
      const y = 20 + 28 * i;
      const [lo, hi] = f.interval!;
      const cls = f.status === 'effect' ? 'effect' : 'none';
      return `<text x="0" y="${y + 4}">${esc(f.label.slice(0, 34))}</text><line class="${cls}" x1="${x(lo).toFixed(1)}" x2="${x(hi).toFixed(1)}" y1="${y}" y2="${y}"></line><circle class="${cls}" cx="${x(f.r!).toFixed(1)}" cy="${y}" r="5"></circle><text x="${x(1) + 10}" y="${y + 4}">r = ${f.r} (n = ${f.n})</text>`;
    })
    .join('');
  const height = 28 * shown.length + 20;
  return `<svg role="img" width="560" height="${height}" viewBox="0 0 560 ${height}"><line class="axis" x1="${x(0)}" x2="${x(0)}" y1="0" y2="${height}"></line>${rows}</svg>`;
}

/** The pilot's evaluation as a page an HR team and a sponsor can read (and print). */
export function pilotHtml(name: string, a: PilotAnalysis): string {
  const total = a.mentorships.length;
  const pct = (n: number) => `${Math.round((n / Math.max(1, total)) * 100)} %`;
  const num = (v: number | null) => (v === null ? '—' : String(v));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(name)} — pilot evaluation</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:900px;margin:2rem auto;padding:0 1rem;color:#1d2330}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #dde}
table{border-collapse:collapse;width:100%}td,th{padding:.3rem .5rem;border-bottom:1px solid #eef;text-align:left}
.kpi{display:inline-block;margin:0 1.5rem 1rem 0}.kpi b{display:block;font-size:1.5rem}
svg text{font-size:12px;fill:#1d2330}svg line{stroke-width:3}svg line.effect,svg circle.effect{stroke:#2f7d4f;fill:#2f7d4f}
svg line.none,svg circle.none{stroke:#9aa;fill:#9aa}svg line.axis{stroke:#ccd;stroke-width:1}.none{color:#778}blockquote{margin:.3rem 0 .3rem 1rem;color:#445}
</style></head><body>
<h1>${esc(name)} — pilot evaluation</h1>
<section><h2>Outcomes of ${total} mentorships</h2>
<div class="kpi"><b>${a.outcomes.success}</b>success (${pct(a.outcomes.success)})</div>
<div class="kpi"><b>${a.outcomes.partial}</b>partial (${pct(a.outcomes.partial)})</div>
<div class="kpi"><b>${a.outcomes.failure}</b>failure (${pct(a.outcomes.failure)})</div></section>
<section><h2>What goes with success</h2>
<p>Dots are correlations with the success score; bars their corrected confidence intervals. Green: an effect (the interval excludes 0); grey: no clear effect.</p>
${effectChart(a)}
<table><tr><th>Factor</th><th>n</th><th>Finding</th></tr>${a.factors
    .map(
      (f) =>
        `<tr><td>${esc(f.label)}</td><td>${f.n}</td><td>${f.status === 'not-enough-data' ? 'not enough data' : f.status === 'effect' ? `${f.direction} effect, r = ${f.r} [${f.interval!.join(', ')}]` : `no clear effect (r = ${f.r} [${f.interval!.join(', ')}])`}</td></tr>`,
    )
    .join('')}</table></section>
<section><h2>Key success factors and risks</h2><ul>${[...a.keySuccessFactors.map((k) => `<li>✔ ${esc(k)}</li>`), ...a.risks.map((r) => `<li>⚠ ${esc(r)}</li>`)].join('') || '<li class="none">None found.</li>'}</ul></section>
<section><h2>Competency gaps</h2><table><tr><th>Competency</th><th>Target</th><th>Mentees before</th><th>Mentees after</th><th>Mentors</th><th>Still to go</th></tr>${a.gaps
    .map(
      (g) =>
        `<tr><td>${esc(g.name)}</td><td>${num(g.target)}</td><td>${num(g.menteesBefore)}</td><td>${num(g.menteesAfter)}</td><td>${num(g.mentors)}</td><td>${num(g.remainingGap)}</td></tr>`,
    )
    .join('')}</table></section>
<section><h2>What people said</h2>${a.themes.map((t) => `<h3>${esc(t.label.en)} / ${esc(t.label.fr)} — ${t.count}</h3>${t.quotes.map((q) => `<blockquote>“${esc(q)}”</blockquote>`).join('')}`).join('') || '<p class="none">No free text.</p>'}</section>
<section><h2>Recommendations</h2>
<h3>Matching weights</h3><table>${Object.entries(a.recommendations.matchingWeights)
    .map(([k, w]) => `<tr><td>${esc(k)}</td><td>${w}</td></tr>`)
    .join('')}</table>
<h3>Training focus</h3><p>${a.recommendations.focusCompetencies.map(esc).join(', ') || 'none'}</p>
<ul>${a.recommendations.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul></section>
<section><h2>Method</h2><ul>${a.method.map((m) => `<li>${esc(m)}</li>`).join('')}</ul></section>
<section><h2>Each mentorship</h2><table><tr><th>Ref</th><th>Score</th><th>Outcome</th><th>Why</th></tr>${a.mentorships
    .map(
      (m) =>
        `<tr><td>${esc(m.ref)}</td><td>${m.score}</td><td>${m.outcome}</td><td>${esc(m.reasons.join('; '))}</td></tr>`,
    )
    .join('')}</table></section>
</body></html>`;
}
