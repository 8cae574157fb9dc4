import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import {
  agreeKickoffUpdate,
  approveMentorshipUpdate,
  logSessionUpdate,
  mentorshipStateQuery,
  submitPulseUpdate,
} from '../../contracts/src/index.js';
import {
  appendToStream,
  listWorkflowFaults,
  projectMentorshipEvents,
  readStream,
} from '../../persistence/src/index.js';
import { eventually, updateOutcome, useWorkerStack } from '../../../test/support/services.js';
import {
  aSession,
  facts,
  fastPolicy,
  goals,
  seedCast,
  startMentorship,
  survey,
} from '../../../test/support/mentorships.js';

/**
 * What a workflow does when its facts cannot be stored. The API refuses such input at the edge; these
 * tests go around it, straight to the workflow, as a bug or a future route might.
 */
const stack = useWorkerStack('append-failures', { beforeAll, afterAll });

const failureOf = updateOutcome;

async function activeMentorship(policy = fastPolicy()) {
  const cast = await seedCast(stack.db);
  const handle = await startMentorship(stack.client, stack.taskQueue, cast.pair, policy);
  await handle.executeUpdate(approveMentorshipUpdate, { args: [{ actor: cast.supervisor }] });
  await handle.executeUpdate(agreeKickoffUpdate, {
    args: [{ actor: cast.mentor, kickoff: { goals, baselines: { delegation: 2 }, facts } }],
  });
  await handle.executeUpdate(agreeKickoffUpdate, {
    args: [{ actor: cast.mentee, kickoff: { goals, baselines: {}, facts: [] } }],
  });
  return { cast, handle, workflowId: `mentorship:${cast.pair.mentorshipId}` };
}

describe('a workflow that finds the log ahead of it catches up', () => {
  it('folds facts stored by a lost attempt, decides again, and never applies its own Update twice', async () => {
    const { cast, handle, workflowId } = await activeMentorship();
    const v = (await handle.query(mentorshipStateQuery))!.version;
    // A workflow task that ran Update `lost-1` committed its session, then was lost (its history never
    // recorded it): the log is one fact ahead of the workflow.
    const lostSession = aSession(new Date());
    await appendToStream(
      stack.db,
      {
        streamId: workflowId,
        expectedVersion: v,
        causationId: 'lost-1',
        events: [
          { type: 'SessionLogged', at: new Date().toISOString(), actorId: cast.mentor.personId, data: lostSession },
        ],
      },
      projectMentorshipEvents,
    );
    // The same Update, delivered again, answers with that fact: one session, not two.
    const again = await handle.executeUpdate(logSessionUpdate, {
      args: [{ actor: cast.mentor, session: lostSession }],
      updateId: 'lost-1',
    });
    expect(again).toMatchObject({ version: v + 1, sessions: 1 });

    // Another lost fact (a pulse), then a new Update: decided on the state that includes it.
    await appendToStream(
      stack.db,
      {
        streamId: workflowId,
        expectedVersion: v + 1,
        causationId: 'lost-2',
        events: [
          { type: 'PulseSubmitted', at: new Date().toISOString(), actorId: cast.mentee.personId, data: { survey } },
        ],
      },
      projectMentorshipEvents,
    );
    const next = await handle.executeUpdate(logSessionUpdate, {
      args: [{ actor: cast.mentor, session: aSession(new Date()) }],
    });
    expect(next).toMatchObject({ version: v + 3, sessions: 2, latestPulse: survey });
    const stored = await readStream(stack.db, workflowId);
    expect(stored.map((e) => e.streamVersion)).toEqual(Array.from({ length: v + 3 }, (_, i) => i + 1));
    expect(stored.filter((e) => e.type === 'SessionLogged')).toHaveLength(2);
  });
});

describe('a workflow whose facts cannot be stored keeps answering', () => {
  it('fails the one Update whose facts Postgres refuses, with its code, stores nothing of it, and goes on', async () => {
    const { cast, handle, workflowId } = await activeMentorship();
    const before = (await handle.query(mentorshipStateQuery))!.version;
    for (const topic of ['a\u0000b', 'lone \ud83d']) {
      const session = { ...aSession(new Date()), topics: [topic] };
      expect(
        await failureOf(handle.executeUpdate(logSessionUpdate, { args: [{ actor: cast.mentor, session }] })),
      ).toEqual({ type: 'EVENT_STORE.INVALID_VALUE', kind: 'INVALID' });
    }
    expect((await handle.query(mentorshipStateQuery))!.version).toBe(before);
    expect((await listWorkflowFaults(stack.db)).filter((f) => f.workflowId === workflowId)).toEqual([
      expect.objectContaining({ kind: 'APPEND_FAILING', code: 'EVENT_STORE.INVALID_VALUE', occurrences: 2 }),
    ]);

    // The next action is answered at once, and its success clears the fault.
    const after = await handle.executeUpdate(submitPulseUpdate, { args: [{ actor: cast.mentee, survey }] });
    expect(after.version).toBe(before + 1);
    expect((await listWorkflowFaults(stack.db)).filter((f) => f.workflowId === workflowId)).toEqual([]);
    const stored = await readStream(stack.db, workflowId);
    expect(stored).toHaveLength(before + 1);
    expect(stored.map((e) => e.type)).not.toContain('SessionLogged');
  });

  it('keeps its clock from moving past an unsaved fact, serves Updates meanwhile, and stores the fact once it can', async () => {
    const cast = await seedCast(stack.db);
    const workflowId = `mentorship:${cast.pair.mentorshipId}`;
    // The database refuses this workflow's reminders (a stand-in for any deterministic failure).
    const trigger = `refuse_${cast.pair.mentorshipId.replace(/-/g, '_')}`;
    await stack.db.query(`
      CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.stream_id = '${workflowId}' AND NEW.type = 'ReminderSent' THEN
          RAISE EXCEPTION 'refused for the test' USING ERRCODE = '22023';
        END IF;
        RETURN NEW;
      END $$`);
    await stack.db.query(
      `CREATE TRIGGER ${trigger} BEFORE INSERT ON domain_events FOR EACH ROW EXECUTE FUNCTION ${trigger}()`,
    );
    // The supervisor is reminded of the approval 1 s after creation.
    const handle = await startMentorship(stack.client, stack.taskQueue, cast.pair, fastPolicy({ responseMs: 1_000 }));
    await eventually(async () =>
      (await listWorkflowFaults(stack.db)).some(
        (f) => f.workflowId === workflowId && f.code === 'EVENT_STORE.INVALID_VALUE',
      ),
    );
    const stuck = (await handle.query(mentorshipStateQuery))!;
    expect(stuck.remindersSent).toBe(0);
    expect((await readStream(stack.db, workflowId)).map((e) => e.type)).not.toContain('ReminderSent');

    // Meanwhile an Update is answered: the clock waits, the workflow does not.
    const sessionLess = await handle
      .executeUpdate(submitPulseUpdate, {
        args: [{ actor: cast.mentee, survey }],
      })
      .catch((e: unknown) => e);
    expect(sessionLess).toBeInstanceOf(WorkflowUpdateFailedError); // wrong phase: refused by its validator, promptly

    // Once the database takes the fact again, the clock stores it (after its back-off) and the fault clears.
    await stack.db.query(`DROP TRIGGER ${trigger} ON domain_events`);
    await eventually(
      async () => (await readStream(stack.db, workflowId)).some((e) => e.type === 'ReminderSent'),
      40_000,
    );
    expect((await handle.query(mentorshipStateQuery))!.remindersSent).toBeGreaterThan(0);
    await eventually(async () => !(await listWorkflowFaults(stack.db)).some((f) => f.workflowId === workflowId));
    await handle.executeUpdate(approveMentorshipUpdate, { args: [{ actor: cast.supervisor }] });
  }, 90_000);
});
