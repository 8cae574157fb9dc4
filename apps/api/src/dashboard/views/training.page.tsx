import type { TrainingCase } from '../../../../../libs/domain/src/index.js';
import type { Ui } from '../../views/i18n.js';
import { DataTable } from '../../views/table.js';
import { DashboardLayout } from './layout.js';

export interface TrainingView {
  id: string;
  name: string;
  cycle: number;
  /** Whether the plan shown is the one recorded (else the proposal the cohort calls for now). */
  recorded: boolean;
  items: Array<{
    competency: string;
    title: string;
    audience: string;
    menteesTargeting: number;
    meanGap: number | null;
    trainers: string[];
    caseIds: string[];
  }>;
  cases: TrainingCase[];
}

/** A cycle's training plan for its owner: items, experienced trainers and the de-identified cases they cite. */
export function TrainingPage(props: { ui: Ui; view: TrainingView }) {
  const { ui, view } = props;
  const { t, lang } = ui;
  const cited = new Set(view.items.flatMap((i) => i.caseIds));
  return (
    <DashboardLayout
      ui={ui}
      title={`${view.name} — ${ui.fill(t.cycle, { n: view.cycle })}`}
      here={`/dashboard/programs/${view.id}/training`}
    >
      <p>
        <a href={`/dashboard/programs/${view.id}?lang=${lang}`}>{`← ${view.name}`}</a>
      </p>
      <section>
        <h2>{t.trainingPlan}</h2>
        <p>{view.recorded ? t.planRecorded : t.planProposed}</p>
        <DataTable
          head={[t.competency, '', t.menteesTargeting, t.meanGap, t.trainers, t.cases]}
          rows={view.items.map((i) => [
            ui.competency(i.competency),
            `${i.title} (${ui.term(i.audience)})`,
            i.menteesTargeting,
            i.meanGap ?? '—',
            i.trainers.join(', ') || '—',
            i.caseIds.join(', ') || '—',
          ])}
          empty={t.none}
        />
      </section>
      <section>
        <h2>{t.cases}</h2>
        <p class="none">{t.casesRule}</p>
        {view.cases.filter((c) => cited.has(c.caseId)).length === 0 ? <p class="none">{t.none}</p> : null}
        {view.cases
          .filter((c) => cited.has(c.caseId))
          .map((c) => (
            <article id={c.caseId}>
              <h3>{`${c.caseId} — ${c.competencies.map((k) => k.key).join(', ')}`}</h3>
              <dl>
                <dt>{t.situation}</dt>
                <dd>{c.situation.join(' ') || '—'}</dd>
                <dt>{t.caseGuidance}</dt>
                <dd>{c.guidance.join(' ') || '—'}</dd>
                <dt>{t.change}</dt>
                <dd>{[...c.change, ...c.anecdotes].join(' ') || '—'}</dd>
              </dl>
            </article>
          ))}
      </section>
    </DashboardLayout>
  );
}
