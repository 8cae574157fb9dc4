import type { ReportComparison } from '../../../../../libs/domain/src/index.js';
import { MIN_AGGREGATE_PEOPLE } from '../../../../../libs/domain/src/index.js';

const percent = (ratio: number | null) => (ratio === null ? 'not computed' : `${Math.round(ratio * 100)} %`);
const range = (r: [number, number] | null, show: (n: number) => string) =>
  r === null ? 'no interval: too few matched mentees' : `95 % interval: ${show(r[0])} to ${show(r[1])}`;

function Comparison(props: { c: ReportComparison; money: (n: number) => string }) {
  const { c, money } = props;
  const e = c.effect;
  const before = c.beforeAfter;
  const after = c.fromEstimate;
  return (
    <div class="comparison">
      <h3>{c.measure}</h3>
      <table>
        <tr>
          {['Figure', 'Benefit', 'Cost', 'ROI', 'Based on'].map((h) => (
            <th>{h}</th>
          ))}
        </tr>
        <tr>
          <td>{before?.label ?? 'ROI before/after'}</td>
          {before ? (
            <>
              <td>{money(before.benefit)}</td>
              <td>{money(before.cost)}</td>
              <td>{percent(before.roi)}</td>
              <td>{`${before.mentorships} closed mentorship(s)`}</td>
            </>
          ) : (
            <td colSpan={4} class="none">
              No closed mentorship monetised this measure.
            </td>
          )}
        </tr>
        <tr>
          <td>{after?.label ?? 'ROI from the estimated effect (against comparable managers)'}</td>
          {after ? (
            <>
              <td>
                {money(after.benefit)}
                <br />
                <small>{range(after.benefitInterval, money)}</small>
              </td>
              <td>{money(after.cost)}</td>
              <td>
                {percent(after.roi)}
                <br />
                <small>{range(after.roiInterval, (n) => percent(n))}</small>
              </td>
              <td>{`${after.mentees} mentee(s) each matched to comparable managers`}</td>
            </>
          ) : (
            <td colSpan={4} class="none">
              {e.visibility === 'withheld'
                ? `Withheld: ${e.reason}.`
                : 'No estimate: too few mentees with figures before and after the cycle.'}
            </td>
          )}
        </tr>
      </table>
      {e.visibility !== 'withheld' && (
        <>
          <p>
            {`Effect on ${e.measure}: ${
              e.improvement
                ? `${e.improvement.estimate} per mentee in its better direction (${range(e.improvement.interval, String)})`
                : 'not estimated'
            }; ${e.sample.matchedMentees} mentee(s) matched to ${e.sample.comparisonManagers} manager(s) who were not in the program (out of ${e.sample.pool}). Covariates: ${e.covariates.join(', ')}.`}
          </p>
          <ul>
            {e.summary.map((line) => (
              <li>{line}</li>
            ))}
          </ul>
          <h4>What the method cannot rule out</h4>
          <ul>
            {e.limits.map((line) => (
              <li>{line}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/**
 * The proof section of the report: per monetised measure, the before/after ROI and the ROI from the
 * effect estimated against comparable managers, each labelled, under the reports' privacy rule.
 */
export function ReportComparisons(props: { comparison: ReportComparison[]; money: (n: number) => string }) {
  return (
    <section>
      <h2>Proof: the effect against comparable managers</h2>
      <p>
        Two ROI figures are shown for each measure. <b>Before/after</b> is what happened to the mentees, times the share
        of it agreed to come from the mentorship. <b>From the estimated effect</b> compares each mentee with managers
        who were not in the program but were alike before it (job level, years of management, team size, the measure’s
        own level and trend): only the difference counts, with its 95 % interval.
      </p>
      <p class="none">
        {`Privacy: the sponsor and the steering group see aggregates only, and only of at least ${MIN_AGGREGATE_PEOPLE} people on each side of the comparison; smaller figures are withheld. Mentee-by-mentee comparisons are for HR admins and the program's owner.`}
      </p>
      {props.comparison.length === 0 ? (
        <p class="none">
          No comparison yet: it needs closed mentorships whose facts have a value per unit, and the same measure
          imported for everyone (participants and not) under the same name.
        </p>
      ) : (
        props.comparison.map((c) => <Comparison c={c} money={props.money} />)
      )}
    </section>
  );
}
