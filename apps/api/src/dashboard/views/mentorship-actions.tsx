import { INTERACTION_ITEMS } from '../../../../../libs/domain/src/index.js';
import { ActionForm, Check, Field, Select, levels } from '../../views/forms.js';
import type { Ui } from '../../views/i18n.js';
import type { MentorshipView } from './mentorship-view.js';
import { OwnerActions } from './mentorship-owner.js';

/** Now, to the second, as a datetime-local value (UTC, as the pages show dates). */
const nowForInput = (now: number) => new Date(now).toISOString().slice(0, 19);

function Survey(props: { ui: Ui }) {
  const { ui } = props;
  return (
    <fieldset>
      <legend>{ui.t.scale}</legend>
      {INTERACTION_ITEMS.map((k) => (
        <Select label={ui.term(k)} name={k} options={levels()} value="4" />
      ))}
      <Field label={ui.t.comment}>
        <textarea name="comment" maxLength={5000}></textarea>
      </Field>
    </fieldset>
  );
}

function Kickoff(props: { ui: Ui; view: MentorshipView; side: 'mentor' | 'mentee' }) {
  const { ui, view, side } = props;
  const { t } = ui;
  const goal = (i: number) => view.goals[i];
  return (
    <section aria-labelledby="kickoff">
      <h2 id="kickoff">{t.kickoff}</h2>
      <p class="help">{t.kickoffHelp}</p>
      {side === 'mentor' ? <p class="help">{t.kickoffMentorHelp}</p> : null}
      <ActionForm action={`/dashboard/mentorships/${view.id}/kickoff`} layout="stack" label={t.kickoff}>
        {[0, 1, 2].map((i) => (
          <fieldset>
            <legend>{ui.fill(t.goalN, { n: i + 1 })}</legend>
            <Select
              label={t.competency}
              name={`goal${i + 1}`}
              options={[{ value: '', label: t.noGoal }, ...view.competencyOptions]}
              value={goal(i)?.competencyKey ?? ''}
              required={i === 0}
            />
            <Select
              label={t.targetLevel}
              name={`target${i + 1}`}
              options={levels()}
              value={String(goal(i)?.targetLevel ?? 3)}
            />
            {side === 'mentor' ? (
              <Select label={t.baselineLevel} name={`baseline${i + 1}`} options={levels()} value="2" />
            ) : null}
          </fieldset>
        ))}
        {side === 'mentor' ? (
          <fieldset>
            <legend>{t.fact}</legend>
            <Field label={t.factName}>
              <input name="factName" maxLength={120} />
            </Field>
            <Field label={t.factUnit}>
              <input name="factUnit" maxLength={40} size={8} />
            </Field>
            <Field label={t.factSource}>
              <input name="factSource" maxLength={200} />
            </Field>
            <Field label={t.factValue}>
              <input name="factValue" type="number" step="any" size={8} />
            </Field>
            <Check name="factLowerIsBetter" label={t.factLower} />
            <Field label={t.factValuePerUnit}>
              <input name="factValuePerUnit" type="number" step="any" min={0} size={8} />
            </Field>
          </fieldset>
        ) : null}
        <button>{t.kickoff}</button>
      </ActionForm>
    </section>
  );
}

/** The forms of the reader's next steps, each posting to the dashboard action of its JSON route. */
export function MentorshipActions(props: { ui: Ui; view: MentorshipView }) {
  const { ui, view } = props;
  const { t } = ui;
  const { can } = view;
  const base = `/dashboard/mentorships/${view.id}`;
  const goalOptions = view.goals.map((g) => ({ value: g.competencyKey, label: ui.competency(g.competencyKey) }));
  return (
    <>
      {can.approve ? (
        <section aria-labelledby="approve">
          <h2 id="approve">{t.approvePair}</h2>
          <p class="help">{t.approvePairHelp}</p>
          <ActionForm action={`${base}/approval`} label={t.approvePair}>
            <button>{t.approvePair}</button>
          </ActionForm>
        </section>
      ) : null}
      {can.kickoff ? <Kickoff ui={ui} view={view} side={can.kickoff} /> : null}
      {can.decide === null ? null : (
        <section aria-labelledby="decide">
          <h2 id="decide">
            {t.decide}: {t.checkpoint} {can.decide}
          </h2>
          <ActionForm action={`${base}/checkpoints/${can.decide}/decision`} label={t.decide}>
            <Select
              label={t.decision}
              name="decision"
              options={[
                { value: 'approve', label: t.approve },
                { value: 'request-changes', label: t.requestChanges },
                { value: 'escalate', label: t.escalate },
              ]}
            />
            <Field label={t.guidance}>
              <textarea name="guidance" cols={50} maxLength={5000}></textarea>
            </Field>
            <button>{t.decide}</button>
          </ActionForm>
        </section>
      )}
      {can.logSession ? (
        <section aria-labelledby="log">
          <h2 id="log">{t.logSession}</h2>
          <ActionForm action={`${base}/sessions`} layout="stack" label={t.logSession}>
            <Field label={t.heldAt}>
              <input name="heldAt" type="datetime-local" step={1} value={nowForInput(view.now)} required />
            </Field>
            <Field label={t.minutes}>
              <input name="minutes" type="number" min={5} max={480} value={60} required />
            </Field>
            <Field label={t.topics}>
              <input name="topics" size={60} required maxLength={1000} />
            </Field>
            <fieldset>
              <legend>{t.competencies}</legend>
              {goalOptions.map((o) => (
                <Check name="competencies" value={o.value} label={o.label} checked />
              ))}
            </fieldset>
            <Field label={t.sharedNotes}>
              <textarea name="sharedNotes" maxLength={5000}></textarea>
            </Field>
            <Field label={t.privateNotes}>
              <textarea name="privateNotes" maxLength={5000}></textarea>
            </Field>
            <button>{t.logSession}</button>
          </ActionForm>
        </section>
      ) : null}
      {can.pulse ? (
        <section aria-labelledby="pulse">
          <h2 id="pulse">{t.pulse}</h2>
          <p class="help">{t.pulseHelp}</p>
          <ActionForm action={`${base}/pulse`} layout="stack" label={t.pulse}>
            <Survey ui={ui} />
            <button>{t.pulse}</button>
          </ActionForm>
        </section>
      ) : null}
      {can.review ? (
        <section aria-labelledby="review">
          <h2 id="review">{ui.fill(t.review, { stage: ui.term(can.review).toLowerCase() })}</h2>
          <ActionForm action={`${base}/reviews/${can.review}`} layout="stack" label={ui.term(can.review)}>
            <Survey ui={ui} />
            {view.viewpoint === 'mentor' ? (
              <fieldset>
                <legend>{t.reviewLevels}</legend>
                {view.goals.map((g) => (
                  <Select
                    label={ui.competency(g.competencyKey)}
                    name={`level:${g.competencyKey}`}
                    options={levels()}
                    value="3"
                  />
                ))}
              </fieldset>
            ) : null}
            {view.viewpoint === 'mentor' && can.review === 'final'
              ? view.facts.map((f) => (
                  <Field label={ui.fill(t.factAfter, { name: f.name, unit: f.unit })}>
                    <input name={`fact:${f.name}`} type="number" step="any" required />
                  </Field>
                ))
              : null}
            <button>{ui.term(can.review)}</button>
          </ActionForm>
        </section>
      ) : null}
      <OwnerActions ui={ui} view={view} />
    </>
  );
}
