import { PROGRAM_PHASES } from '../../../../../libs/domain/src/index.js';
import { ActionForm, Field, Outcome } from '../../views/forms.js';
import type { Ui } from '../../views/i18n.js';
import type { NoticeCode } from '../../views/notices.js';
import { DataTable } from '../../views/table.js';
import { DashboardLayout } from './layout.js';
import { ExecutionSection } from './program-execution.js';
import { EvaluationSection, LessonsList } from './program-evaluation.js';
import { MatchingSection } from './program-matching.js';
import { ProofSection } from './program-proof.js';
import { ReviewsSection } from './program-reviews.js';
import { TrainingSection } from './program-training.js';
import type { ProgramView } from './program-view.js';

export type { ProgramView } from './program-view.js';

const STEPS = PROGRAM_PHASES.filter((p) => p !== 'CLOSED' && p !== 'RENEWED');
const DAY = 86_400_000;
const HOUR = 3_600_000;

function Plan(props: { ui: Ui; view: ProgramView }) {
  const { ui, view } = props;
  const { t } = ui;
  const { plan } = view;
  const m = plan.rhythm;
  // Days as a rule; a pilot or a test may run on hours or minutes.
  const d = (ms: number) =>
    ms >= DAY
      ? `${ui.num(ms / DAY, 1)} ${t.days}`
      : ms >= HOUR
        ? `${ui.num(ms / HOUR, 1)} ${t.hours}`
        : `${ui.num(ms / 60_000, 1)} ${t.minutesShort}`;
  return (
    <section aria-labelledby="plan">
      <h2 id="plan">{t.plan}</h2>
      <p>
        {t.sponsor}: <strong>{plan.sponsor}</strong>
        {plan.steering.length ? ` · ${t.steering}: ${plan.steering.join(', ')}` : ''}
      </p>
      <h3>{t.objectives}</h3>
      <DataTable
        head={[t.objective, t.kpi, t.kpiBaseline, t.kpiTarget]}
        rows={plan.objectives.flatMap((o) =>
          o.kpis.map((k) => [o.title, k.name, `${k.baseline} ${k.unit}`, `${k.target} ${k.unit}`]),
        )}
        empty={t.none}
      />
      {plan.keySuccessFactors.length ? (
        <>
          <h3>{t.successFactorsShort}</h3>
          <ul>
            {plan.keySuccessFactors.map((k) => (
              <li>{k}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p class="help">
        {t.policyShort}
        {plan.policy?.mentorship ? '' : ` (${t.defaults})`}: {t.sessionEvery} {d(m.sessionEveryMs)} ·{' '}
        {t.checkpointEvery} {d(m.checkpointEveryMs)} · {t.midtermAfter} {d(m.midtermAfterMs)} · {t.endAfter}{' '}
        {d(m.endAfterMs)}
      </p>
      {view.phase === 'LAUNCH_PLANNING' && view.reader.sponsor ? (
        <>
          <h3>{t.approveLaunch}</h3>
          <p class="help">{t.approveLaunchHelp}</p>
          <ActionForm action={`/dashboard/programs/${view.id}/launch-approval`} label={t.approveLaunch}>
            <Field label={t.sponsorComment}>
              <textarea name="comment" maxLength={2000} cols={50}></textarea>
            </Field>
            <button>{t.approveLaunch}</button>
          </ActionForm>
        </>
      ) : view.phase === 'LAUNCH_PLANNING' ? (
        <p class="help">{t.waitingSponsor}</p>
      ) : null}
    </section>
  );
}

/** A program for those who run or follow it: where the cycle stands and the next step of each reader. */
export function ProgramPage(props: { ui: Ui; view: ProgramView; notice: NoticeCode | null }) {
  const { ui, view } = props;
  const { t, lang } = ui;
  const title = `${view.name} — ${ui.fill(t.cycle, { n: view.cycle })}`;
  return (
    <DashboardLayout ui={ui} title={title} here={`/dashboard/programs/${view.id}`}>
      <Outcome ui={ui} notice={props.notice} />
      {view.cycles.length > 1 ? (
        <nav aria-label={t.cycles}>
          {view.cycles.map((c) =>
            c === view.cycle ? (
              <strong aria-current="page">{`${ui.fill(t.cycle, { n: c })} `}</strong>
            ) : (
              <a href={`/dashboard/programs/${view.id}?cycle=${c}&lang=${lang}`}>{`${ui.fill(t.cycle, { n: c })} `}</a>
            ),
          )}
        </nav>
      ) : null}
      <section aria-labelledby="steps">
        <h2 id="steps">{t.steps}</h2>
        <ol class="steps">
          {STEPS.map((p) => (
            <li class={p === view.phase ? 'current' : undefined} aria-current={p === view.phase ? 'step' : undefined}>
              {ui.phase(p)}
            </li>
          ))}
        </ol>
        {view.phase === 'CLOSED' || view.phase === 'RENEWED' ? (
          <p>
            <span class="phase" id="phase" data-phase={view.phase}>
              {ui.phase(view.phase)}
            </span>
          </p>
        ) : (
          <p class="visually-hidden" id="phase" data-phase={view.phase}>
            {ui.phase(view.phase)}
          </p>
        )}
        <p>
          <a href={`/dashboard/programs/${view.id}/report?cycle=${view.cycle}&lang=${lang}`}>{t.report}</a>
          {view.reader.owner ? (
            <>
              {' · '}
              <a href={`/dashboard/programs/${view.id}/report.csv?cycle=${view.cycle}`}>{t.report} (CSV)</a>
              {' · '}
              <a href={`/dashboard/programs/${view.id}/training?lang=${lang}`}>{t.trainingPlan}</a>
            </>
          ) : null}
        </p>
        <details>
          <summary>{t.timeline}</summary>
          <ol class="timeline">
            {view.timeline.map((p) => (
              <li>
                {ui.phase(p.phase)} — {ui.date(p.at)}
              </li>
            ))}
          </ol>
        </details>
      </section>
      <Plan ui={ui} view={view} />
      {view.matching && view.phase === 'SELECTION_MATCHING' ? (
        <MatchingSection ui={ui} view={view} matching={view.matching} />
      ) : null}
      {view.training ? <TrainingSection ui={ui} view={view} training={view.training} /> : null}
      {view.execution ? <ExecutionSection ui={ui} view={view} execution={view.execution} /> : null}
      {view.proof ? <ProofSection ui={ui} programId={view.id} cycle={view.cycle} proof={view.proof} /> : null}
      <ReviewsSection ui={ui} view={view} />
      <EvaluationSection ui={ui} view={view} />
      <LessonsList ui={ui} lessons={view.lessons} />
    </DashboardLayout>
  );
}
