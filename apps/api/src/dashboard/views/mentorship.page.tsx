import { Bars } from '../../views/charts.js';
import { Outcome } from '../../views/forms.js';
import type { Ui } from '../../views/i18n.js';
import type { NoticeCode } from '../../views/notices.js';
import { DataTable } from '../../views/table.js';
import { DashboardLayout, Due, Phase } from './layout.js';
import { MentorshipActions } from './mentorship-actions.js';
import type { MentorshipView } from './mentorship-view.js';

export type { MentorshipView } from './mentorship-view.js';
import { CheckpointBriefing } from './checkpoint-briefing.js';

/** One mentorship for its people: where it stands, its goals and sessions, and what the reader can do now. */
export function MentorshipPage(props: { ui: Ui; view: MentorshipView; notice: NoticeCode | null }) {
  const { ui, view } = props;
  const { t, lang } = ui;
  const c = (key: string) => ui.competency(key);
  return (
    <DashboardLayout ui={ui} title={view.title} here={`/dashboard/mentorships/${view.id}`}>
      <Outcome ui={props.ui} notice={props.notice} />
      <section aria-labelledby="about">
        <h2 id="about">
          <Phase ui={ui} phase={view.phase} id="phase" />
        </h2>
        <p>
          {t.mentee}: <strong>{view.names.mentee}</strong> · {t.mentor}: <strong>{view.names.mentor}</strong> ·{' '}
          {t.supervisor}: <strong>{view.names.supervisor}</strong>
          {view.programName ? (
            <>
              {' · '}
              {t.program}:{' '}
              {view.viewpoint === 'owner' ? (
                <a href={`/dashboard/programs/${view.programId}?lang=${lang}`}>{view.programName}</a>
              ) : (
                view.programName
              )}
            </>
          ) : null}
        </p>
        <p>
          {t.sessions}: <strong id="sessions">{view.sessions.length}</strong> · {t.nextSession}:{' '}
          <Due ui={ui} at={view.nextSessionDue} now={view.now} />
        </p>
        {view.terminationReason ? (
          <p>
            {t.ended}: {view.terminationReason}
          </p>
        ) : null}
      </section>
      <section aria-labelledby="goals">
        <h2 id="goals">{t.goals}</h2>
        <DataTable
          head={[t.competency, t.baseline, t.latest, t.target]}
          rows={view.goals.map((g) => [
            c(g.competencyKey),
            ui.num(g.baselineLevel),
            ui.num(g.latestLevel),
            g.targetLevel,
          ])}
          empty={t.none}
        />
        <Bars
          title={t.progressChart}
          rows={view.goals.map((g) => ({
            label: c(g.competencyKey),
            value: g.latestLevel ?? g.baselineLevel ?? 0,
            before: g.baselineLevel ?? 0,
            target: g.targetLevel,
            text: `${ui.num(g.baselineLevel)} → ${ui.num(g.latestLevel ?? g.baselineLevel)} / ${g.targetLevel}`,
          }))}
          max={5}
          empty=""
        />
        {view.agreedBy.length ? (
          <p class="help">
            {t.agreedBy}: {view.agreedBy.map((p) => ui.term(p)).join(', ')}
          </p>
        ) : null}
      </section>
      <section aria-labelledby="held">
        <h2 id="held">{t.sessionsHeld}</h2>
        <DataTable
          head={[
            t.heldAt,
            t.minutes,
            t.topicsShort,
            t.competencies,
            t.sharedNotesShort,
            ...(view.viewpoint === 'mentor' ? [t.privateNotesShort] : []),
          ]}
          rows={view.sessions.map((s) => [
            ui.date(s.heldAt),
            s.minutes,
            s.topics.join(', '),
            s.competencies.map(c).join(', '),
            s.sharedNotes ?? '',
            ...(view.viewpoint === 'mentor' ? [s.privateNotes ?? ''] : []),
          ])}
          empty={t.none}
        />
      </section>
      <CheckpointBriefing ui={ui} view={view} />
      {view.roi ? (
        <section aria-labelledby="roi">
          <h2 id="roi">{t.roi}</h2>
          <p>
            {t.cost}: {ui.num(view.roi.cost)} · {t.benefit}: {ui.num(view.roi.benefit)} · ROI:{' '}
            {view.roi.roi === null ? '—' : `${Math.round(view.roi.roi * 100)} %`}
          </p>
        </section>
      ) : null}
      <MentorshipActions ui={ui} view={view} />
    </DashboardLayout>
  );
}
