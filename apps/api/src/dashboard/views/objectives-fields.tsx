import type { StrategicObjective } from '../../../../../libs/domain/src/index.js';
import { Field } from '../../views/forms.js';
import type { Ui } from '../../views/i18n.js';

/** Objectives with one KPI each, as form fields (`objective1`, `kpi1`, `unit1`, `baseline1`, `target1`…), prefilled. */
export function ObjectivesFields(props: { ui: Ui; objectives: StrategicObjective[]; rows?: number }) {
  const { ui } = props;
  const { t } = ui;
  const rows = Math.max(props.rows ?? 2, props.objectives.length);
  return (
    <>
      {Array.from({ length: rows }, (_, i) => {
        const o = props.objectives[i];
        const k = o?.kpis[0];
        const n = i + 1;
        return (
          <fieldset>
            <legend>{ui.fill(t.objectiveN, { n })}</legend>
            <Field label={t.objective}>
              <input name={`objective${n}`} value={o?.title ?? ''} maxLength={300} size={40} required={i === 0} />
            </Field>
            <Field label={t.kpi}>
              <input name={`kpi${n}`} value={k?.name ?? ''} maxLength={200} />
            </Field>
            <Field label={t.unit}>
              <input name={`unit${n}`} value={k?.unit ?? ''} maxLength={40} size={6} />
            </Field>
            <Field label={t.kpiBaseline}>
              <input name={`baseline${n}`} type="number" step="any" value={k?.baseline ?? ''} size={6} />
            </Field>
            <Field label={t.kpiTarget}>
              <input name={`target${n}`} type="number" step="any" value={k?.target ?? ''} size={6} />
            </Field>
          </fieldset>
        );
      })}
    </>
  );
}
