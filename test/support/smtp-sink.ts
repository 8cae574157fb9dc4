import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { DataSource } from 'typeorm';
import { OutboxDispatcher } from '../../apps/worker/src/mail/dispatcher.js';
import { smtpSender } from '../../apps/worker/src/mail/transport.js';
import { eventually } from './services.js';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  messageId: string;
  key: string;
  ical: string | null;
}

/** A real SMTP server (npm smtp-server) on a free port that keeps every message it accepts. */
export async function startSmtpSink(): Promise<{ url: string; received: ReceivedMail[]; close: () => Promise<void> }> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail: ParsedMail) => {
          const ics = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
          const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
          received.push({
            to: to?.value[0]?.address ?? '',
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            messageId: mail.messageId ?? '',
            key: (mail.headers.get('x-mentorflow-key') as string | undefined) ?? '',
            ical: ics ? ics.content.toString('utf8') : null,
          });
          callback();
        },
        (e: unknown) => callback(e as Error),
      );
    },
  });
  // A client killed mid-session (the worker-kill tests do it on purpose) resets its connection, and
  // smtp-server reports that as an 'error' event: unheard, it crashed the whole test file. A real
  // server logs it and keeps serving, and so does the sink; anything else is still shown.
  server.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'ECONNRESET' && e.code !== 'EPIPE') console.error('smtp sink:', e);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The app's dispatcher polling often, sending to the sink. */
export function startTestOutbox(db: DataSource, smtpUrl: string): OutboxDispatcher {
  const dispatcher = new OutboxDispatcher(db, smtpSender(smtpUrl), { from: 'mentorflow@test.local', pollMs: 100 });
  dispatcher.start();
  return dispatcher;
}

export const mailsTo = (received: ReceivedMail[], address: string, subject?: RegExp): ReceivedMail[] =>
  received.filter((m) => m.to === address && (!subject || subject.test(m.subject)));

export const awaitMail = (
  received: ReceivedMail[],
  address: string,
  subject: RegExp,
  timeoutMs = 20_000,
): Promise<ReceivedMail> => eventually(async () => mailsTo(received, address, subject)[0], timeoutMs);
