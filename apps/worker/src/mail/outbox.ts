import type { EntityManager } from 'typeorm';
import { peopleNamedBy, type Notification } from '../../../../libs/domain/src/index.js';
import { mailLanguageOf, renderNotification, type MailContext } from './render.js';

/**
 * Queues the emails of just-stored events inside the same transaction: committed together with
 * the events or not at all, and a retried activity finds the keys taken and queues nothing again.
 */
export async function enqueueNotifications(
  tx: EntityManager,
  notifications: Notification[],
  context: Omit<MailContext, 'attendee'>,
): Promise<void> {
  if (notifications.length === 0) return;
  const ids = [...new Set(notifications.flatMap(peopleNamedBy))];
  const people: Array<{ id: string; display_name: string; email: string | null; languages: string[] }> = await tx.query(
    `SELECT id, display_name, email, languages FROM people WHERE id = ANY($1)`,
    [ids],
  );
  const byId = new Map(people.map((p) => [p.id, p]));
  const programIds = [...new Set(notifications.flatMap((n) => (n.params.programId ? [n.params.programId] : [])))];
  const programs: Array<{ id: string; name: string }> = programIds.length
    ? await tx.query(`SELECT id, name FROM programs WHERE id = ANY($1::uuid[])`, [programIds])
    : [];
  const names = new Map([
    ...people.map((p): [string, string] => [p.id, p.display_name]),
    ...programs.map((p): [string, string] => [p.id, p.name]),
  ]);
  // One statement per 1,000 emails, not one each: a retried activity finds every key taken and inserts none.
  const columns = 10;
  const rows = notifications.map((n) => {
    const person = byId.get(n.to);
    const language = mailLanguageOf(person?.languages ?? []);
    const address = person?.email ?? null;
    const mail = renderNotification(n, language, names, { ...context, attendee: address });
    return [
      n.key,
      n.to,
      address,
      language,
      n.template,
      mail.subject,
      mail.text,
      mail.ical,
      address ? 'pending' : 'undeliverable',
      address ? null : 'no email address in the directory',
    ];
  });
  // Postgres takes at most 65,535 parameters a statement: a program's event may notify thousands.
  for (let from = 0; from < rows.length; from += 1000) {
    const chunk = rows.slice(from, from + 1000);
    await tx.query(
      `INSERT INTO outbox_emails (idempotency_key, recipient_id, to_address, language, template, subject, text_body, ical, status, last_error)
       VALUES ${chunk.map((_, r) => `(${Array.from({ length: columns }, (_, c) => `$${r * columns + c + 1}`).join(', ')})`).join(', ')}
       ON CONFLICT (idempotency_key) DO NOTHING`,
      chunk.flat(),
    );
  }
}
