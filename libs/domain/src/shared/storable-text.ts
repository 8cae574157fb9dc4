/**
 * Text a database can store. Postgres refuses the NUL character in text and jsonb (SQLSTATE 22P05)
 * and a lone UTF-16 surrogate in jsonb (22P02); a lone surrogate in text silently becomes U+FFFD.
 * Text that carries either is refused where it enters, never half-stored later.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `text` cannot be stored, or null when it can. */
export function unstorableText(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character (\\u0000), which cannot be stored';
  if (LONE_SURROGATE.test(text)) return 'contains a lone UTF-16 surrogate (not valid Unicode), which cannot be stored';
  return null;
}

/** The text with what cannot be stored replaced (for logs and operator notes, never for facts). */
export function storableText(text: string): string {
  return text.replaceAll('\u0000', '\\0').replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD');
}
