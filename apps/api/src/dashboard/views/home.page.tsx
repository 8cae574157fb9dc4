import { Field, Select, Outcome } from '../../views/forms.js';
import type { Ui } from '../../views/i18n.js';
import type { NoticeCode } from '../../views/notices.js';
import { DataTable } from '../../views/table.js';
import { DashboardLayout, Due, Phase } from './layout.js';

export interface HomeMentorship {
  id: string;
  program: string;
  mentee: string;
  mentor: string;
  role: 'mentee' | 'mentor' | 'supervisor' | 'owner';
  phase: string;
  sessions: number;
  nextSessionDue: string | null;
}

export interface HomeView {
  now: number;
  /** What waits for this person: a pair to approve, goals to agree, a checkpoint, a review. */
  toDo: Array<{ href: string; title: string; what: string }>;
  programs: Array<{ id: string; name: string; phase: string; role: 'owner' | 'sponsor' | 'steering' }>;
  mentorships: HomeMentorship[];
  /** The list's filter and sort, as the reader set them. */
  filter: { q: string; phase: string; sort: string };
  phases: string[];
  links: { newProgram: boolean; pilots: boolean; importPeople: boolean };
}

export const HOME_SORTS = ['due', 'mentee', 'program', 'phase'] as const;

/** A person's home: what waits for them, the programs they follow, their mentorships in any role. */
export function HomePage(props: { ui: Ui; view: HomeView; notice: NoticeCode | null }) {
  const { ui, view } = props;
  const { t, lang } = ui;
  const open = (id: string, label: string) => (
    <a href={`/dashboard/mentorships/${id}?lang=${lang}`} aria-label={`${t.open}: ${label}`}>
      {t.open}
    </a>
  );
  const sortLabels: Record<string, string> = {
    due: t.nextSession,
    mentee: t.mentee,
    program: t.program,
    phase: t.phase,
  };
  const query = new URLSearchParams({ ...view.filter, lang }).toString();
  return (
    <DashboardLayout ui={ui} title={t.home}>
      <Outcome ui={ui} notice={props.notice} />
      <section aria-labelledby="todo">
        <h2 id="todo">{t.toDo}</h2>
        <DataTable
          head={[t.toDo, '', '']}
          caption={t.toDo}
          rows={view.toDo.map((d) => [
            d.what,
            d.title,
            <a href={`${d.href}?lang=${lang}`} aria-label={`${t.open}: ${d.what} — ${d.title}`}>
              {t.open}
            </a>,
          ])}
          empty={t.none}
        />
      </section>
      <section aria-labelledby="programs">
        <h2 id="programs">{t.programs}</h2>
        <DataTable
          head={[t.program, t.role, t.phase]}
          rows={view.programs.map((p) => [
            <a href={`/dashboard/programs/${p.id}?lang=${lang}`}>{p.name}</a>,
            p.role === 'steering' ? t.steering : t[p.role],
            <Phase ui={ui} phase={p.phase} />,
          ])}
          empty={t.none}
        />
        <p>
          {view.links.newProgram ? <a href={`/dashboard/programs/new?lang=${lang}`}>{t.newProgram}</a> : null}
          {view.links.pilots ? (
            <>
              {' · '}
              <a href={`/dashboard/pilots?lang=${lang}`}>{t.pilots}</a>
            </>
          ) : null}
          {view.links.importPeople ? (
            <>
              {' · '}
              <a href={`/dashboard/people/import?lang=${lang}`}>{t.importPeople}</a>
            </>
          ) : null}
        </p>
      </section>
      <section aria-labelledby="mine">
        <h2 id="mine">{t.mentorships}</h2>
        <form method="get" action="/dashboard" class="inline" role="search" aria-label={t.search}>
          <input type="hidden" name="lang" value={lang} />
          <Field label={t.search}>
            <input name="q" type="search" value={view.filter.q} />
          </Field>
          <Select
            label={t.filterPhase}
            name="phase"
            value={view.filter.phase}
            options={[{ value: '', label: t.allPhases }, ...view.phases.map((p) => ({ value: p, label: ui.phase(p) }))]}
          />
          <Select
            label={t.sortBy}
            name="sort"
            value={view.filter.sort}
            options={HOME_SORTS.map((s) => ({ value: s, label: sortLabels[s] }))}
          />
          <button>{t.apply}</button>
        </form>
        <DataTable
          head={[t.program, t.mentee, t.mentor, t.role, t.phase, t.sessions, t.nextSession, '']}
          caption={t.mentorships}
          rows={view.mentorships.map((m) => [
            m.program,
            m.mentee,
            m.mentor,
            t[m.role],
            <Phase ui={ui} phase={m.phase} />,
            m.sessions,
            <Due ui={ui} at={m.nextSessionDue} now={view.now} />,
            open(m.id, `${m.mentee} ← ${m.mentor}`),
          ])}
          empty={t.none}
        />
        <p>
          <a href={`/dashboard/mentorships.csv?${query}`}>{t.exportCsv}</a>
        </p>
      </section>
    </DashboardLayout>
  );
}
