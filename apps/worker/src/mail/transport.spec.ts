import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileSender } from './transport.js';
import { messageIdOf } from './dispatcher.js';

describe('the embedded default mail sink', () => {
  it('writes each message as an .eml file named by its outbox key, with its calendar part', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'mentorflow-mail-')), 'mail');
    const sender = fileSender(dir);
    const message = {
      from: 'mentorflow@localhost',
      to: 'paul@example.com',
      subject: 'Point de supervision 1 : Éloïse accompagne Zoé',
      text: 'Bonjour Paul,',
      messageId: messageIdOf('mentorship:m-1/v7/checkpoint-invitation/paul'),
      headers: { 'X-Mentorflow-Key': 'mentorship:m-1/v7/checkpoint-invitation/paul' },
      icalEvent: { method: 'REQUEST', filename: 'invitation.ics', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' },
    };
    await sender.send(message);
    await sender.send(message); // a re-send overwrites the same file
    const files = readdirSync(dir);
    expect(files).toEqual(['mentorship_m-1_v7_checkpoint-invitation_paul.eml']);
    const eml = readFileSync(join(dir, files[0]), 'utf8');
    expect(eml).toContain(`Message-ID: ${messageIdOf('mentorship:m-1/v7/checkpoint-invitation/paul')}`);
    expect(eml).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/);
    expect(eml).toContain('To: paul@example.com');
  });
});
