import type { PilotAnalysis } from '../../../../../libs/domain/src/index.js';
import type { Ui } from '../../views/i18n.js';
import { DataTable } from '../../views/table.js';
import { PilotAnalysisBody } from '../../pilots/views/pilot-analysis.page.js';
import { DashboardLayout } from './layout.js';

/** The imported pilots, each linked to its evaluation. */
export function PilotsPage(props: {
  ui: Ui;
  pilots: Array<{ id: string; name: string; mentorships: number; importedAt: string }>;
}) {
  const { ui } = props;
  const { t, lang } = ui;
  return (
    <DashboardLayout ui={ui} title={t.pilots} here="/dashboard/pilots">
      <section>
        <DataTable
          head={[t.name, t.mentorships, t.at]}
          caption={t.pilots}
          rows={props.pilots.map((p) => [
            <a href={`/dashboard/pilots/${p.id}?lang=${lang}`}>{p.name}</a>,
            p.mentorships,
            ui.date(p.importedAt),
          ])}
          empty={t.none}
        />
      </section>
    </DashboardLayout>
  );
}

/** One pilot's evaluation inside the dashboard. */
export function PilotPage(props: { ui: Ui; id: string; name: string; analysis: PilotAnalysis }) {
  const { ui } = props;
  return (
    <DashboardLayout
      ui={ui}
      title={ui.fill(ui.t.pilotTitle, { name: props.name })}
      here={`/dashboard/pilots/${props.id}`}
    >
      <p>
        <a href={`/dashboard/pilots?lang=${ui.lang}`}>← {ui.t.pilots}</a>
      </p>
      <PilotAnalysisBody ui={ui} analysis={props.analysis} />
    </DashboardLayout>
  );
}
