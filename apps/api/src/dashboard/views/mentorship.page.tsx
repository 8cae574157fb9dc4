import type { Ui } from '../../views/i18n.js';
import type { NoticeCode } from '../../views/notices.js';
import { ActionForm, Field, Outcome } from '../../views/forms.js';
import { DataTable } from '../../views/table.js';
import { DashboardLayout, Phase } from './layout.js';

export interface MentorshipView {
  id: string;
  /** Mentee ← mentor, by their names. */
  title: string;
  phase: string;
  sessions: number;
  goals: Array<{ competencyKey: string; targetLevel: number }>;
  checkpoints: Array<{ checkpoint: number; decision: string | null }>;
  /** The checkpoint this reader (its supervisor) may decide now. */
  openCheckpoint: number | null;
  /** The reader is the mentor of an ACTIVE mentorship. */
  canLogSession: boolean;
}

/** One mentorship for its people: phase, goals, checkpoints, and what the reader can do now. */
export function MentorshipPage(props: { ui: Ui; view: MentorshipView; notice: NoticeCode | null }) {
  const { ui, view } = props;
  const { t } = ui;
  return (
    <DashboardLayout ui={ui} title={view.title}>
      <Outcome ui={ui} notice={props.notice} />
      <section>
        <p>
          {t.phase}: <Phase phase={view.phase} id="phase" /> · {t.sessions}: {view.sessions}
        </p>
        <h2>{t.goals}</h2>
        <DataTable
          head={['', '']}
          rows={view.goals.map((g) => [g.competencyKey, `→ ${g.targetLevel}`])}
          empty={t.none}
        />
        <h2>{t.checkpoint}</h2>
        <DataTable
          head={['#', t.decision]}
          rows={view.checkpoints.map((c) => [c.checkpoint, <span class="decision">{c.decision ?? t.pending}</span>])}
          empty={t.none}
        />
      </section>
      {view.openCheckpoint === null ? null : (
        <section>
          <h2>
            {t.decide}: {t.checkpoint} {view.openCheckpoint}
          </h2>
          <ActionForm action={`/dashboard/mentorships/${view.id}/checkpoints/${view.openCheckpoint}/decision`}>
            <Field label={t.decision}>
              <select name="decision">
                <option value="approve">{t.approve}</option>
                <option value="request-changes">{t.requestChanges}</option>
                <option value="escalate">{t.escalate}</option>
              </select>
            </Field>
            <Field label={t.guidance}>
              <input name="guidance" size={40} />
            </Field>
            <button>{t.decide}</button>
          </ActionForm>
        </section>
      )}
      {view.canLogSession ? (
        <section>
          <h2>{t.logSession}</h2>
          <ActionForm action={`/dashboard/mentorships/${view.id}/sessions`}>
            <Field label={t.minutes}>
              <input name="minutes" type="number" min={5} max={480} value={60} />
            </Field>
            <Field label={t.topics}>
              <input name="topics" size={40} required />
            </Field>
            <button>{t.logSession}</button>
          </ActionForm>
        </section>
      ) : null}
    </DashboardLayout>
  );
}
