import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { MailSender } from './transport.js';

export interface DispatcherOptions {
  from: string;
  pollMs: number;
  batchSize?: number;
  maxAttempts?: number;
  onSent?: (outcome: 'sent' | 'failed' | 'undeliverable') => void;
  onError?: (e: unknown) => void;
}

interface OutboxRow {
  id: string;
  idempotency_key: string;
  to_address: string;
  subject: string;
  text_body: string;
  ical: string | null;
  attempts: number;
}

/** A Message-ID that depends only on the outbox key: a re-send after a crash is the same message to receivers. */
export const messageIdOf = (key: string): string =>
  `<${createHash('sha256').update(key).digest('hex').slice(0, 32)}@mentorflow>`;

/**
 * Sends pending outbox rows (SKIP LOCKED, so several workers share the work). A crash between the
 * SMTP server's acceptance and the commit re-sends that one message with the same Message-ID —
 * the only window left, documented in docs/RELIABILITY.md.
 */
export class OutboxDispatcher {
  private stopped = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly sender: MailSender,
    private readonly options: DispatcherOptions,
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let sent = 0;
      try {
        sent = await this.dispatchOnce();
      } catch (e) {
        this.options.onError?.(e);
      }
      if (sent === 0 && !this.stopped) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          setTimeout(resolve, this.options.pollMs).unref();
        });
      }
    }
  }

  /** Up to a batch of messages, each in its own transaction; returns how many it handled. */
  async dispatchOnce(): Promise<number> {
    let handled = 0;
    while (handled < (this.options.batchSize ?? 20) && !this.stopped) {
      if (!(await this.sendNext())) break;
      handled++;
    }
    return handled;
  }

  /**
   * One message per transaction: the row stays locked while it is sent and is marked sent in the
   * same transaction, so a crash can re-send at most the message in flight, never a whole batch.
   */
  private async sendNext(): Promise<boolean> {
    const max = this.options.maxAttempts ?? 8;
    return this.db.transaction(async (tx) => {
      const rows: OutboxRow[] = await tx.query(
        `SELECT id, idempotency_key, to_address, subject, text_body, ical, attempts FROM outbox_emails
          WHERE status = 'pending' AND next_attempt_at <= now() ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      );
      const row = rows[0];
      if (!row) return false;
      try {
        await this.sender.send({
          from: this.options.from,
          to: row.to_address,
          subject: row.subject,
          text: row.text_body,
          messageId: messageIdOf(row.idempotency_key),
          headers: { 'X-Mentorflow-Key': row.idempotency_key },
          ...(row.ical ? { icalEvent: { method: 'REQUEST', filename: 'invitation.ics', content: row.ical } } : {}),
        });
        await tx.query(
          `UPDATE outbox_emails SET status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1`,
          [row.id],
        );
        this.options.onSent?.('sent');
      } catch (e) {
        const attempts = row.attempts + 1;
        const giveUp = attempts >= max;
        // Exponential back-off: 2 s, 4 s, 8 s… capped at 10 minutes.
        const delaySeconds = Math.min(600, 2 ** attempts);
        await tx.query(
          `UPDATE outbox_emails SET attempts = $2, last_error = $3, status = $4, next_attempt_at = now() + make_interval(secs => $5) WHERE id = $1`,
          [
            row.id,
            attempts,
            e instanceof Error ? e.message : String(e),
            giveUp ? 'undeliverable' : 'pending',
            delaySeconds,
          ],
        );
        this.options.onSent?.(giveUp ? 'undeliverable' : 'failed');
      }
      return true;
    });
  }
}
