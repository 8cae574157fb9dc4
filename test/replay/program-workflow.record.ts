import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { existsSync, writeFileSync } from 'node:fs';
import {
  approveLaunchUpdate,
  approveMatchingProposalUpdate,
  decideMatchingPairUpdate,
  enrolParticipantUpdate,
  programStateQuery,
  requestMatchingProposalUpdate,
  planMentorshipUpdate,
  recordTrainingUpdate,
  startExecutionUpdate,
  decideReviewUpdate,
  editTrainingPlanUpdate,
  proposeTrainingPlanUpdate,
} from '../../libs/contracts/src/index.js';
import { eventually, useWorkerStack } from '../support/services.js';
import { quietTimings, startProgram } from '../support/programs.js';
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { programWorkflow } from '../../libs/workflows/src/index.js';
import { HISTORY_FILES } from './histories.js';

/**
 * `npm run record-histories`: runs the reference scenarios on a real server and writes their
 * histories under test/histories/. Commit them; the replay test then guards every later change.
 */
const stack = useWorkerStack('record', { beforeAll, afterAll });

/**
 * A recorded history stands for workflows started by the code of its day; it is never replaced, so
 * that every later version must still replay it. Delete a file on purpose to record it again.
 */
function writeIfAbsent(file: string, json: string): void {
  if (existsSync(file)) {
    process.stderr.write(`kept ${file} (delete it to record it again)\n`);
    return;
  }
  writeFileSync(file, json + '\n');
}

const owner = { personId: 'owner-1', roles: ['owner' as const] };
const options = {
  weights: {},
  excludeSameDepartment: false,
  maxTimeZoneHours: null,
  objective: 'total' as const,
  loadBalance: 0,
};
const PAIRS = [
  ['rec-mentee-1', 'mentee'],
  ['rec-mentee-2', 'mentee'],
  ['rec-mentor-1', 'mentor'],
  ['rec-mentor-2', 'mentor'],
] as const;

/** The sponsor approves, the owner enrols the people (mentors with capacity 1) and the first proposal is solved. */
async function approveEnrolAndPropose(
  handle: WorkflowHandle<typeof programWorkflow>,
  people: Array<readonly [string, 'mentee' | 'mentor' | 'supervisor']>,
): Promise<void> {
  await handle.executeUpdate(approveLaunchUpdate, {
    args: [{ actor: { personId: 'sponsor-1', roles: ['sponsor'] }, comment: null }],
  });
  for (const [personId, role] of people) {
    await handle.executeUpdate(enrolParticipantUpdate, {
      args: [
        {
          actor: owner,
          participant: { personId, role, capacity: role === 'mentor' ? 1 : null, goals: [], wishes: [] },
        },
      ],
    });
  }
  await handle.executeUpdate(requestMatchingProposalUpdate, { args: [{ actor: owner, options }] });
  await eventually(async () => (await handle.query(programStateQuery))?.matching?.proposals[0]?.status === 'READY');
}

describe('record ProgramWorkflow histories', () => {
  it('records: created, one reminder, approved by the sponsor', async () => {
    const { handle } = await startProgram(stack.client, stack.taskQueue, undefined, {
      launchApprovalReminderAfterMs: 1000,
      launchApprovalMaxReminders: 1,
    });
    await eventually(async () => (await handle.query(programStateQuery))?.launchRemindersSent === 1);
    await handle.executeUpdate(approveLaunchUpdate, {
      args: [{ actor: { personId: 'sponsor-1', roles: ['sponsor'] }, comment: 'recorded' }],
    });
    const history = await handle.fetchHistory();
    expect(history.events?.length).toBeGreaterThan(10);
    writeIfAbsent(HISTORY_FILES.programApprovedAfterReminder, historyToJSON(history));
  });

  it('records: approved, enrolment, a ban, two proposals, approval of the second, TRAINING', async () => {
    await stack.db.query(`
      INSERT INTO people (id, display_name, email, department, job_level, management_years, team_size, languages, time_zone, hire_date) VALUES
        ('rec-mentee-1', 'Mentee One', 'm1@example.com', 'Ops', 'M1', 1, 5, '{fr,en}', 'Europe/Paris', '2022-01-01'),
        ('rec-mentee-2', 'Mentee Two', 'm2@example.com', 'Sales', 'M1', 2, 5, '{en}', 'Europe/London', '2021-01-01'),
        ('rec-mentor-1', 'Mentor One', 'r1@example.com', 'Finance', 'M3', 12, 30, '{fr,en}', 'Europe/Paris', '2005-01-01'),
        ('rec-mentor-2', 'Mentor Two', 'r2@example.com', 'Care', 'M3', 15, 30, '{en}', 'Europe/London', '2003-01-01')`);
    const model: Array<{ id: string }> = await stack.db.query(
      `SELECT id FROM competency_models WHERE key = 'managerial-core' AND version = 1`,
    );
    for (const [person, key, level] of [
      ['rec-mentee-1', 'delegation', 1],
      ['rec-mentee-2', 'feedback', 2],
      ['rec-mentor-1', 'delegation', 5],
      ['rec-mentor-2', 'feedback', 5],
    ] as const) {
      await stack.db.query(
        `INSERT INTO assessments (person_id, model_id, competency_key, level, source, context, assessor_id, assessed_at) VALUES ($1, $2, $3, $4, '360', 'baseline', $1, now())`,
        [person, model[0].id, key, level],
      );
    }
    const { handle } = await startProgram(stack.client, stack.taskQueue);
    await approveEnrolAndPropose(handle, [...PAIRS]);
    await handle.executeUpdate(decideMatchingPairUpdate, {
      args: [{ actor: owner, decision: 'ban', menteeId: 'rec-mentee-1', mentorId: 'rec-mentor-2', reason: 'recorded' }],
    });
    await handle.executeUpdate(requestMatchingProposalUpdate, { args: [{ actor: owner, options }] });
    await eventually(async () => (await handle.query(programStateQuery))?.matching?.proposals[1]?.status === 'READY');
    const state = await handle.executeUpdate(approveMatchingProposalUpdate, { args: [{ actor: owner, version: 2 }] });
    expect(state.phase).toBe('TRAINING');
    // The test server suggests continue-as-new at 60 events, so this scenario spans two runs: the
    // first run's history (ending in ContinuedAsNew) is the one with the whole matching flow.
    const firstRun = stack.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId);
    writeIfAbsent(HISTORY_FILES.programMatchedToTraining, historyToJSON(await firstRun.fetchHistory()));
  });

  it('records: TRAINING with a training session, two planned mentorships, EXECUTION starting the trained mentor’s one, a review decided, one escalated', async () => {
    await stack.db.query(`
      INSERT INTO people (id, display_name, email, department, job_level, management_years, team_size, languages, time_zone, hire_date) VALUES
        ('rec-sup', 'Supervisor', 's@example.com', 'Board', 'M3', 20, 3, '{fr,en}', 'Europe/Paris', '2001-01-01')
      ON CONFLICT (id) DO NOTHING`);
    const { handle } = await startProgram(stack.client, stack.taskQueue, undefined, {
      ...quietTimings,
      reviewEveryMs: 2_000,
      reviewDecisionMs: 700,
    });
    await approveEnrolAndPropose(handle, [...PAIRS, ['rec-sup', 'supervisor']]);
    await handle.executeUpdate(approveMatchingProposalUpdate, { args: [{ actor: owner, version: 1 }] });
    const latest = stack.client.workflow.getHandle(handle.workflowId);
    for (const menteeId of ['rec-mentee-1', 'rec-mentee-2']) {
      await latest.executeUpdate(planMentorshipUpdate, {
        args: [{ actor: owner, mentorshipId: randomUUID(), menteeId, supervisorId: 'rec-sup' }],
      });
    }
    // The training plan (v5): proposed, edited, and the session recorded against its item by its trainer.
    const item = {
      competencyKey: 'delegation',
      title: 'Delegation: cases from earlier mentorships',
      audience: 'mentors' as const,
      menteesTargeting: 2,
      meanGap: 1,
      mentorsAbleToCover: ['rec-mentor-1'],
      trainerIds: ['rec-sup'],
      caseIds: [],
    };
    await latest.executeUpdate(proposeTrainingPlanUpdate, {
      args: [
        {
          actor: owner,
          plan: {
            cycle: 1,
            minClosedMentorships: 2,
            eligibleTrainers: [{ personId: 'rec-sup', reason: 'supervisor', closedMentorships: 0 }],
            items: [item],
            cases: [],
          },
        },
      ],
    });
    await latest.executeUpdate(editTrainingPlanUpdate, {
      args: [
        {
          actor: owner,
          items: [{ ...item, title: 'Letting go' }].map(({ competencyKey, title, audience, trainerIds, caseIds }) => ({
            competencyKey,
            title,
            audience,
            trainerIds,
            caseIds,
          })),
        },
      ],
    });
    await latest.executeUpdate(recordTrainingUpdate, {
      args: [
        {
          actor: owner,
          session: {
            sessionId: 'rec-training-1',
            audience: 'mentors',
            title: 'Mentoring 101',
            heldAt: new Date().toISOString(),
            materials: [],
            attendees: ['rec-mentor-1'],
            planItem: 'delegation',
            trainerIds: ['rec-sup'],
          },
        },
      ],
    });
    await latest.executeUpdate(startExecutionUpdate, { args: [{ actor: owner }] });
    await eventually(
      async () =>
        (await latest.query(programStateQuery))?.execution?.mentorships.filter((m) => m.startedAt).length === 1,
    );
    await eventually(async () => (await latest.query(programStateQuery))?.reviews?.length === 1);
    await latest.executeUpdate(decideReviewUpdate, {
      args: [{ actor: owner, review: 1, decision: { decision: 'keep', notes: 'recorded' } }],
    });
    await eventually(async () => Boolean((await latest.query(programStateQuery))?.reviews?.[1]?.escalatedAt), 15_000);
    // The test server continues as new every 60 events: keep the run that started the child workflow.
    let runId: string | null | undefined = handle.firstExecutionRunId;
    while (runId) {
      const history = await stack.client.workflow.getHandle(handle.workflowId, runId).fetchHistory();
      if (history.events?.some((e) => e.startChildWorkflowExecutionInitiatedEventAttributes)) {
        writeIfAbsent(HISTORY_FILES.programTrainingExecutionReviews, historyToJSON(history));
        return;
      }
      runId = history.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId;
    }
    throw new Error('no run started the child workflow');
  }, 60_000);
});
