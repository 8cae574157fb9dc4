import type { CycleLessons } from '../../../../../libs/domain/src/index.js';
import { ActionForm, Check, Field } from '../../views/forms.js';
import type { Ui } from '../../views/i18n.js';
import type { ProgramView } from './program-view.js';

/** Lessons of every cycle so far, for planning the next one. */
export function LessonsList(props: { ui: Ui; lessons: CycleLessons[] }) {
  const { ui, lessons } = props;
  const { t } = ui;
  if (lessons.length === 0) return null;
  return (
    <section aria-labelledby="lessons">
      <h2 id="lessons">{t.lessons}</h2>
      {lessons.map((l) => (
        <>
          <h3>
            {ui.fill(t.cycle, { n: l.cycle })} — {ui.date(l.at)}
          </h3>
          <p>{t.whatWorkedShort}</p>
          <ul>
            {l.whatWorked.map((w) => (
              <li>{w}</li>
            ))}
          </ul>
          <p>{t.whatToChangeShort}</p>
          <ul>
            {l.whatToChange.map((w) => (
              <li>{w}</li>
            ))}
          </ul>
        </>
      ))}
    </section>
  );
}

/** The owner's end of a cycle: lessons, then renewal (with who continues) or closure. */
export function EvaluationSection(props: { ui: Ui; view: ProgramView }) {
  const { ui, view } = props;
  const { t } = ui;
  if (view.phase !== 'EVALUATION' || !view.reader.owner) return null;
  const base = `/dashboard/programs/${view.id}`;
  return (
    <section aria-labelledby="evaluation">
      <h2 id="evaluation">{ui.phase('EVALUATION')}</h2>
      <ActionForm action={`${base}/lessons`} layout="stack" label={t.recordLessons}>
        <Field label={t.whatWorked}>
          <textarea name="whatWorked" rows={4} cols={60}></textarea>
        </Field>
        <Field label={t.whatToChange}>
          <textarea name="whatToChange" rows={4} cols={60}></textarea>
        </Field>
        <button>{t.recordLessons}</button>
      </ActionForm>
      <h3>{t.renew}</h3>
      <ActionForm action={`${base}/renewal`} layout="stack" label={t.renew}>
        <fieldset>
          <legend>{t.continuing}</legend>
          {view.continuing.map((o) => (
            <Check name="continuing" value={o.value} label={o.label} />
          ))}
        </fieldset>
        <button>{t.renew}</button>
      </ActionForm>
      <h3>{t.close}</h3>
      <ActionForm action={`${base}/closure`} label={t.close}>
        <button class="danger">{t.close}</button>
      </ActionForm>
    </section>
  );
}
