import { Bars, Line } from '../../views/charts.js';
import { ActionForm, Field, Select } from '../../views/forms.js';
import type { Ui } from '../../views/i18n.js';
import { DataTable } from '../../views/table.js';
import { PROGRAM_SORTS, type ExecutionView } from '../program-execution-view.js';
import { Phase } from './layout.js';
import type { ProgramView } from './program-view.js';

const percent = (ratio: number | null) => (ratio === null ? '—' : `${Math.round(ratio * 100)} %`);

/** The owner's monitoring: indicators, charts, the mentorships at risk and the whole list. */
export function ExecutionSection(props: { ui: Ui; view: ProgramView; execution: ExecutionView }) {
  const { ui, view, execution: x } = props;
  const { t, lang } = ui;
  const base = `/dashboard/programs/${view.id}`;
  const sorts: Record<string, string> = {
    mentee: t.mentee,
    mentor: t.mentor,
    phase: t.phase,
    sessions: t.sessions,
    risk: t.atRisk,
  };
  const link = (id: string, label: string) => (
    <a href={`/dashboard/mentorships/${id}?lang=${lang}`} aria-label={`${t.open}: ${label}`}>
      {t.open}
    </a>
  );
  return (
    <section aria-labelledby="monitoring">
      <h2 id="monitoring">{t.monitoring}</h2>
      <div class="cards">
        <div class="kpi">
          <b>{percent(x.engagement)}</b>
          {t.engagement}
        </div>
        <div class="kpi">
          <b>{ui.num(x.satisfaction)}</b>
          {t.satisfaction}
        </div>
        <div class="kpi">
          <b>{x.atRisk.length}</b>
          {t.atRisk}
        </div>
      </div>
      <h3>{t.sessionsChart}</h3>
      <Line title={t.sessionsChart} points={x.weekly} empty={t.none} />
      <h3>{t.progress}</h3>
      <Bars
        title={t.progress}
        rows={x.progress.map((c) => ({
          label: `${ui.competency(c.competencyKey)} (${c.goals})`,
          value: c.meanGained,
          text: `+${ui.num(c.meanGained)}`,
        }))}
        max={4}
        empty={t.none}
      />
      <h3>{t.roiChart}</h3>
      <Bars
        title={t.roiChart}
        rows={x.roi.map((r) => ({
          label: `${r.mentee} ← ${r.mentor}`,
          value: Math.max(0, r.roi.roi ?? 0),
          text: `${percent(r.roi.roi)} (${ui.num(r.roi.benefit)} / ${ui.num(r.roi.cost)})`,
        }))}
        empty={t.none}
      />
      <h3>{t.atRisk}</h3>
      <DataTable
        head={[t.mentee, t.mentor, t.why, '']}
        caption={t.atRisk}
        rows={x.atRisk.map((r) => [
          r.mentee,
          r.mentor,
          <ul>
            {r.reasons.map((reason) => (
              <li>
                <strong>{ui.reason(reason.code)}</strong> — {reason.detail}
              </li>
            ))}
          </ul>,
          link(r.id, `${r.mentee} ← ${r.mentor}`),
        ])}
        empty={t.none}
      />
      <h3>{t.mentorships}</h3>
      <form method="get" action={base} class="inline" role="search" aria-label={t.search}>
        <input type="hidden" name="lang" value={lang} />
        <input type="hidden" name="cycle" value={String(view.cycle)} />
        <Field label={t.search}>
          <input name="q" type="search" value={x.filter.q} />
        </Field>
        <Select
          label={t.filterPhase}
          name="phase"
          value={x.filter.phase}
          options={[{ value: '', label: t.allPhases }, ...x.phases.map((p) => ({ value: p, label: ui.phase(p) }))]}
        />
        <Select
          label={t.sortBy}
          name="sort"
          value={x.filter.sort}
          options={PROGRAM_SORTS.map((s) => ({ value: s, label: sorts[s] }))}
        />
        <button>{t.apply}</button>
      </form>
      <DataTable
        head={[t.mentee, t.mentor, t.supervisor, t.phase, t.sessions, '']}
        caption={t.mentorships}
        rows={x.list.map((m) => [
          m.mentee,
          m.mentor,
          m.supervisor,
          <>
            <Phase ui={ui} phase={m.phase} />
            {m.atRisk ? <span class="overdue">{t.atRisk}</span> : null}
          </>,
          m.sessions,
          link(m.id, `${m.mentee} ← ${m.mentor}`),
        ])}
        empty={t.none}
      />
      <p>
        <a href={`${base}/mentorships.csv?cycle=${view.cycle}`}>
          {t.exportCsv}: {t.mentorships}
        </a>{' '}
        ·{' '}
        <a href={`${base}/monitoring.csv?cycle=${view.cycle}`}>
          {t.exportCsv}: {t.monitoring}
        </a>
      </p>
      {view.phase === 'EXECUTION' ? (
        <ActionForm action={`${base}/evaluation`} label={t.evaluate}>
          <button>{t.evaluate}</button>
        </ActionForm>
      ) : null}
    </section>
  );
}
