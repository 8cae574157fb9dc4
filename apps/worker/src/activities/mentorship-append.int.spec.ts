import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MockActivityEnvironment } from '@temporalio/testing';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { mentorshipStreamId } from '../../../../libs/contracts/src/index.js';
import type { MentorshipEvent } from '../../../../libs/domain/src/index.js';
import { appendToStream, projectMentorshipEvents } from '../../../../libs/persistence/src/index.js';
import { at, mentorshipMidterm, pair } from '../../../../test/support/mentorship-events.js';
import { createTestDatabase } from '../../../../test/support/services.js';
import { createMentorshipActivities } from './mentorship.activities.js';

let db: DataSource;
const activities = () =>
  createMentorshipActivities({ db, mailFrom: 'mentorflow@example.test', publicUrl: 'http://localhost:3000' });

/** The mentorship's life as its workflow appends it: one batch per Update or wake, the clock's follow-ups too. */
const life: MentorshipEvent[][] = [
  ...mentorshipMidterm.slice(0, 3).map((e) => [e]),
  mentorshipMidterm.slice(3, 5), // the mentee's kickoff and the phase it opens: one Update
  ...mentorshipMidterm.slice(5).map((e) => [e]),
  [
    {
      type: 'ReminderSent',
      at: at(14),
      actorId: 'system',
      data: { subject: 'session', occurrence: at(14), to: [pair.mentorId, pair.menteeId] },
    },
  ],
  [
    {
      type: 'Escalated',
      at: at(16),
      actorId: 'system',
      data: { subject: 'session', occurrence: at(14), to: pair.supervisorId, missing: 'a session' },
    },
  ],
];

/** Round trips to Postgres while `body` runs (BEGIN and COMMIT included): every pg client's query. */
async function statements<T>(body: () => Promise<T>): Promise<{ result: T; count: number }> {
  const query = pg.Client.prototype.query;
  let count = 0;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    count++;
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    return { result: await body(), count };
  } finally {
    pg.Client.prototype.query = query;
  }
}

beforeAll(async () => {
  ({ db } = await createTestDatabase('mentorship_append'));
  for (const id of ['zoe', 'eloise', 'paul', 'claire'])
    await db.query(`INSERT INTO people (id, display_name, email) VALUES ($1, $1, $1 || '@example.test')`, [id]);
});
afterAll(async () => {
  await db?.destroy();
});

const row = async (id: string) =>
  (
    await db.query<Array<Record<string, unknown>>>(
      `SELECT phase, goals, sessions, session_minutes, last_session_at, reminders_sent, escalations, roi,
              termination_reason, version, updated_at, state
         FROM mentorships WHERE id = $1`,
      [id],
    )
  )[0];

describe("a mentorship's append (events, read models, state, emails: one transaction)", () => {
  it('costs a fixed, small number of statements per Update, and writes the read model a whole batch would', async () => {
    const streamId = mentorshipStreamId(pair.mentorshipId);
    const env = new MockActivityEnvironment();
    const counts: number[] = [];
    let version = 0;
    for (const events of life) {
      const { result, count } = await statements(() =>
        env.run(activities().appendMentorshipEvents, { streamId, expectedVersion: version, events, causationId: null }),
      );
      expect(result).toEqual({ status: 'stored' });
      counts.push(count);
      version += events.length;
    }
    // BEGIN; an INSERT per event; the projection's own rows; the mentorship's row read once (not for
    // a new one, whose batch holds it) and written once; the people the emails name and one INSERT of
    // the emails; COMMIT. Before the rows were written once: 10, 11, 9, 11, 9, 7, 7, 10, 10, 10, 11, 8, 11, 10.
    expect(counts).toEqual([
      7, // created: event, row, state, people, email
      7, // kickoff opens: event, read, write, people, emails
      6, // mentor's kickoff: event, assessments, read, write
      6, // mentee's kickoff and ACTIVE (one Update): two events, read, write
      6, // session: event, session row, read, write
      5, // pulse: event, read, write
      5, // pulse
      8, // checkpoint opened: event, checkpoint row, read, write, people, invitation
      8, // checkpoint decided (changes requested): event, checkpoint row, read, write, people, email
      8, // the second checkpoint opened
      7, // midterm: event, read, write, people, emails
      6, // mentor's midterm review: event, assessments, read, write
      7, // reminder: event, read, write, people, emails
      7, // escalation: event, read, write, people, email
    ]);

    // The same stream as one batch, under another id: the row must come out the same.
    const other = { ...pair, mentorshipId: '00000000-0000-4000-8000-00000000aa02' };
    const batch = life.flat().map((e) => (e.type === 'MentorshipCreated' ? { ...e, data: other } : e));
    await appendToStream(
      db,
      { streamId: mentorshipStreamId(other.mentorshipId), expectedVersion: 0, events: batch, causationId: null },
      projectMentorshipEvents,
    );
    const [one, whole] = [await row(pair.mentorshipId), await row(other.mentorshipId)];
    const stateOf = (r: Record<string, unknown>) => ({ ...(r.state as object), mentorshipId: undefined });
    expect({ ...whole, state: stateOf(whole) }).toEqual({ ...one, state: stateOf(one) });
    expect(one).toMatchObject({
      phase: 'MIDTERM_REVIEW',
      sessions: 1,
      session_minutes: 45,
      last_session_at: new Date(at(5)),
      reminders_sent: 1,
      escalations: 1,
      version: 15,
      updated_at: new Date(at(16)),
    });
    expect((one.state as { version: number }).version).toBe(15);
  });

  it('a retried append writes nothing again: it hands back the stored facts, and no email is queued twice', async () => {
    const streamId = mentorshipStreamId(pair.mentorshipId);
    const outbox = async () =>
      (await db.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM outbox_emails`))[0].n;
    const before = { emails: await outbox(), row: await row(pair.mentorshipId) };
    const again = await new MockActivityEnvironment().run(activities().appendMentorshipEvents, {
      streamId,
      expectedVersion: 14,
      events: life.at(-1)!,
      causationId: null,
    });
    expect(again).toMatchObject({ status: 'behind', missed: [{ version: 15, event: { type: 'Escalated' } }] });
    expect({ emails: await outbox(), row: await row(pair.mentorshipId) }).toEqual(before);
  });
});
