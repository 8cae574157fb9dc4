import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { SendMailOptions, Transporter } from 'nodemailer';

/** Where mail goes: a real SMTP server, or .eml files a user can open (the embedded default). */
export interface MailSender {
  send(message: SendMailOptions): Promise<void>;
  describe(): string;
  close(): void;
}

export function smtpSender(url: string): MailSender {
  const transport: Transporter = nodemailer.createTransport(url);
  return {
    async send(message) {
      await transport.sendMail(message);
    },
    describe: () => `SMTP ${url.replace(/:[^:@/]*@/, ':***@')}`,
    close: () => transport.close(),
  };
}

/** Writes each message as an RFC 822 .eml file, named by its outbox key so a re-send overwrites it. */
export function fileSender(dir: string): MailSender {
  const transport: Transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(message) {
      const info = (await transport.sendMail(message)) as { message: Buffer };
      await mkdir(dir, { recursive: true });
      const name = String(message.headers && (message.headers as Record<string, string>)['X-Mentorflow-Key']).replace(
        /[^\w.-]+/g,
        '_',
      );
      await writeFile(join(dir, `${name}.eml`), info.message);
    },
    describe: () => `files in ${dir}`,
    close: () => undefined,
  };
}
