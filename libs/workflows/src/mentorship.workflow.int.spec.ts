import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  agreeKickoffUpdate,
  approveMentorshipUpdate,
  decideCheckpointUpdate,
  logSessionUpdate,
  mentorshipStateQuery,
  pauseMentorshipUpdate,
  type PauseMentorshipInput,
  programStateQuery,
  submitPulseUpdate,
  submitReviewUpdate,
  terminateMentorshipUpdate,
  requestExtraCheckpointUpdate,
} from '../../contracts/src/index.js';
import { readStream } from '../../persistence/src/index.js';
import { eventually, updateOutcome, useWorkerStack } from '../../../test/support/services.js';
import { awaitMail, mailsTo, startSmtpSink, startTestOutbox } from '../../../test/support/smtp-sink.js';
import {
  aSession,
  facts,
  fastPolicy,
  goals,
  seedCast,
  startMentorship,
  survey,
} from '../../../test/support/mentorships.js';
import { aDraft, startProgram } from '../../../test/support/programs.js';
import type { OutboxDispatcher } from '../../../apps/worker/src/mail/dispatcher.js';

const stack = useWorkerStack('mentorship-wf', { beforeAll, afterAll });
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let outbox: OutboxDispatcher;
beforeAll(async () => {
  sink = await startSmtpSink();
  outbox = startTestOutbox(stack.db, sink.url);
});
afterAll(async () => {
  await outbox?.stop();
  await sink?.close();
});

const codeOf = async (p: Promise<unknown>) => {
  const outcome = await updateOutcome(p);
  return outcome === 'accepted' ? outcome : outcome.type;
};
const phaseOf = async (handle: Awaited<ReturnType<typeof startMentorship>>) =>
  (await handle.query(mentorshipStateQuery))?.phase;

describe('MentorshipWorkflow on the real dev server (second-scale cadences)', () => {
  it('runs the happy path to CLOSED with ROI evidence, and its emails arrive in each person’s language', async () => {
    const cast = await seedCast(stack.db, ['fr']);
    const policy = fastPolicy({
      checkpointEveryMs: 3_000,
      midtermAfterMs: 6_000,
      endAfterMs: 11_000,
      sessionEveryMs: 60_000,
    });
    const handle = await startMentorship(stack.client, stack.taskQueue, cast.pair, policy);
    // The supervisor is asked to approve (in English: his first language).
    await awaitMail(sink.received, cast.email(cast.pair.supervisorId), /approve the mentorship/);

    await handle.executeUpdate(approveMentorshipUpdate, { args: [{ actor: cast.supervisor }] });
    // Zoé reads French.
    await awaitMail(sink.received, cast.email(cast.pair.menteeId), /convenez de ses objectifs/);
    await handle.executeUpdate(agreeKickoffUpdate, {
      args: [{ actor: cast.mentor, kickoff: { goals, baselines: { delegation: 2 }, facts } }],
    });
    const active = await handle.executeUpdate(agreeKickoffUpdate, {
      args: [{ actor: cast.mentee, kickoff: { goals, baselines: {}, facts: [] } }],
    });
    expect(active.phase).toBe('ACTIVE');

    await handle.executeUpdate(logSessionUpdate, { args: [{ actor: cast.mentor, session: aSession(new Date()) }] });
    await handle.executeUpdate(submitPulseUpdate, { args: [{ actor: cast.mentee, survey }] });

    // Checkpoint 1 opens on its date with a calendar invitation to the supervisor.
    const invitation = await awaitMail(sink.received, cast.email(cast.pair.supervisorId), /checkpoint 1/i);
    expect(invitation.ical).toMatch(/BEGIN:VEVENT[\s\S]*UID:mentorship-.*-checkpoint-1@mentorflow/);
    await handle.executeUpdate(decideCheckpointUpdate, {
      args: [{ actor: cast.supervisor, checkpoint: 1, decision: 'approve', guidance: null }],
    });

    await eventually(async () => (await phaseOf(handle)) === 'MIDTERM_REVIEW');
    await handle.executeUpdate(submitReviewUpdate, {
      args: [{ actor: cast.mentor, stage: 'midterm', review: { survey, levels: { delegation: 3 }, factsAfter: {} } }],
    });
    const back = await handle.executeUpdate(submitReviewUpdate, {
      args: [{ actor: cast.mentee, stage: 'midterm', review: { survey, levels: {}, factsAfter: {} } }],
    });
    expect(back.phase).toBe('ACTIVE');

    await eventually(async () => (await phaseOf(handle)) === 'FINAL_EVALUATION', 20_000);
    await handle.executeUpdate(submitReviewUpdate, {
      args: [
        {
          actor: cast.mentor,
          stage: 'final',
          review: { survey, levels: { delegation: 4 }, factsAfter: { 'Team turnover (12 months)': 12 } },
        },
      ],
    });
    const closed = await handle.executeUpdate(submitReviewUpdate, {
      args: [{ actor: cast.mentee, stage: 'final', review: { survey, levels: {}, factsAfter: {} } }],
    });
    expect(closed.phase).toBe('CLOSED');
    expect(closed.roi?.competencies[0]).toMatchObject({
      competencyKey: 'delegation',
      baseline: 2,
      final: 4,
      reached: true,
    });
    expect(closed.roi?.facts[0]).toMatchObject({ source: 'HR report Q1', before: 18, after: 12, improvement: 6 });
    expect(closed.roi?.assumptions.join('\n')).toMatch(/attributed to the mentorship/);
    expect(await handle.result()).toEqual({ phase: 'CLOSED', version: closed.version });

    // The read model and the event log say the same; the closing emails went to the three people.
    const [row] = await stack.db.query(`SELECT phase, sessions, roi, state FROM mentorships WHERE id = $1`, [
      cast.pair.mentorshipId,
    ]);
    expect(row).toMatchObject({ phase: 'CLOSED', sessions: 1 });
    // The snapshot the API reads is the workflow's own state, field for field.
    expect(row.state).toEqual(closed);
    expect(row.roi.cost).toBe(closed.roi?.cost);
    const types = (await readStream(stack.db, `mentorship:${cast.pair.mentorshipId}`)).map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'MentorshipCreated',
        'KickoffAgreed',
        'SessionLogged',
        'CheckpointOpened',
        'CheckpointDecided',
        'ReviewSubmitted',
        'RoiEvidenceRecorded',
      ]),
    );
    // The mentor's levels are the mentee's assessments: baseline, midpoint, final.
    const assessed = await stack.db.query(
      `SELECT context, level FROM assessments WHERE person_id = $1 AND competency_key = 'delegation' AND source = 'mentor' ORDER BY assessed_at, context`,
      [cast.pair.menteeId],
    );
    expect(assessed).toEqual([
      { context: 'baseline', level: 2 },
      { context: 'midpoint', level: 3 },
      { context: 'final', level: 4 },
    ]);
    await awaitMail(sink.received, cast.email(cast.pair.menteeId), /est terminé/);
    await awaitMail(sink.received, cast.email(cast.pair.mentorId), /is complete/);
  }, 60_000);

  it('refuses a wrong person (403) and a wrong phase (409) in the validator, writing no history', async () => {
    const cast = await seedCast(stack.db);
    const handle = await startMentorship(stack.client, stack.taskQueue, cast.pair, fastPolicy());
    const before = (await handle.fetchHistory()).events?.length;
    expect(await codeOf(handle.executeUpdate(approveMentorshipUpdate, { args: [{ actor: cast.mentor }] }))).toBe(
      'MENTORSHIP.NOT_SUPERVISOR',
    );
    expect(
      await codeOf(
        handle.executeUpdate(logSessionUpdate, { args: [{ actor: cast.mentor, session: aSession(new Date()) }] }),
      ),
    ).toBe('MENTORSHIP.WRONG_PHASE');
    expect((await handle.fetchHistory()).events?.length).toBe(before);
  });

  it('reminds the mentor when no session is logged, then tells the supervisor; counts are kept', async () => {
    const cast = await seedCast(stack.db, ['en']);
    const handle = await startMentorship(
      stack.client,
      stack.taskQueue,
      cast.pair,
      fastPolicy({ sessionEveryMs: 3_000, reminderLeadMs: 1_000, escalationDelayMs: 2_000 }),
    );
    await handle.executeUpdate(approveMentorshipUpdate, { args: [{ actor: cast.supervisor }] });
    await handle.executeUpdate(agreeKickoffUpdate, {
      args: [{ actor: cast.mentor, kickoff: { goals, baselines: { delegation: 2 }, facts } }],
    });
    await handle.executeUpdate(agreeKickoffUpdate, {
      args: [{ actor: cast.mentee, kickoff: { goals, baselines: {}, facts: [] } }],
    });

    const reminder = await awaitMail(
      sink.received,
      cast.email(cast.pair.mentorId),
      /Reminder: a mentoring session is due/,
    );
    expect(reminder.text).toContain(`/dashboard/mentorships/${cast.pair.mentorshipId}#`);
    const escalation = await awaitMail(sink.received, cast.email(cast.pair.supervisorId), /Needs your attention/);
    expect(escalation.text).toMatch(/no session logged/);
    const state = await handle.query(mentorshipStateQuery);
    expect(state).toMatchObject({ remindersSent: 1, escalations: 1 });
    // Once each per due date: nothing more arrives until a session is logged.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(mailsTo(sink.received, cast.email(cast.pair.mentorId), /Reminder/)).toHaveLength(1);
    await handle.terminate();
  }, 30_000);

  it('reminds the supervisor of an undecided checkpoint, then escalates to the owner', async () => {
    const cast = await seedCast(stack.db, ['en']);
    const handle = await startMentorship(
      stack.client,
      stack.taskQueue,
      cast.pair,
      fastPolicy({ checkpointEveryMs: 1_000, checkpointDecisionMs: 2_000 }),
    );
    await handle.executeUpdate(approveMentorshipUpdate, { args: [{ actor: cast.supervisor }] });
    await handle.executeUpdate(agreeKickoffUpdate, {
      args: [{ actor: cast.mentor, kickoff: { goals, baselines: { delegation: 2 }, facts } }],
    });
    await handle.executeUpdate(agreeKickoffUpdate, {
      args: [{ actor: cast.mentee, kickoff: { goals, baselines: {}, facts: [] } }],
    });
    await awaitMail(
      sink.received,
      cast.email(cast.pair.supervisorId),
      /Reminder: a supervision checkpoint awaits your decision/,
    );
    const escalation = await awaitMail(sink.received, cast.email(cast.pair.ownerId), /Needs your attention/);
    expect(escalation.text).toMatch(/checkpoint 1 is not decided/);
    // Still decidable after the escalation; the next checkpoint opens once it is.
    await handle.executeUpdate(decideCheckpointUpdate, {
      args: [
        {
          actor: cast.supervisor,
          checkpoint: 1,
          decision: 'request-changes',
          guidance: 'Bring one concrete case each time.',
        },
      ],
    });
    const changes = await awaitMail(sink.received, cast.email(cast.pair.mentorId), /asks for changes/);
    expect(changes.text).toContain('Bring one concrete case each time.');
    await handle.terminate();
  }, 30_000);

  it('opens an extra checkpoint at the owner’s request, with an invitation to the supervisor', async () => {
    const cast = await seedCast(stack.db, ['en']);
    const handle = await startMentorship(stack.client, stack.taskQueue, cast.pair, fastPolicy());
    expect(
      await codeOf(
        handle.executeUpdate(requestExtraCheckpointUpdate, {
          args: [{ actor: cast.owner, reason: 'no sessions lately' }],
        }),
      ),
    ).toBe('MENTORSHIP.WRONG_PHASE');
    await handle.executeUpdate(approveMentorshipUpdate, { args: [{ actor: cast.supervisor }] });
    await handle.executeUpdate(agreeKickoffUpdate, {
      args: [{ actor: cast.mentor, kickoff: { goals, baselines: { delegation: 2 }, facts } }],
    });
    await handle.executeUpdate(agreeKickoffUpdate, {
      args: [{ actor: cast.mentee, kickoff: { goals, baselines: {}, facts: [] } }],
    });
    expect(
      await codeOf(
        handle.executeUpdate(requestExtraCheckpointUpdate, { args: [{ actor: cast.supervisor, reason: 'x y z' }] }),
      ),
    ).toBe('MENTORSHIP.NOT_OWNER');
    const opened = await handle.executeUpdate(requestExtraCheckpointUpdate, {
      args: [{ actor: cast.owner, reason: 'no sessions lately' }],
    });
    expect(opened.checkpoints).toEqual([expect.objectContaining({ checkpoint: 1, decision: null })]);
    expect(
      await codeOf(
        handle.executeUpdate(requestExtraCheckpointUpdate, { args: [{ actor: cast.owner, reason: 'again' }] }),
      ),
    ).toBe('MENTORSHIP.CHECKPOINT_ALREADY_OPEN');
    const invitation = await awaitMail(sink.received, cast.email(cast.pair.supervisorId), /checkpoint 1/i);
    expect(invitation.ical).toContain('BEGIN:VEVENT');
    await handle.executeUpdate(decideCheckpointUpdate, {
      args: [{ actor: cast.supervisor, checkpoint: 1, decision: 'approve', guidance: null }],
    });
    await handle.terminate();
  }, 30_000);

  it('continues as new when Temporal suggests it, carrying all its state (threshold lowered to 60 events in tests)', async () => {
    const cast = await seedCast(stack.db);
    const handle = await startMentorship(stack.client, stack.taskQueue, cast.pair, fastPolicy());
    await handle.executeUpdate(approveMentorshipUpdate, { args: [{ actor: cast.supervisor }] });
    await handle.executeUpdate(agreeKickoffUpdate, {
      args: [{ actor: cast.mentor, kickoff: { goals, baselines: { delegation: 2 }, facts } }],
    });
    await handle.executeUpdate(agreeKickoffUpdate, {
      args: [{ actor: cast.mentee, kickoff: { goals, baselines: {}, facts: [] } }],
    });
    const firstRun = (await handle.describe()).runId;
    // Accepted by its validator, refused by its decision (a reason is too short): nothing applied.
    const refusedPause = {
      args: [{ actor: cast.owner, reason: 'x' }] as [PauseMentorshipInput],
      updateId: 'pause-refused',
    };
    const refusedFirst = await updateOutcome(handle.executeUpdate(pauseMentorshipUpdate, refusedPause));
    expect(refusedFirst).toMatchObject({ type: 'MENTORSHIP.INVALID' });
    for (let i = 0; i < 14; i++) {
      // Addressed by workflow id only: after a continue-as-new the update reaches the new run.
      await stack.client.workflow.getHandle(handle.workflowId).executeUpdate(logSessionUpdate, {
        args: [{ actor: cast.mentor, session: aSession(new Date()) }],
        updateId: `session-${i}`,
      });
    }
    const latest = stack.client.workflow.getHandle(handle.workflowId);
    await eventually(async () => (await latest.describe()).runId !== firstRun);
    const state = await latest.query(mentorshipStateQuery);
    expect(state).toMatchObject({ phase: 'ACTIVE', sessions: 14, goals, baselines: { delegation: 2 } });
    // The new run goes on deciding: the next session is stored after the last one's version.
    const after = await latest.executeUpdate(logSessionUpdate, {
      args: [{ actor: cast.mentor, session: aSession(new Date()) }],
    });
    expect(after.sessions).toBe(15);
    const [row] = await stack.db.query(`SELECT sessions, version, state FROM mentorships WHERE id = $1`, [
      cast.pair.mentorshipId,
    ]);
    expect(row).toEqual({ sessions: 15, version: after.version, state: after });
    // A row without a snapshot (written before the column existed) is rebuilt from its whole stream.
    await stack.db.query(`UPDATE mentorships SET state = NULL WHERE id = $1`, [cast.pair.mentorshipId]);
    const next = await latest.executeUpdate(submitPulseUpdate, { args: [{ actor: cast.mentee, survey }] });
    expect(
      (await stack.db.query(`SELECT state FROM mentorships WHERE id = $1`, [cast.pair.mentorshipId]))[0].state,
    ).toEqual(next);
    // Temporal deduplicates Update ids per run only; the workflow carries the ids it handled, so a
    // client retrying an Update of the first run is not applied again by the new one.
    const retried = await latest.executeUpdate(logSessionUpdate, {
      args: [{ actor: cast.mentor, session: aSession(new Date()) }],
      updateId: 'session-0',
    });
    expect(retried.sessions).toBe(15);
    // A refused Update is not a handled one: sent again to the new run, it is decided again and
    // refused again — never answered 200 with the state as if it had been applied.
    expect(await updateOutcome(latest.executeUpdate(pauseMentorshipUpdate, refusedPause))).toEqual(refusedFirst);
    expect((await latest.query(mentorshipStateQuery))?.phase).toBe('ACTIVE');
    await latest.terminate();
  }, 60_000);

  it('ends early with a rematch request that the program records once', async () => {
    const cast = await seedCast(stack.db);
    const { draft, handle: program } = await startProgram(
      stack.client,
      stack.taskQueue,
      aDraft({ ownerId: cast.pair.ownerId, sponsorId: 'sponsor-x' }),
    );
    const pair = { ...cast.pair, programId: draft.programId };
    const handle = await startMentorship(stack.client, stack.taskQueue, pair, fastPolicy());
    expect(
      await codeOf(
        handle.executeUpdate(terminateMentorshipUpdate, {
          args: [{ actor: cast.supervisor, reason: 'no fit', rematch: true }],
        }),
      ),
    ).toBe('MENTORSHIP.NOT_OWNER');
    const ended = await handle.executeUpdate(terminateMentorshipUpdate, {
      args: [{ actor: cast.owner, reason: 'the mentor moved abroad', rematch: true }],
    });
    expect(ended.phase).toBe('TERMINATED');
    expect(await handle.result()).toMatchObject({ phase: 'TERMINATED' });
    const requests = await eventually(async () => (await program.query(programStateQuery))?.rematchRequests);
    expect(requests).toEqual([
      expect.objectContaining({
        mentorshipId: pair.mentorshipId,
        menteeId: pair.menteeId,
        reason: 'the mentor moved abroad',
        requestedBy: pair.ownerId,
      }),
    ]);
    await awaitMail(sink.received, cast.email(cast.pair.menteeId), /has ended|a pris fin/);
    await program.terminate();
  }, 30_000);
});
