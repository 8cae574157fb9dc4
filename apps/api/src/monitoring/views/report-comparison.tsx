import type { ReportComparison } from '../../../../../libs/domain/src/index.js';
import { MIN_AGGREGATE_PEOPLE } from '../../../../../libs/domain/src/index.js';
import type { Ui } from '../../views/i18n.js';

/** A share as the reports write it, or the page's "not computed". */
export const percentOr = (ui: Ui, ratio: number | null) =>
  ratio === null ? ui.t.notComputed : `${Math.round(ratio * 100)} %`;

/** A 95 % interval in the reader's words, or why there is none. */
export const intervalOf = (ui: Ui, r: [number, number] | null, show: (n: number) => string) =>
  r === null ? ui.t.proofNoInterval : ui.fill(ui.t.proofInterval, { low: show(r[0]), high: show(r[1]) });

function Comparison(props: { ui: Ui; c: ReportComparison; money: (n: number) => string }) {
  const { ui, c, money } = props;
  const { t } = ui;
  const e = c.effect;
  const before = c.beforeAfter;
  const after = c.fromEstimate;
  const percent = (n: number | null) => percentOr(ui, n);
  return (
    <div class="comparison">
      <h3>{c.measure}</h3>
      <table>
        <tr>
          {[t.proofFigure, t.benefit, t.cost, 'ROI', t.proofBasedOn].map((h) => (
            <th>{h}</th>
          ))}
        </tr>
        <tr>
          <td>{t.roiBeforeAfter}</td>
          {before ? (
            <>
              <td>{money(before.benefit)}</td>
              <td>{money(before.cost)}</td>
              <td>{percent(before.roi)}</td>
              <td>{ui.fill(t.proofClosed, { n: before.mentorships })}</td>
            </>
          ) : (
            <td colSpan={4} class="none">
              {t.proofNoBeforeAfter}
            </td>
          )}
        </tr>
        <tr>
          <td>{t.roiFromEffect}</td>
          {after ? (
            <>
              <td>
                {money(after.benefit)}
                <br />
                <small>{intervalOf(ui, after.benefitInterval, money)}</small>
              </td>
              <td>{money(after.cost)}</td>
              <td>
                {percent(after.roi)}
                <br />
                <small>{intervalOf(ui, after.roiInterval, percent)}</small>
              </td>
              <td>{ui.fill(t.proofMatched, { n: after.mentees })}</td>
            </>
          ) : (
            <td colSpan={4} class="none">
              {e.visibility === 'withheld' ? ui.fill(t.proofWithheld, { n: e.minimumPeople }) : t.proofNoEstimate}
            </td>
          )}
        </tr>
      </table>
      {e.visibility !== 'withheld' && (
        <>
          <p>
            {ui.fill(t.proofEffectOn, {
              measure: e.measure,
              effect: e.improvement
                ? ui.fill(t.proofPerMentee, {
                    n: ui.num(e.improvement.estimate),
                    interval: intervalOf(ui, e.improvement.interval, (n) => ui.num(n)),
                  })
                : t.proofNotEstimated,
              matched: e.sample.matchedMentees,
              managers: e.sample.comparisonManagers,
              pool: ui.num(e.sample.pool),
            })}
          </p>
          <ul>
            {e.summary.map((line) => (
              <li>{line}</li>
            ))}
          </ul>
          <h4>{t.proofCannotRuleOut}</h4>
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
 * effect estimated against comparable managers, each labelled, under the reports' privacy rule. The
 * effect's sentences arrive in the reader's language (CycleReportService); the rest is worded here.
 */
export function ReportComparisons(props: { ui: Ui; comparison: ReportComparison[]; money: (n: number) => string }) {
  const { ui } = props;
  const { t } = ui;
  return (
    <section aria-labelledby="proof">
      <h2 id="proof">{t.proofTitle}</h2>
      <p>
        {t.proofIntro} <b>{t.proofBeforeAfter}</b> {t.proofBeforeAfterIs} <b>{t.proofFromEffect}</b>{' '}
        {t.proofFromEffectIs}
      </p>
      <p class="none">{ui.fill(t.proofPrivacy, { n: MIN_AGGREGATE_PEOPLE })}</p>
      {props.comparison.length === 0 ? (
        <p class="none">{t.proofNone}</p>
      ) : (
        props.comparison.map((c) => <Comparison ui={ui} c={c} money={props.money} />)
      )}
    </section>
  );
}
