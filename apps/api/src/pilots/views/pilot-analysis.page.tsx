import type { PilotAnalysis } from '../../../../../libs/domain/src/index.js';
import { Bars } from '../../views/charts.js';
import type { Ui } from '../../views/i18n.js';
import { DataTable } from '../../views/table.js';
import { factorLabel } from '../../views/words/factors.js';

const LABEL_PX = 7;

/** Each factor's link with success and its interval on a −1…1 axis, labels in a column wide enough for them. */
function EffectChart(props: { ui: Ui; analysis: PilotAnalysis }) {
  const { ui } = props;
  const shown = props.analysis.factors.filter((f) => f.r !== null);
  if (shown.length === 0) return <p class="none">{ui.t.notEnough}</p>;
  const labels = shown.map((f) => factorLabel(ui.lang, f.factor));
  const left = Math.min(420, Math.max(...labels.map((l) => l.length * LABEL_PX + 20)));
  const x = (v: number) => left + 150 + v * 140;
  const width = left + 300 + 120;
  const height = 28 * shown.length + 20;
  return (
    <svg
      role="img"
      aria-label={ui.t.whatGoesWithSuccess}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
    >
      <title>{ui.t.whatGoesWithSuccess}</title>
      <line class="axis" x1={x(0)} x2={x(0)} y1="0" y2={height}></line>
      {shown.map((f, i) => {
        const y = 20 + 28 * i;
        const [lo, hi] = f.interval!;
        const cls = f.status === 'effect' ? 'effect' : 'noeffect';
        return (
          <g>
            <text x="0" y={y + 4}>
              {labels[i]}
            </text>
            <line class={cls} x1={x(lo).toFixed(1)} x2={x(hi).toFixed(1)} y1={y} y2={y}></line>
            <circle class={cls} cx={x(f.r!).toFixed(1)} cy={y} r="5"></circle>
            <text x={x(1) + 12} y={y + 4}>
              {ui.num(f.r)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function finding(ui: Ui, f: PilotAnalysis['factors'][number]): string {
  const { t } = ui;
  if (f.status === 'not-enough-data') return t.notEnough;
  const range = `r = ${ui.num(f.r)} [${f.interval!.map((v) => ui.num(v)).join(' ; ')}]`;
  if (f.status === 'effect') return `${f.direction === 'negative' ? t.clearNegative : t.clearPositive} (${range})`;
  return `${t.noClear} (${range})`;
}

/** The pilot's evaluation in the reader's language: findings first, the statistics one click away. */
export function PilotAnalysisBody(props: { ui: Ui; analysis: PilotAnalysis }) {
  const { ui } = props;
  const { t } = ui;
  const a = props.analysis;
  const total = a.mentorships.length;
  const pct = (n: number) => `${Math.round((n / Math.max(1, total)) * 100)} %`;
  const findings = [...a.keySuccessFactors.map((k) => <li>✔ {k}</li>), ...a.risks.map((r) => <li>⚠ {r}</li>)];
  return (
    <>
      <section aria-labelledby="outcomes">
        <h2 id="outcomes">{ui.fill(t.outcomesOf, { n: total })}</h2>
        {(['success', 'partial', 'failure'] as const).map((o) => (
          <div class="kpi">
            <b>{a.outcomes[o]}</b>
            {ui.term(o)} ({pct(a.outcomes[o])})
          </div>
        ))}
      </section>
      <section aria-labelledby="success">
        <h2 id="success">{t.whatGoesWithSuccess}</h2>
        <p>{t.effectHelp}</p>
        <EffectChart ui={ui} analysis={a} />
        <DataTable
          head={[t.factor, 'n', t.finding]}
          caption={t.whatGoesWithSuccess}
          rows={a.factors.map((f) => [factorLabel(ui.lang, f.factor), f.n, finding(ui, f)])}
          empty={t.none}
        />
      </section>
      <section aria-labelledby="ksf">
        <h2 id="ksf">{t.ksfAndRisks}</h2>
        <ul>{findings.length ? findings : <li class="none">{t.noneFound}</li>}</ul>
      </section>
      <section aria-labelledby="gaps">
        <h2 id="gaps">{t.gaps}</h2>
        <DataTable
          head={[t.competency, t.target, t.menteesBefore, t.menteesAfter, t.mentorsLevel, t.stillToGo]}
          caption={t.gaps}
          rows={a.gaps.map((g) => [
            ui.competency(g.competencyKey, g.name),
            ui.num(g.target),
            ui.num(g.menteesBefore),
            ui.num(g.menteesAfter),
            ui.num(g.mentors),
            ui.num(g.remainingGap),
          ])}
          empty={t.none}
        />
      </section>
      <section aria-labelledby="said">
        <h2 id="said">{t.whatPeopleSaid}</h2>
        {a.themes.length === 0 ? (
          <p class="none">{t.noFreeText}</p>
        ) : (
          a.themes.map((theme) => (
            <>
              <h3>
                {theme.label[ui.lang]} — {theme.count}
              </h3>
              {theme.quotes.map((q) => (
                <blockquote>“{q}”</blockquote>
              ))}
            </>
          ))
        )}
      </section>
      <section aria-labelledby="recommendations">
        <h2 id="recommendations">{t.recommendations}</h2>
        <h3>{t.recommendedWeights}</h3>
        <Bars
          title={t.recommendedWeights}
          rows={Object.entries(a.recommendations.matchingWeights).map(([k, w]) => ({
            label: ui.criterion(k),
            value: w,
            text: `${Math.round(w * 100)} %`,
          }))}
          empty={t.none}
        />
        <h3>{t.trainingFocus}</h3>
        <p>{a.recommendations.focusCompetencies.map((k) => ui.competency(k)).join(', ') || '—'}</p>
        <ul>
          {a.recommendations.notes.map((n) => (
            <li>{n}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="method">
        <h2 id="method">{t.method}</h2>
        <p>{t.methodPlain}</p>
        <details>
          <summary>{t.statistics}</summary>
          <ul>
            {a.method.map((m) => (
              // Where the code lives is for developers, not for the page's readers.
              <li>{m.replace(/\s*\([^)]*\.ts\)/g, '')}</li>
            ))}
          </ul>
        </details>
      </section>
      <section aria-labelledby="each">
        <h2 id="each">{t.eachMentorship}</h2>
        <DataTable
          head={[t.ref, t.score, t.outcome, t.why]}
          caption={t.eachMentorship}
          rows={a.mentorships.map((m) => [m.ref, ui.num(m.score), ui.term(m.outcome), m.reasons.join('; ')])}
          empty={t.none}
        />
      </section>
    </>
  );
}
