import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { existsSync, writeFileSync } from 'node:fs';
import {
  agreeKickoffUpdate,
  approveMentorshipUpdate,
  decideCheckpointUpdate,
  logSessionUpdate,
  mentorshipStateQuery,
  pauseMentorshipUpdate,
  resumeMentorshipUpdate,
  submitPulseUpdate,
  submitReviewUpdate,
  terminateMentorshipUpdate,
} from '../../libs/contracts/src/index.js';
import { appendToStream, projectMentorshipEvents } from '../../libs/persistence/src/index.js';
import { eventually, useWorkerStack } from '../support/services.js';
import { aSession, facts, fastPolicy, goals, seedCast, startMentorship, survey } from '../support/mentorships.js';
import { HISTORY_FILES } from './histories.js';

/** `npm run record-histories`: MentorshipWorkflow reference scenarios (see program-workflow.record.ts). */
const stack = useWorkerStack('record-mentorship', { beforeAll, afterAll });

function writeIfAbsent(file: string, json: string): void {
  if (existsSync(file)) {
    process.stderr.write(`kept ${file} (delete it to record it again)\n`);
    return;
  }
  writeFileSync(file, json + '\n');
}

describe('record MentorshipWorkflow histories', () => {
  it('records: approval, kickoff with case consent, session, pulse, checkpoint, midterm, final reviews, CLOSED with ROI', async () => {
    const cast = await seedCast(stack.db);
    const handle = await startMentorship(
      stack.client,
      stack.taskQueue,
      cast.pair,
      fastPolicy({ checkpointEveryMs: 2_000, midtermAfterMs: 4_000, endAfterMs: 7_000 }),
    );
    const phase = async () => (await handle.query(mentorshipStateQuery))?.phase;
    await handle.executeUpdate(approveMentorshipUpdate, { args: [{ actor: cast.supervisor }] });
    await handle.executeUpdate(agreeKickoffUpdate, {
      args: [{ actor: cast.mentor, kickoff: { goals, baselines: { delegation: 2 }, facts, caseConsent: 'granted' } }],
    });
    await handle.executeUpdate(agreeKickoffUpdate, {
      args: [{ actor: cast.mentee, kickoff: { goals, baselines: {}, facts: [], caseConsent: 'refused' } }],
    });
    await handle.executeUpdate(logSessionUpdate, { args: [{ actor: cast.mentor, session: aSession(new Date()) }] });
    await handle.executeUpdate(submitPulseUpdate, { args: [{ actor: cast.mentee, survey }] });
    await eventually(async () => (await handle.query(mentorshipStateQuery))?.checkpoints.length === 1);
    await handle.executeUpdate(decideCheckpointUpdate, {
      args: [{ actor: cast.supervisor, checkpoint: 1, decision: 'approve', guidance: null }],
    });
    await eventually(async () => (await phase()) === 'MIDTERM_REVIEW');
    await handle.executeUpdate(submitReviewUpdate, {
      args: [{ actor: cast.mentor, stage: 'midterm', review: { survey, levels: { delegation: 3 }, factsAfter: {} } }],
    });
    await handle.executeUpdate(submitReviewUpdate, {
      args: [{ actor: cast.mentee, stage: 'midterm', review: { survey, levels: {}, factsAfter: {} } }],
    });
    await eventually(async () => (await phase()) === 'FINAL_EVALUATION', 20_000);
    await handle.executeUpdate(submitReviewUpdate, {
      args: [
        {
          actor: cast.mentor,
          stage: 'final',
          review: { survey, levels: { delegation: 4 }, factsAfter: { 'Team turnover (12 months)': 12 } },
        },
      ],
    });
    await handle.executeUpdate(submitReviewUpdate, {
      args: [{ actor: cast.mentee, stage: 'final', review: { survey, levels: {}, factsAfter: {} } }],
    });
    expect(await handle.result()).toMatchObject({ phase: 'CLOSED' });
    writeIfAbsent(HISTORY_FILES.mentorshipClosedWithRoi, historyToJSON(await handle.fetchHistory()));
  }, 60_000);

  it('records: approval reminder and escalation, kickoff, session reminder, pause, resume, terminated with rematch', async () => {
    const cast = await seedCast(stack.db);
    const handle = await startMentorship(
      stack.client,
      stack.taskQueue,
      cast.pair,
      fastPolicy({ responseMs: 700, sessionEveryMs: 1_500, reminderLeadMs: 500 }),
    );
    await eventually(async () => (await handle.query(mentorshipStateQuery))?.escalations === 1);
    await handle.executeUpdate(approveMentorshipUpdate, { args: [{ actor: cast.supervisor }] });
    await handle.executeUpdate(agreeKickoffUpdate, {
      args: [{ actor: cast.mentor, kickoff: { goals, baselines: { delegation: 2 }, facts } }],
    });
    await handle.executeUpdate(agreeKickoffUpdate, {
      args: [{ actor: cast.mentee, kickoff: { goals, baselines: {}, facts: [] } }],
    });
    await eventually(async () => (await handle.query(mentorshipStateQuery))?.remindersSent === 2);
    await handle.executeUpdate(pauseMentorshipUpdate, { args: [{ actor: cast.owner, reason: 'parental leave' }] });
    await handle.executeUpdate(resumeMentorshipUpdate, { args: [{ actor: cast.owner }] });
    await handle.executeUpdate(terminateMentorshipUpdate, {
      args: [{ actor: cast.owner, reason: 'the mentor moved abroad', rematch: true }],
    });
    expect(await handle.result()).toMatchObject({ phase: 'TERMINATED' });
    writeIfAbsent(HISTORY_FILES.mentorshipRemindedThenTerminated, historyToJSON(await handle.fetchHistory()));
  }, 60_000);

  it('records: catching up with facts a lost attempt stored (its own Update answered from the log), then terminated', async () => {
    const cast = await seedCast(stack.db);
    const handle = await startMentorship(stack.client, stack.taskQueue, cast.pair, fastPolicy());
    await handle.executeUpdate(approveMentorshipUpdate, { args: [{ actor: cast.supervisor }] });
    await handle.executeUpdate(agreeKickoffUpdate, {
      args: [{ actor: cast.mentor, kickoff: { goals, baselines: { delegation: 2 }, facts, caseConsent: 'granted' } }],
    });
    const active = await handle.executeUpdate(agreeKickoffUpdate, {
      args: [{ actor: cast.mentee, kickoff: { goals, baselines: {}, facts: [], caseConsent: 'refused' } }],
    });
    const streamId = `mentorship:${cast.pair.mentorshipId}`;
    const lost = aSession(new Date());
    await appendToStream(
      stack.db,
      {
        streamId,
        expectedVersion: active.version,
        causationId: 'lost-update',
        events: [{ type: 'SessionLogged', at: new Date().toISOString(), actorId: cast.mentor.personId, data: lost }],
      },
      projectMentorshipEvents,
    );
    await handle.executeUpdate(logSessionUpdate, {
      args: [{ actor: cast.mentor, session: lost }],
      updateId: 'lost-update',
    });
    await handle.executeUpdate(submitPulseUpdate, { args: [{ actor: cast.mentee, survey }] });
    await handle.executeUpdate(terminateMentorshipUpdate, {
      args: [{ actor: cast.owner, reason: 'the mentee left the company', rematch: false }],
    });
    expect(await handle.result()).toMatchObject({ phase: 'TERMINATED' });
    writeIfAbsent(HISTORY_FILES.mentorshipCaughtUpWithTheLog, historyToJSON(await handle.fetchHistory()));
  }, 60_000);
});
