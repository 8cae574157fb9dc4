import type { RoiEvidence } from '../../../../../libs/domain/src/index.js';
import { Bars } from '../../views/bars.js';
import { ActionForm, Field, Outcome } from '../../views/forms.js';
import type { Ui } from '../../views/i18n.js';
import type { NoticeCode } from '../../views/notices.js';
import { DataTable } from '../../views/table.js';
import { DashboardLayout, Phase } from './layout.js';

export interface ProgramView {
  id: string;
  name: string;
  /** The cycle shown, and every cycle of the program (each one's page is `?cycle=n`). */
  cycle: number;
  cycles: number[];
  timeline: Array<{ phase: string; at: string }>;
  engagement: number | null;
  /** The owner's only (null for the sponsor and the steering group), as the JSON routes have it. */
  mentorships: Array<{
    id: string;
    mentee: string;
    mentor: string;
    supervisor: string;
    phase: string;
    sessions: number;
  }> | null;
  /** The owner's only, like the monitoring route. */
  atRisk: Array<{ mentee: string; mentor: string; reasons: string }> | null;
  progress: Array<{ label: string; value: number }>;
  evidence: Array<{ mentee: string; mentor: string; roi: RoiEvidence }>;
  openReview: { review: number; openedAt: string } | null;
  openCheckpoints: number;
  /** The owner may keep the course of an open review from here. */
  canKeepCourse: boolean;
}

const percent = (ratio: number | null) => (ratio === null ? '—' : `${Math.round(ratio * 100)} %`);

/** A program for those who run or follow it: its phases, mentorships, risks, progress and evidence. */
export function ProgramPage(props: { ui: Ui; view: ProgramView; notice: NoticeCode | null }) {
  const { ui, view } = props;
  const { t, lang } = ui;
  return (
    <DashboardLayout ui={ui} title={view.name}>
      <Outcome ui={ui} notice={props.notice} />
      {view.cycles.length > 1 ? (
        <nav aria-label="cycles">
          {view.cycles.map((c) =>
            c === view.cycle ? (
              <strong>{`${t.cycle} ${c}`} </strong>
            ) : (
              <a href={`/dashboard/programs/${view.id}?cycle=${c}&lang=${lang}`}>{`${t.cycle} ${c}`} </a>
            ),
          )}
        </nav>
      ) : null}
      <section>
        <h2>{`${t.timeline} — ${t.cycle} ${view.cycle}`}</h2>
        <ol class="timeline">
          {view.timeline.map((p) => (
            <li>
              <Phase phase={p.phase} /> {ui.date(p.at)}
            </li>
          ))}
        </ol>
      </section>
      <section>
        <h2>{t.mentorships}</h2>
        <p>
          {t.engagement}: <strong>{percent(view.engagement)}</strong>
        </p>
        {view.mentorships ? (
          <DataTable
            head={[t.mentee, t.mentor, t.supervisor, t.phase, t.sessions, '']}
            rows={view.mentorships.map((m) => [
              m.mentee,
              m.mentor,
              m.supervisor,
              <Phase phase={m.phase} />,
              m.sessions,
              <a href={`/dashboard/mentorships/${m.id}?lang=${lang}`}>{t.open}</a>,
            ])}
            empty={t.none}
          />
        ) : null}
      </section>
      {view.atRisk ? (
        <section>
          <h2>{t.atRisk}</h2>
          <DataTable
            head={[t.mentee, t.mentor, '']}
            rows={view.atRisk.map((r) => [r.mentee, r.mentor, r.reasons])}
            empty={t.none}
          />
        </section>
      ) : null}
      <section>
        <h2>{t.progress}</h2>
        <Bars rows={view.progress} max={2} empty={t.none} />
      </section>
      <section>
        <h2>{t.roi}</h2>
        <p>
          <strong>{view.evidence.length}</strong> {t.closedWithEvidence}
        </p>
        <DataTable
          head={[t.mentee, t.mentor, t.cost, t.benefit, 'ROI', t.facts]}
          rows={view.evidence.map(({ mentee, mentor, roi }) => [
            mentee,
            mentor,
            roi.cost,
            roi.benefit,
            percent(roi.roi),
            roi.facts.map((f) => `${f.name}: ${f.before} → ${f.after} ${f.unit} (${f.source})`).join('; '),
          ])}
          empty={t.none}
        />
      </section>
      <section>
        <h2>{t.upcoming}</h2>
        <ul>
          {view.openReview ? (
            <li>
              {t.reviewOpen} {view.openReview.review} ({ui.date(view.openReview.openedAt)})
            </li>
          ) : null}
          <li>
            {view.openCheckpoints} × {t.checkpoint}
          </li>
        </ul>
        {view.canKeepCourse ? (
          <p>
            <a href={`/dashboard/programs/${view.id}/training?lang=${lang}`}>{t.trainingPlan}</a>
          </p>
        ) : null}
        {view.openReview && view.canKeepCourse ? (
          <ActionForm action={`/dashboard/programs/${view.id}/reviews/${view.openReview.review}/keep`}>
            <Field label={t.reviewNotes}>
              <input name="notes" size={50} required minLength={3} />
            </Field>
            <button>{t.keepCourse}</button>
          </ActionForm>
        ) : null}
      </section>
    </DashboardLayout>
  );
}
