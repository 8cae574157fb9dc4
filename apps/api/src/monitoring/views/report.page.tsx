import type { ComponentChildren } from 'preact';
import type { EffectivenessReportResponse } from '../report.dto.js';
import { Bars } from '../../views/bars.js';
import { Document } from '../../views/document.js';
import { REPORT_CSS } from '../../views/styles.js';
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

/** The cycle's effectiveness and ROI report as a page a sponsor can read (and print). */
export function ReportPage(props: { programId: string; programName: string; report: EffectivenessReportResponse }) {
  const r = props.report;
  const p = r.participation;
  const money = (n: number) => `${n.toLocaleString('en-GB')} ${r.roi.currency ?? ''}`.trim();
  const heading = `${props.programName} — cycle ${r.cycle}`;
  return (
    <Document lang="en" title={`${heading} effectiveness`} css={REPORT_CSS}>
      <h1>{heading}</h1>
      <nav aria-label="Cycles">
        {r.cycles.map((c) =>
          c === r.cycle ? (
            <b>{`Cycle ${c}`} </b>
          ) : (
            <a href={`/programs/${props.programId}/report.html?cycle=${c}`}>{`Cycle ${c}`} </a>
          ),
        )}
      </nav>
      {r.frozenAt ? (
        <p class="frozen">
          {`This cycle ended on ${r.frozenAt.slice(0, 10)}: the report shows it as it stood then.`}
          {r.stillRunning > 0 ? ` ${r.stillRunning} of its mentorships were still running.` : ''}
        </p>
      ) : null}
      <section>
        <h2>Participation</h2>
        <Kpi value={p.started}>mentorships started ({p.planned} planned)</Kpi>
        <Kpi value={p.closed}>closed</Kpi>
        <Kpi value={p.terminated}>ended early</Kpi>
        <Kpi value={percent(p.coverage, '—')}>
          of enrolled mentees matched ({p.matchedMentees}/{p.enrolledMentees})
        </Kpi>
      </section>
      <section>
        <h2>Return on investment</h2>
        <Kpi value={money(r.roi.cost)}>cost</Kpi>
        <Kpi value={money(r.roi.benefit)}>monetised benefit</Kpi>
        <Kpi value={percent(r.roi.ratio, 'not computed')}>
          ROI before/after over {r.roi.mentorships} closed mentorship(s)
        </Kpi>
        <h3>Assumptions</h3>
        <ul>
          {r.roi.assumptions.length ? r.roi.assumptions.map((a) => <li>{a}</li>) : <li class="none">None yet.</li>}
        </ul>
      </section>
      <ReportComparisons comparison={r.comparison} money={money} />
      <section>
        <h2>Objectives and KPIs</h2>
        <table>
          <tr>
            <th>Objective</th>
            <th>KPI</th>
            <th>Baseline → target</th>
            <th>Measured in mentorships</th>
          </tr>
          {r.kpis.map((k) => (
            <tr>
              <td>{k.objective}</td>
              <td>{k.kpi}</td>
              <td>{`${k.baseline} → ${k.target} ${k.unit}`}</td>
              <td>
                {k.measured ? (
                  `${k.measured.meanBefore} → ${k.measured.meanAfter} (${k.measured.mentorships}) ${k.measured.reachedTarget ? '✔ target reached' : ''}`
                ) : (
                  <span class="none">not measured</span>
                )}
              </td>
            </tr>
          ))}
        </table>
      </section>
      <section>
        <h2>Competency progress (mean level gained)</h2>
        <Bars
          rows={r.competencyProgress.map((c) => ({ label: `${c.competencyKey} (${c.goals})`, value: c.meanGained }))}
          max={4}
          unit="levels"
          empty="No data yet."
        />
        <p>
          {`${r.goalsReached.reached} of ${r.goalsReached.goals} goal competencies reached their target in closed mentorships.`}
        </p>
      </section>
      <section>
        <h2>Facts behind the figures</h2>
        <table>
          <tr>
            {['Mentee (mentor)', 'Fact', 'Source', 'Before → after', 'Improvement'].map((h) => (
              <th>{h}</th>
            ))}
          </tr>
          {r.facts.length === 0 ? (
            <tr>
              <td colSpan={5} class="none">
                No closed mentorship yet.
              </td>
            </tr>
          ) : (
            r.facts.map((f) => (
              <tr>
                <td>{`${f.mentee} (${f.mentor})`}</td>
                <td>{f.name}</td>
                <td>{f.source}</td>
                <td>{`${f.before} → ${f.after} ${f.unit}`}</td>
                <td>{`${f.improvement}${f.value === null ? '' : ` (${money(f.value)})`}`}</td>
              </tr>
            ))
          )}
        </table>
      </section>
    </Document>
  );
}
