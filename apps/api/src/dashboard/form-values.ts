import { createValidationPipe } from '../http/validation.js';

/** A plain HTML form as the urlencoded parser gives it: strings, or arrays of strings for repeated fields. */
export type FormBody = Record<string, string | string[] | undefined>;

const pipe = createValidationPipe();

/**
 * The JSON route's DTO built from a form, checked by the same ValidationPipe (whitelist, every
 * field named in a refusal): a page action can accept nothing its JSON route would refuse.
 */
export async function dtoOf<T extends object>(cls: new () => T, plain: object): Promise<T> {
  return (await pipe.transform(plain, { type: 'body', metatype: cls })) as T;
}

/** The form's Idempotency-Key (see ActionForm). */
export const keyOf = (form: FormBody): string | undefined => text(form, 'idempotencyKey');

/** One field's text, trimmed; undefined when absent or empty. */
export function text(form: FormBody, name: string): string | undefined {
  const v = form[name];
  const s = (Array.isArray(v) ? v[0] : v)?.trim();
  return s ? s : undefined;
}

/** One field as a number when it holds one; the raw text otherwise, so that the DTO names the field. */
export function number(form: FormBody, name: string): number | string | undefined {
  const s = text(form, name);
  if (s === undefined) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : s;
}

/** Every value of a repeated field (checkboxes, multiple selects), empty ones left out. */
export function all(form: FormBody, name: string): string[] {
  const v = form[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((s) => s.trim()).filter(Boolean);
}

/** A textarea's lines, or a field's comma-separated items. */
export const lines = (s: string | undefined): string[] =>
  (s ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
export const items = (s: string | undefined): string[] =>
  (s ?? '')
    .split(',')
    .map((l) => l.trim())
    .filter(Boolean);

/** A checkbox. */
export const checked = (form: FormBody, name: string): boolean => text(form, name) !== undefined;

/** A datetime-local value read as UTC (the pages show dates in UTC), as ISO 8601. */
export function utc(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const d = new Date(/Z|[+-]\d\d:\d\d$/.test(s) ? s : `${s}Z`);
  return Number.isNaN(d.getTime()) ? s : d.toISOString();
}

/** Fields named `prefix:key` as a record of numbers (levels per competency, facts measured again). */
export function keyed(form: FormBody, prefix: string): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const name of Object.keys(form)) {
    if (!name.startsWith(prefix)) continue;
    const v = number(form, name);
    if (v !== undefined) out[name.slice(prefix.length)] = v;
  }
  return out;
}

/** Days in a form as milliseconds (policies are stored in ms). */
export const days = (form: FormBody, name: string): number | string | undefined => {
  const v = number(form, name);
  return typeof v === 'number' ? Math.round(v * 86_400_000) : v;
};
