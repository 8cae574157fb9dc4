import { ActionForm, Check, Field, Select } from '../../views/forms.js';
import type { Ui } from '../../views/i18n.js';
import { DataTable } from '../../views/table.js';
import type { ProgramView, TrainingView } from './program-view.js';

/** Training sessions, a supervisor for each approved pair, and the start of the mentorships. */
export function TrainingSection(props: { ui: Ui; view: ProgramView; training: TrainingView }) {
  const { ui, view, training } = props;
  const { t } = ui;
  const base = `/dashboard/programs/${view.id}`;
  const open = view.phase === 'TRAINING' || view.phase === 'EXECUTION';
  return (
    <section aria-labelledby="training">
      <h2 id="training">{t.training}</h2>
      <DataTable
        head={[t.trainingTitle, t.audience, t.heldAt, t.attendees]}
        caption={t.trainingSessions}
        rows={training.sessions.map((s) => [s.title, ui.term(s.audience), ui.date(s.heldAt), s.attendees.join(', ')])}
        empty={t.none}
      />
      <p>
        {t.trained}: {training.trained.join(', ') || '—'} · {t.untrained}: {training.untrained.join(', ') || '—'}
      </p>
      {open ? (
        <ActionForm action={`${base}/training-sessions`} layout="stack" label={t.recordTraining}>
          <fieldset>
            <legend>{t.recordTraining}</legend>
            <Field label={t.trainingTitle}>
              <input name="title" required minLength={3} maxLength={200} size={50} />
            </Field>
            <Select
              label={t.audience}
              name="audience"
              options={(['mentors', 'mentees'] as const).map((a) => ({ value: a, label: ui.term(a) }))}
            />
            <Field label={t.heldAt}>
              <input
                name="heldAt"
                type="datetime-local"
                required
                value={new Date(view.now).toISOString().slice(0, 16)}
              />
            </Field>
            <Field label={t.material}>
              <input name="material" type="url" size={40} />
            </Field>
          </fieldset>
          <fieldset>
            <legend>{t.attendees}</legend>
            {[...training.mentors, ...training.mentees].map((o) => (
              <Check name="attendees" value={o.value} label={o.label} />
            ))}
          </fieldset>
          <button>{t.recordTraining}</button>
        </ActionForm>
      ) : null}
      <h3>{t.supervisors}</h3>
      <DataTable
        head={[t.mentee, t.mentor, t.supervisor, t.status]}
        caption={t.supervisors}
        rows={training.pairs.map((p) => [
          p.mentee,
          p.mentor,
          p.supervisor ??
            (open ? (
              <ActionForm action={`${base}/mentorships`} label={`${t.assign}: ${p.mentee}`}>
                <input type="hidden" name="menteeId" value={p.menteeId} />
                <Select
                  label={`${t.supervisor} (${p.mentee})`}
                  name="supervisorId"
                  options={training.supervisors}
                  required
                />
                <button>{t.assign}</button>
              </ActionForm>
            ) : (
              t.notAssigned
            )),
          p.status ? ui.phase(p.status) : '',
        ])}
        empty={t.none}
      />
      {view.phase === 'TRAINING' ? (
        <ActionForm action={`${base}/execution`} label={t.startExecution}>
          <button>{t.startExecution}</button>
        </ActionForm>
      ) : null}
    </section>
  );
}
