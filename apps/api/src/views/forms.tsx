import type { ComponentChildren } from 'preact';
import { randomUUID } from 'node:crypto';
import type { Ui } from './i18n.js';
import { NOTICES, type NoticeCode } from './notices.js';

/** The hidden field that carries a form's Idempotency-Key: a page rendered once submits once. */
export const IDEMPOTENCY_FIELD = 'idempotencyKey';

/**
 * A form that runs an action: POST to the action's page route, with a fresh idempotency key, so a
 * double submit (or a reload of the answer) gets the first outcome again instead of acting twice.
 */
export function ActionForm(props: {
  action: string;
  children: ComponentChildren;
  layout?: 'inline' | 'stack';
  /** Names the form for assistive technology (and for tests). */
  label?: string;
  multipart?: boolean;
}) {
  return (
    <form
      method="post"
      action={props.action}
      class={props.layout ?? 'inline'}
      aria-label={props.label}
      enctype={props.multipart ? 'multipart/form-data' : undefined}
    >
      <input type="hidden" name={IDEMPOTENCY_FIELD} value={randomUUID()} />
      {props.children}
    </form>
  );
}

/** A labelled control: the label text, then the control, inside one <label> (no id to keep in step). */
export function Field(props: { label: string; children: ComponentChildren; hint?: string }) {
  return (
    <label>
      {props.label}
      {props.hint ? <span class="help">{props.hint}</span> : null}
      {props.children}
    </label>
  );
}

/** A checkbox with its label after it. */
export function Check(props: { name: string; value?: string; label: string; checked?: boolean }) {
  return (
    <label class="check">
      <input type="checkbox" name={props.name} value={props.value ?? 'on'} checked={props.checked} />
      {props.label}
    </label>
  );
}

/** A labelled select from value/label pairs. */
export function Select(props: {
  label: string;
  name: string;
  options: Array<{ value: string; label: string }>;
  value?: string;
  required?: boolean;
}) {
  return (
    <Field label={props.label}>
      <select name={props.name} required={props.required}>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A level from 1 to 5 (competencies, survey answers). */
export const levels = (first?: string) => [
  ...(first === undefined ? [] : [{ value: '', label: first }]),
  ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) })),
];

/** The outcome of the last action: its code comes in the URL after the redirect, its words from NOTICES. */
export function Outcome(props: { ui: Ui; notice: NoticeCode | null }) {
  if (!props.notice) return null;
  const notice = NOTICES[props.notice];
  const done = notice.kind === 'done';
  return (
    <p class={done ? 'flash' : 'error'} role={done ? 'status' : 'alert'} data-notice={props.notice}>
      {notice[props.ui.lang]}
    </p>
  );
}
