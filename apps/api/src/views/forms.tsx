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
export function ActionForm(props: { action: string; children: ComponentChildren }) {
  return (
    <form method="post" action={props.action} class="inline">
      <input type="hidden" name={IDEMPOTENCY_FIELD} value={randomUUID()} />
      {props.children}
    </form>
  );
}

/** A labelled input: the label text, then the control. */
export function Field(props: { label: string; children: ComponentChildren }) {
  return (
    <label>
      {props.label}
      {props.children}
    </label>
  );
}

/** The outcome of the last action: its code comes in the URL after the redirect, its words from NOTICES. */
export function Outcome(props: { ui: Ui; notice: NoticeCode | null }) {
  if (!props.notice) return null;
  const notice = NOTICES[props.notice];
  return (
    <p class={notice.kind === 'done' ? 'flash' : 'error'} data-notice={props.notice}>
      {notice[props.ui.lang]}
    </p>
  );
}
