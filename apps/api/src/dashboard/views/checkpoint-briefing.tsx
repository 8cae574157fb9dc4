import { INTERACTION_ITEMS } from '../../../../../libs/domain/src/index.js';
import type { Ui } from '../../views/i18n.js';
import { DataTable } from '../../views/table.js';
import { Due } from './layout.js';
import type { MentorshipView } from './mentorship-view.js';

/**
 * The supervision checkpoints and, for the supervisor and the owner, the briefing the API computes
 * for them: the mentee's latest pulse beside the sessions and goals the page already shows.
 */
export function CheckpointBriefing(props: { ui: Ui; view: MentorshipView }) {
  const { ui, view } = props;
  const { t } = ui;
  const pulse = view.latestPulse;
  return (
    <section aria-labelledby="checkpoints">
      <h2 id="checkpoints">{t.checkpoint}</h2>
      <DataTable
        head={['#', t.openedOn, t.decision, t.guidance, t.dueBy]}
        rows={view.checkpoints.map((c) => [
          c.checkpoint,
          ui.date(c.openedAt),
          <span class="decision">{c.decision ? ui.term(c.decision) : t.pending}</span>,
          c.guidance ?? '',
          c.decision ? '' : <Due ui={ui} at={c.dueBy} now={view.now} />,
        ])}
        empty={t.none}
      />
      {pulse === undefined ? null : (
        <>
          <h3>{t.latestPulse}</h3>
          {pulse === null ? (
            <p class="none">{t.noPulse}</p>
          ) : (
            <>
              <DataTable
                head={['', '1–5']}
                caption={t.latestPulse}
                rows={INTERACTION_ITEMS.map((k) => [ui.term(k), pulse.scores[k] ?? '—'])}
                empty={t.noPulse}
              />
              {pulse.comment ? <blockquote>“{pulse.comment}”</blockquote> : null}
            </>
          )}
        </>
      )}
    </section>
  );
}
