import { intervalOf, percentOr } from '../../monitoring/views/report-comparison.js';
import type { Ui } from '../../views/i18n.js';
import { DataTable } from '../../views/table.js';
import type { ProofView } from './program-view.js';

/**
 * The cycle's effect against comparable managers, in short: per monetised measure the estimate and
 * its interval in one sentence, both ROI figures labelled, and the way to the report's whole proof.
 * What the sponsor may not see arrives withheld (the report's own privacy rule).
 */
export function ProofSection(props: { ui: Ui; programId: string; cycle: number; proof: ProofView }) {
  const { ui } = props;
  const { t } = ui;
  const percent = (n: number | null) => percentOr(ui, n);
  return (
    <section aria-labelledby="proof">
      <h2 id="proof">{t.proofTitle}</h2>
      {props.proof.measures.length === 0 ? <p class="none">{t.proofNone}</p> : null}
      {props.proof.measures.map((c) => {
        const before = c.beforeAfter;
        const after = c.fromEstimate;
        const withheld = c.effect.visibility === 'withheld' ? c.effect.minimumPeople : null;
        return (
          <div class="comparison" data-measure={c.measure}>
            <h3>{c.measure}</h3>
            {c.verdict ? <p>{c.verdict}</p> : null}
            <DataTable
              caption={c.measure}
              head={[t.proofFigure, 'ROI', t.proofBasedOn]}
              rows={[
                before
                  ? [t.roiBeforeAfter, percent(before.roi), ui.fill(t.proofClosed, { n: before.mentorships })]
                  : [t.roiBeforeAfter, '—', t.proofNoBeforeAfter],
                after
                  ? [
                      t.roiFromEffect,
                      <>
                        {percent(after.roi)}
                        <br />
                        <small>{intervalOf(ui, after.roiInterval, percent)}</small>
                      </>,
                      ui.fill(t.proofMatched, { n: after.mentees }),
                    ]
                  : [
                      t.roiFromEffect,
                      '—',
                      withheld === null ? t.proofNoEstimate : ui.fill(t.proofWithheld, { n: withheld }),
                    ],
              ]}
              empty={t.none}
            />
          </div>
        );
      })}
      <p>
        <a href={`/dashboard/programs/${props.programId}/report?cycle=${props.cycle}&lang=${ui.lang}#proof`}>
          {t.proofFull}
        </a>
      </p>
    </section>
  );
}
