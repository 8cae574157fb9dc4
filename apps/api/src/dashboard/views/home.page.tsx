import type { Ui } from '../../views/i18n.js';
import { DataTable } from '../../views/table.js';
import { DashboardLayout, Phase } from './layout.js';

export interface HomeView {
  /** Checkpoints waiting for this supervisor. */
  decisions: Array<{ id: string; mentee: string; mentor: string; checkpoint: number }>;
  programs: Array<{ id: string; name: string; phase: string }>;
  mentorships: Array<{
    id: string;
    mentee: string;
    mentor: string;
    role: 'mentee' | 'mentor' | 'supervisor' | 'owner';
    phase: string;
    sessions: number;
    nextSessionDue: string | null;
  }>;
}

/** A person's home: what waits for them, the programs they follow, their mentorships in any role. */
export function HomePage(props: { ui: Ui; view: HomeView }) {
  const { ui, view } = props;
  const { t, lang } = ui;
  const open = (id: string) => <a href={`/dashboard/mentorships/${id}?lang=${lang}`}>{t.open}</a>;
  return (
    <DashboardLayout ui={ui} title={t.home}>
      <section>
        <h2>{t.decisions}</h2>
        <DataTable
          head={[t.mentee, t.mentor, t.checkpoint, '']}
          rows={view.decisions.map((d) => [d.mentee, d.mentor, d.checkpoint, open(d.id)])}
          empty={t.none}
        />
      </section>
      <section>
        <h2>{t.programs}</h2>
        <DataTable
          head={['', t.phase]}
          rows={view.programs.map((p) => [
            <a href={`/dashboard/programs/${p.id}?lang=${lang}`}>{p.name}</a>,
            <Phase phase={p.phase} />,
          ])}
          empty={t.none}
        />
      </section>
      <section>
        <h2>{t.mentorships}</h2>
        <DataTable
          head={[t.mentee, t.mentor, t.role, t.phase, t.sessions, t.nextSession, '']}
          rows={view.mentorships.map((m) => [
            m.mentee,
            m.mentor,
            t[m.role],
            <Phase phase={m.phase} />,
            m.sessions,
            ui.date(m.nextSessionDue),
            open(m.id),
          ])}
          empty={t.none}
        />
      </section>
    </DashboardLayout>
  );
}
