import { ActionForm, Check, Field } from '../../views/forms.js';
import type { Ui } from '../../views/i18n.js';
import type { MentorshipView } from './mentorship-view.js';

/** The owner's levers on a mentorship at risk: extra supervision, a pause, an early end with a rematch. */
export function OwnerActions(props: { ui: Ui; view: MentorshipView }) {
  const { ui, view } = props;
  const { t } = ui;
  const { can } = view;
  const base = `/dashboard/mentorships/${view.id}`;
  if (!can.pause && !can.resume && !can.extraCheckpoint && !can.terminate) return null;
  const reason = (
    <Field label={t.reason}>
      <input name="reason" required minLength={3} maxLength={1000} size={40} />
    </Field>
  );
  return (
    <section aria-labelledby="owner">
      <h2 id="owner">{t.ownerActions}</h2>
      {can.extraCheckpoint ? (
        <ActionForm action={`${base}/extra-checkpoint`} label={t.extraCheckpoint}>
          {reason}
          <button>{t.extraCheckpoint}</button>
        </ActionForm>
      ) : null}
      {can.pause ? (
        <ActionForm action={`${base}/pause`} label={t.pause}>
          {reason}
          <button class="secondary">{t.pause}</button>
        </ActionForm>
      ) : null}
      {can.resume ? (
        <ActionForm action={`${base}/resume`} label={t.resume}>
          <button>{t.resume}</button>
        </ActionForm>
      ) : null}
      {can.terminate ? (
        <ActionForm action={`${base}/termination`} label={t.terminate}>
          {reason}
          <Check name="rematch" label={t.rematch} />
          <button class="danger">{t.terminate}</button>
        </ActionForm>
      ) : null}
    </section>
  );
}
