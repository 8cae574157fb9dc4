import type { ComponentChildren } from 'preact';
import { Bars } from '../../views/charts.js';
import { Document } from '../../views/document.js';
import type { Ui } from '../../views/i18n.js';
import { DataTable } from '../../views/table.js';
import type { EffectivenessReportResponse } from '../report.dto.js';
import { ReportComparisons } from './report-comparison.js';

const percent = (ratio: number | null, none: string) => (ratio === null ? none : `${Math.round(ratio * 100)} %`);

function Kpi(props: { value: string | number; children: ComponentChildren }) {
  return (
    <div class="kpi">
      <b>{props.value}</b>
      {props.children}
    </div>
  );
}

/**
 * The cycle's effectiveness and ROI report in the reader's language: the same view inside the
 * dashboard and as the standalone printable page. `cycleHref` is where another cycle's report is.
 */
export function ReportBody(props: {
  ui: Ui;
  report: EffectivenessReportResponse;
  cycleHref: (cycle: number) => string;
}) {
  const { ui, report: r } = props;
  const { t } = ui;
  const p = r.participation;
  const money = (n: number) => `${ui.num(n)} ${r.roi.currency ?? ''}`.trim();
  return (
    <>
      {r.cycles.length > 1 ? (
        <nav aria-label={t.cycles}>
          {r.cycles.map((c) =>
            c === r.cycle ? (
              <strong aria-current="page">{`${ui.fill(t.cycle, { n: c })} `}</strong>
            ) : (
              <a href={props.cycleHref(c)}>{`${ui.fill(t.cycle, { n: c })} `}</a>
            ),
          )}
        </nav>
      ) : null}
      {r.frozenAt ? (
        <p class="frozen">
          {ui.fill(t.frozen, { date: r.frozenAt.slice(0, 10) })}
          {r.stillRunning > 0 ? ` ${ui.fill(t.stillRunning, { n: r.stillRunning })}` : ''}
        </p>
      ) : null}
      <section aria-labelledby="participation">
        <h2 id="participation">{t.participation}</h2>
        <Kpi value={p.started}>{ui.fill(t.started, { n: p.planned })}</Kpi>
        <Kpi value={p.closed}>{t.closedCount}</Kpi>
        <Kpi value={p.terminated}>{t.terminatedCount}</Kpi>
        <Kpi value={percent(p.coverage, '—')}>{ui.fill(t.coverage, { m: p.matchedMentees, e: p.enrolledMentees })}</Kpi>
      </section>
      <section aria-labelledby="roi">
        <h2 id="roi">{t.roiTitle}</h2>
        <Kpi value={money(r.roi.cost)}>{t.cost}</Kpi>
        <Kpi value={money(r.roi.benefit)}>{t.benefit}</Kpi>
        <Kpi value={percent(r.roi.ratio, t.notComputed)}>{ui.fill(t.roiOver, { n: r.roi.mentorships })}</Kpi>
        <h3>{t.assumptions}</h3>
        <ul>
          {r.roi.assumptions.length ? r.roi.assumptions.map((a) => <li>{a}</li>) : <li class="none">{t.noneYet}</li>}
        </ul>
      </section>
      <ReportComparisons ui={ui} comparison={r.comparison} money={money} />
      <section aria-labelledby="kpis">
        <h2 id="kpis">{t.objectives}</h2>
        <Bars
          title={t.kpisChart}
          perRowScale
          rows={r.kpis.map((k) => ({
            label: k.kpi,
            value: k.measured ? k.measured.meanAfter : k.baseline,
            before: k.baseline,
            target: k.target,
            text: `${k.baseline} → ${k.measured ? k.measured.meanAfter : '—'} (${t.kpiTarget} ${k.target} ${k.unit})`,
          }))}
          empty={t.none}
        />
        <DataTable
          head={[t.objective, t.kpi, t.baselineToTarget, t.kpiMeasured]}
          caption={t.objectives}
          rows={r.kpis.map((k) => [
            k.objective,
            k.kpi,
            `${k.baseline} → ${k.target} ${k.unit}`,
            k.measured ? (
              `${k.measured.meanBefore} → ${k.measured.meanAfter} (${k.measured.mentorships})${k.measured.reachedTarget ? ` ✔ ${t.reached}` : ''}`
            ) : (
              <span class="none">{t.notMeasured}</span>
            ),
          ])}
          empty={t.none}
        />
      </section>
      <section aria-labelledby="progress">
        <h2 id="progress">{t.progress}</h2>
        <Bars
          title={t.progress}
          rows={r.competencyProgress.map((c) => ({
            label: `${ui.competency(c.competencyKey)} (${c.goals})`,
            value: c.meanGained,
            text: `+${ui.num(c.meanGained)} ${t.levels}`,
          }))}
          max={4}
          empty={t.noneYet}
        />
        <p>{ui.fill(t.goalsReached, { r: r.goalsReached.reached, g: r.goalsReached.goals })}</p>
      </section>
      <section aria-labelledby="facts">
        <h2 id="facts">{t.factsBehind}</h2>
        <DataTable
          head={[t.mentorships, t.factColumn, t.source, t.beforeAfter, t.improvement]}
          caption={t.factsBehind}
          rows={r.facts.map((f) => [
            `${f.mentee} ← ${f.mentor}`,
            f.name,
            f.source,
            `${f.before} → ${f.after} ${f.unit}`,
            `${f.improvement}${f.value === null ? '' : ` (${money(f.value)})`}`,
          ])}
          empty={t.noClosed}
        />
      </section>
    </>
  );
}

/** The report as a standalone page a sponsor can read and print. */
export function ReportPage(props: {
  ui: Ui;
  programName: string;
  report: EffectivenessReportResponse;
  cycleHref: (cycle: number) => string;
}) {
  const heading = `${props.programName} — ${props.ui.fill(props.ui.t.cycle, { n: props.report.cycle })}`;
  return (
    <Document lang={props.ui.lang} title={`${heading} — ${props.ui.t.report}`}>
      <main>
        <h1>{heading}</h1>
        <ReportBody ui={props.ui} report={props.report} cycleHref={props.cycleHref} />
      </main>
    </Document>
  );
}
