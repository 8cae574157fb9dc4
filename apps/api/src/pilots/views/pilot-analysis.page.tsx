import type { PilotAnalysis } from '../../../../../libs/domain/src/index.js';
import { Document } from '../../views/document.js';
import { REPORT_CSS } from '../../views/styles.js';

/** Each factor's correlation with its interval on a −1…1 axis, as inline SVG (no script, printable). */
function EffectChart(props: { analysis: PilotAnalysis }) {
  const shown = props.analysis.factors.filter((f) => f.r !== null);
  if (shown.length === 0) return <p class="none">Not enough data for any factor.</p>;
  const x = (v: number) => 260 + v * 150;
  const height = 28 * shown.length + 20;
  return (
    <svg role="img" width="560" height={height} viewBox={`0 0 560 ${height}`}>
      <line class="axis" x1={x(0)} x2={x(0)} y1="0" y2={height}></line>
      {shown.map((f, i) => {
        const y = 20 + 28 * i;
        const [lo, hi] = f.interval!;
        const cls = f.status === 'effect' ? 'effect' : 'none';
        return (
          <>
            <text x="0" y={y + 4}>
              {f.label.slice(0, 34)}
            </text>
            <line class={cls} x1={x(lo).toFixed(1)} x2={x(hi).toFixed(1)} y1={y} y2={y}></line>
            <circle class={cls} cx={x(f.r!).toFixed(1)} cy={y} r="5"></circle>
            <text x={x(1) + 10} y={y + 4}>
              r = {f.r} (n = {f.n})
            </text>
          </>
        );
      })}
    </svg>
  );
}

function finding(f: PilotAnalysis['factors'][number]): string {
  if (f.status === 'not-enough-data') return 'not enough data';
  if (f.status === 'effect') return `${f.direction} effect, r = ${f.r} [${f.interval!.join(', ')}]`;
  return `no clear effect (r = ${f.r} [${f.interval!.join(', ')}])`;
}

const num = (v: number | null) => (v === null ? '—' : String(v));

/** The pilot's evaluation as a page an HR team and a sponsor can read (and print). */
export function PilotAnalysisPage(props: { name: string; analysis: PilotAnalysis }) {
  const a = props.analysis;
  const total = a.mentorships.length;
  const pct = (n: number) => `${Math.round((n / Math.max(1, total)) * 100)} %`;
  const title = `${props.name} — pilot evaluation`;
  const findings = [...a.keySuccessFactors.map((k) => <li>✔ {k}</li>), ...a.risks.map((r) => <li>⚠ {r}</li>)];
  return (
    <Document lang="en" title={title} css={REPORT_CSS}>
      <h1>{title}</h1>
      <section>
        <h2>Outcomes of {total} mentorships</h2>
        {(['success', 'partial', 'failure'] as const).map((o) => (
          <div class="kpi">
            <b>{a.outcomes[o]}</b>
            {o} ({pct(a.outcomes[o])})
          </div>
        ))}
      </section>
      <section>
        <h2>What goes with success</h2>
        <p>
          Dots are correlations with the success score; bars their corrected confidence intervals. Green: an effect (the
          interval excludes 0); grey: no clear effect.
        </p>
        <EffectChart analysis={a} />
        <table>
          <tr>
            <th>Factor</th>
            <th>n</th>
            <th>Finding</th>
          </tr>
          {a.factors.map((f) => (
            <tr>
              <td>{f.label}</td>
              <td>{f.n}</td>
              <td>{finding(f)}</td>
            </tr>
          ))}
        </table>
      </section>
      <section>
        <h2>Key success factors and risks</h2>
        <ul>{findings.length ? findings : <li class="none">None found.</li>}</ul>
      </section>
      <section>
        <h2>Competency gaps</h2>
        <table>
          <tr>
            {['Competency', 'Target', 'Mentees before', 'Mentees after', 'Mentors', 'Still to go'].map((h) => (
              <th>{h}</th>
            ))}
          </tr>
          {a.gaps.map((g) => (
            <tr>
              <td>{g.name}</td>
              <td>{num(g.target)}</td>
              <td>{num(g.menteesBefore)}</td>
              <td>{num(g.menteesAfter)}</td>
              <td>{num(g.mentors)}</td>
              <td>{num(g.remainingGap)}</td>
            </tr>
          ))}
        </table>
      </section>
      <section>
        <h2>What people said</h2>
        {a.themes.length === 0 ? (
          <p class="none">No free text.</p>
        ) : (
          a.themes.map((t) => (
            <>
              <h3>
                {t.label.en} / {t.label.fr} — {t.count}
              </h3>
              {t.quotes.map((q) => (
                <blockquote>“{q}”</blockquote>
              ))}
            </>
          ))
        )}
      </section>
      <section>
        <h2>Recommendations</h2>
        <h3>Matching weights</h3>
        <table>
          {Object.entries(a.recommendations.matchingWeights).map(([k, w]) => (
            <tr>
              <td>{k}</td>
              <td>{w}</td>
            </tr>
          ))}
        </table>
        <h3>Training focus</h3>
        <p>{a.recommendations.focusCompetencies.join(', ') || 'none'}</p>
        <ul>
          {a.recommendations.notes.map((n) => (
            <li>{n}</li>
          ))}
        </ul>
      </section>
      <section>
        <h2>Method</h2>
        <ul>
          {a.method.map((m) => (
            <li>{m}</li>
          ))}
        </ul>
      </section>
      <section>
        <h2>Each mentorship</h2>
        <table>
          <tr>
            <th>Ref</th>
            <th>Score</th>
            <th>Outcome</th>
            <th>Why</th>
          </tr>
          {a.mentorships.map((m) => (
            <tr>
              <td>{m.ref}</td>
              <td>{m.score}</td>
              <td>{m.outcome}</td>
              <td>{m.reasons.join('; ')}</td>
            </tr>
          ))}
        </table>
      </section>
    </Document>
  );
}
