import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { dataDir, type AppMetrics, type MentorflowConfig } from '../../../../libs/platform/src/index.js';
import { OutboxDispatcher } from './dispatcher.js';
import { fileSender, smtpSender, type MailSender } from './transport.js';

/** The outbox dispatcher for a process's configuration: SMTP when configured, else .eml files. */
export function startMail(
  db: DataSource,
  config: MentorflowConfig,
  metrics?: AppMetrics,
  log: (line: string) => void = () => undefined,
): { sender: MailSender; stop: () => Promise<void> } {
  const sender = config.smtpUrl ? smtpSender(config.smtpUrl) : fileSender(config.mailDir ?? join(dataDir(), 'mail'));
  const dispatcher = new OutboxDispatcher(db, sender, {
    from: config.mailFrom,
    pollMs: config.outboxPollMs,
    onSent: (outcome) => metrics?.emails.inc({ outcome }),
    onError: (e) => log(`outbox: ${e instanceof Error ? e.message : String(e)}`),
  });
  dispatcher.start();
  return {
    sender,
    stop: async () => {
      await dispatcher.stop();
      sender.close();
    },
  };
}
