import type { MatchingResult } from '../../../../../libs/domain/src/index.js';
import { CRITERIA } from '../../../../../libs/domain/src/index.js';
import { Bars } from '../../views/charts.js';
import { ActionForm, Outcome } from '../../views/forms.js';
import type { Ui } from '../../views/i18n.js';
import type { NoticeCode } from '../../views/notices.js';
import { DataTable } from '../../views/table.js';
import { DashboardLayout } from './layout.js';

export interface ProposalView {
  programId: string;
  programName: string;
  version: number;
  status: string;
  failure: string | null;
  result: MatchingResult | null;
  approved: boolean;
  canApprove: boolean;
  pins: Array<{ mentee: string; mentor: string; by: string; reason: string }>;
  bans: Array<{ mentee: string; mentor: string; by: string; reason: string }>;
  name: (id: string) => string;
}

/** A matching proposal as people read it: each pair and why, who is left out and what blocked them. */
export function ProposalPage(props: { ui: Ui; view: ProposalView; notice: NoticeCode | null }) {
  const { ui, view } = props;
  const { t, lang } = ui;
  const r = view.result;
  const name = view.name;
  return (
    <DashboardLayout
      ui={ui}
      title={`${view.programName} — ${ui.fill(t.version, { n: view.version })}`}
      here={`/dashboard/programs/${view.programId}/proposals/${view.version}`}
    >
      <Outcome ui={props.ui} notice={props.notice} />
      <p>
        <a href={`/dashboard/programs/${view.programId}?lang=${lang}`}>← {view.programName}</a> · {t.status}:{' '}
        {view.approved ? t.approvedProposal : ((t as Record<string, string>)[view.status] ?? view.status)}
        {view.failure ? ` — ${view.failure}` : ''}
      </p>
      {r ? (
        <>
          <section aria-labelledby="pairs">
            <h2 id="pairs">
              {t.pairs} ({r.pairs.length})
            </h2>
            {r.pairs.map((p) => (
              <article>
                <h3>
                  {name(p.menteeId)} ← {name(p.mentorId)} — {t.score} {ui.num(p.score)}
                  {p.pinned ? ` (${t.pinned})` : ''}
                </h3>
                <Bars
                  title={`${t.contributions}: ${name(p.menteeId)} ← ${name(p.mentorId)}`}
                  rows={CRITERIA.map((c) => ({
                    label: ui.criterion(c),
                    value: p.contributions[c],
                    text: ui.num(p.contributions[c], 3),
                  }))}
                  max={Math.max(0.001, ...CRITERIA.map((c) => p.contributions[c]))}
                  empty=""
                />
              </article>
            ))}
          </section>
          <section aria-labelledby="unmatched">
            <h2 id="unmatched">
              {t.unmatched} ({r.unmatched.length})
            </h2>
            {r.unmatched.length === 0 ? <p class="none">{t.none}</p> : null}
            {r.unmatched.map((u) => (
              <article>
                <h3>
                  {name(u.menteeId)} — {ui.reason(u.reason)}
                </h3>
                <p>{t.blockedBy}</p>
                <ul>
                  {u.bestBlocked.map((b) => (
                    <li>
                      {name(b.mentorId)} ({t.score} {ui.num(b.score)}):{' '}
                      {b.blockers.map((x) => `${ui.reason(x.constraint)} — ${x.detail}`).join('; ')}
                    </li>
                  ))}
                </ul>
              </article>
            ))}
          </section>
        </>
      ) : null}
      <section aria-labelledby="decisions">
        <h2 id="decisions">{t.pinsAndBans}</h2>
        <DataTable
          head={['', t.mentee, t.mentor, t.reason, t.by]}
          caption={t.pinsAndBans}
          rows={[
            ...view.pins.map((d) => [t.pinned, d.mentee, d.mentor, d.reason, d.by]),
            ...view.bans.map((d) => [t.banned, d.mentee, d.mentor, d.reason, d.by]),
          ]}
          empty={t.none}
        />
      </section>
      {view.canApprove ? (
        <section>
          <ActionForm
            action={`/dashboard/programs/${view.programId}/proposals/${view.version}/approval`}
            label={t.approveProposal}
          >
            <button>{t.approveProposal}</button>
          </ActionForm>
        </section>
      ) : null}
    </DashboardLayout>
  );
}
