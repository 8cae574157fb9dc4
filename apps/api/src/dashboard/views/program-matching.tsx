import { CRITERIA, DEFAULT_MATCHING_WEIGHTS } from '../../../../../libs/domain/src/index.js';
import { ActionForm, Check, Field, Select } from '../../views/forms.js';
import type { Ui } from '../../views/i18n.js';
import { DataTable } from '../../views/table.js';
import type { MatchingView, ProgramView } from './program-view.js';

/** Enrolment, proposals and the owner's pins and bans, during selection and matching. */
export function MatchingSection(props: { ui: Ui; view: ProgramView; matching: MatchingView }) {
  const { ui, view, matching } = props;
  const { t, lang } = ui;
  const base = `/dashboard/programs/${view.id}`;
  const decisions = [
    ...matching.pins.map((d) => ({ ...d, kind: t.pinned })),
    ...matching.bans.map((d) => ({ ...d, kind: t.banned })),
  ];
  return (
    <section aria-labelledby="matching">
      <h2 id="matching">{t.enrolment}</h2>
      <DataTable
        head={[t.person, t.role, t.capacity, t.wantedGoals]}
        caption={t.enrolled}
        rows={matching.participants.map((p) => [
          p.name,
          ui.term(p.role),
          p.capacity ?? '',
          p.goals.map((g) => ui.competency(g)).join(', '),
        ])}
        empty={t.none}
      />
      <ActionForm action={`${base}/enrolments`} layout="stack" label={t.enrol}>
        <fieldset>
          <legend>{t.enrol}</legend>
          <Select label={t.person} name="personId" options={matching.directory} required />
          <Select
            label={t.role}
            name="role"
            options={(['mentee', 'mentor', 'supervisor'] as const).map((r) => ({ value: r, label: ui.term(r) }))}
          />
          <Field label={t.capacity}>
            <input name="capacity" type="number" min={1} max={20} size={4} />
          </Field>
          <Select label={t.wishes} name="wish" options={[{ value: '', label: '—' }, ...matching.mentors]} />
        </fieldset>
        <fieldset>
          <legend>{t.wantedGoals}</legend>
          {view.competencyOptions.map((c) => (
            <Check name="goals" value={c.value} label={c.label} />
          ))}
        </fieldset>
        <button>{t.enrol}</button>
      </ActionForm>
      <h2>{t.proposals}</h2>
      <DataTable
        head={['#', t.status, t.matched, t.unmatched, t.score, '']}
        caption={t.proposals}
        rows={matching.proposals.map((p) => [
          p.version,
          p.approved ? t.approvedProposal : ((t as Record<string, string>)[p.status] ?? p.status),
          p.matched ?? '—',
          p.unmatched ?? '—',
          ui.num(p.totalScore),
          p.status === 'SOLVING' ? (
            ''
          ) : (
            <a href={`${base}/proposals/${p.version}?lang=${lang}`}>
              {t.readProposal} ({ui.fill(t.version, { n: p.version })})
            </a>
          ),
        ])}
        empty={t.none}
      />
      <ActionForm action={`${base}/proposals`} layout="stack" label={t.requestProposal}>
        <fieldset>
          <legend>{t.weights}</legend>
          {CRITERIA.map((c) => (
            <Field label={ui.criterion(c)}>
              <input
                name={`weight:${c}`}
                type="number"
                step="0.05"
                min={0}
                max={100}
                value={DEFAULT_MATCHING_WEIGHTS[c]}
                size={5}
              />
            </Field>
          ))}
        </fieldset>
        <Select
          label={t.objectiveLabel}
          name="objective"
          options={[
            { value: 'total', label: t.objectiveTotal },
            { value: 'fairness', label: t.objectiveFairness },
          ]}
        />
        <Check name="excludeSameDepartment" label={t.excludeSameDepartment} />
        <button>{t.requestProposal}</button>
      </ActionForm>
      <h2>{t.pinsAndBans}</h2>
      <DataTable
        head={['', t.mentee, t.mentor, t.reason, t.by]}
        caption={t.pinsAndBans}
        rows={decisions.map((d) => [d.kind, d.mentee, d.mentor, d.reason, d.by])}
        empty={t.none}
      />
      <ActionForm action={`${base}/pair-decisions`} label={t.pinOrBan}>
        <Select label={t.mentee} name="menteeId" options={matching.mentees} required />
        <Select label={t.mentor} name="mentorId" options={matching.mentors} required />
        <Select
          label={t.decision}
          name="decision"
          options={[
            { value: 'pin', label: t.pin },
            { value: 'ban', label: t.ban },
          ]}
        />
        <Field label={t.reason}>
          <input name="reason" required minLength={3} maxLength={500} size={40} />
        </Field>
        <button>{t.pinOrBan}</button>
      </ActionForm>
    </section>
  );
}
