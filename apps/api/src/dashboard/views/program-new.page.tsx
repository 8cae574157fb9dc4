import { ActionForm, Check, Field, Outcome, Select } from '../../views/forms.js';
import type { Ui } from '../../views/i18n.js';
import type { NoticeCode } from '../../views/notices.js';
import { DashboardLayout } from './layout.js';
import { ObjectivesFields } from './objectives-fields.js';

/** The owner plans a program: name, sponsor, steering group, objectives and KPIs, success factors, rhythm. */
export function NewProgramPage(props: {
  ui: Ui;
  people: Array<{ value: string; label: string }>;
  notice: NoticeCode | null;
}) {
  const { ui, people } = props;
  const { t } = ui;
  const days = (name: string, label: string) => (
    <Field label={`${label} (${t.days})`}>
      <input name={name} type="number" min={0.001} step="any" size={6} />
    </Field>
  );
  return (
    <DashboardLayout ui={ui} title={t.newProgram} here="/dashboard/programs/new">
      <Outcome ui={props.ui} notice={props.notice} />
      <section>
        <ActionForm action="/dashboard/programs" layout="stack" label={t.newProgram}>
          <Field label={t.name}>
            <input name="name" required maxLength={200} size={50} />
          </Field>
          <Select label={t.sponsor} name="sponsorId" options={people} required />
          <fieldset>
            <legend>{t.steering}</legend>
            {people.map((p) => (
              <Check name="steeringGroup" value={p.value} label={p.label} />
            ))}
          </fieldset>
          <ObjectivesFields ui={ui} objectives={[]} />
          <Field label={t.successFactors}>
            <textarea name="keySuccessFactors" rows={3} cols={60}></textarea>
          </Field>
          <fieldset>
            <legend>{t.policy}</legend>
            {days('sessionEveryDays', t.sessionEvery)}
            {days('checkpointEveryDays', t.checkpointEvery)}
            {days('midtermAfterDays', t.midtermAfter)}
            {days('endAfterDays', t.endAfter)}
            {days('reviewEveryDays', t.reviewEvery)}
          </fieldset>
          <button>{t.create}</button>
        </ActionForm>
      </section>
    </DashboardLayout>
  );
}
