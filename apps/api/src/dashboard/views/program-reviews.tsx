import { INTERACTION_ITEMS } from '../../../../../libs/domain/src/index.js';
import { ActionForm, Field } from '../../views/forms.js';
import type { Ui } from '../../views/i18n.js';
import { DataTable } from '../../views/table.js';
import { ObjectivesFields } from './objectives-fields.js';
import type { ProgramView } from './program-view.js';

/** Re-alignment reviews: what they found, and for the owner the open one to keep or adjust. */
export function ReviewsSection(props: { ui: Ui; view: ProgramView }) {
  const { ui, view } = props;
  const { t } = ui;
  const { reviews } = view;
  if (reviews.list.length === 0 && view.phase !== 'EXECUTION') return null;
  const base = `/dashboard/programs/${view.id}/reviews/${reviews.open}`;
  return (
    <section aria-labelledby="reviews">
      <h2 id="reviews">{t.reviews}</h2>
      <DataTable
        head={['#', t.openedOn, t.decision, t.notes]}
        caption={t.reviews}
        rows={reviews.list.map((r) => [
          r.review,
          ui.date(r.openedAt),
          <span class="review-decision">{r.decision ? ui.term(r.decision) : t.pending}</span>,
          r.notes ?? '',
        ])}
        empty={t.none}
      />
      <h3>{ui.fill(t.feedback, { n: reviews.feedback.answers })}</h3>
      <DataTable
        head={['', '1–5']}
        caption={ui.fill(t.feedback, { n: reviews.feedback.answers })}
        rows={INTERACTION_ITEMS.filter((k) => reviews.feedback.means[k] !== undefined).map((k) => [
          ui.term(k),
          ui.num(reviews.feedback.means[k]),
        ])}
        empty={t.none}
      />
      {reviews.open !== null && view.reader.owner ? (
        <>
          <h3>{ui.fill(t.reviewOpen, { n: reviews.open })}</h3>
          <ActionForm action={`${base}/keep`} label={t.keepCourse}>
            <Field label={t.reviewNotes}>
              <textarea name="notes" required minLength={3} maxLength={5000} cols={50}></textarea>
            </Field>
            <button>{t.keepCourse}</button>
          </ActionForm>
          <ActionForm action={`${base}/adjust`} layout="stack" label={t.adjust}>
            <Field label={t.reviewNotes}>
              <textarea name="notes" required minLength={3} maxLength={5000} cols={50}></textarea>
            </Field>
            <ObjectivesFields ui={ui} objectives={view.plan.objectives} />
            <button>{t.adjust}</button>
          </ActionForm>
        </>
      ) : null}
    </section>
  );
}
