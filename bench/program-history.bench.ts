import { WorkflowUpdateFailedError } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Actor } from '../libs/domain/src/index.js';
import {
  approveLaunchUpdate,
  approveMatchingProposalUpdate,
  decideReviewUpdate,
  enrolParticipantUpdate,
  planMentorshipUpdate,
  programReadyUpdate,
  programStateQuery,
  programWorkflowId,
  recordTrainingUpdate,
  requestMatchingProposalUpdate,
  startExecutionUpdate,
} from '../libs/contracts/src/index.js';
import type { programWorkflow } from '../libs/workflows/src/index.js';
import { runsOf, timeReplay, withBenchStack } from './bench-stack.js';
import type { BenchRow } from './report.js';

const until = async (check: () => Promise<boolean>, what: string, timeoutMs = 60_000) => {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

/**
 * Two simulated years of a program in EXECUTION with quarterly re-alignment reviews and `pairs`
 * mentorships, on a dev server with default limits. A "week" is `weekMs` of real time. The owner
 * decides most reviews at once, lets one in three wait for the reminder, and one in four go
 * unanswered until the sponsor is told; adjustments alternate with keeps. Reports the runs and
 * the largest run against Temporal's warning thresholds, and its replay time.
 */
export async function benchProgramHistory(weekMs = 400, weeks = 104, pairs = 20): Promise<BenchRow[]> {
  return withBenchStack('program-history', async ({ db, client, taskQueue }) => {
    const mentees = Array.from({ length: pairs }, (_, i) => `ph-mentee-${i}`);
    const mentors = Array.from({ length: Math.ceil(pairs / 2) }, (_, i) => `ph-mentor-${i}`);
    const supervisor = 'ph-sup';
    for (const [id, years] of [
      ...mentees.map((m) => [m, 1] as const),
      ...mentors.map((m) => [m, 15] as const),
      [supervisor, 20] as const,
    ]) {
      await db.query(
        `INSERT INTO people (id, display_name, email, department, job_level, management_years, team_size, languages, time_zone, status, mentor_pool)
         VALUES ($1, $1, $2, 'Ops', 'M2', $3, 5, '{en}', 'Europe/Paris', 'active', true)`,
        [id, `${id}@example.test`, years],
      );
    }
    const model: Array<{ id: string }> = await db.query(
      `SELECT id FROM competency_models WHERE key = 'managerial-core' AND version = 1`,
    );
    for (const [person, level] of [...mentees.map((m) => [m, 1] as const), ...mentors.map((m) => [m, 5] as const)]) {
      await db.query(
        `INSERT INTO assessments (person_id, model_id, competency_key, level, source, context, assessor_id, assessed_at) VALUES ($1, $2, 'delegation', $3, '360', 'baseline', $1, now())`,
        [person, model[0].id, level],
      );
    }
    const owner: Actor = { personId: 'ph-owner', roles: ['owner'] };
    const programId = randomUUID();
    const quarter = 13 * weekMs;
    const decisionMs = weekMs;
    const objectives = (target: number) => [
      { title: 'Retain first-line managers', kpis: [{ name: 'turnover', unit: '%', baseline: 18, target }] },
    ];
    const h = await client.workflow.start<typeof programWorkflow>('programWorkflow', {
      workflowId: programWorkflowId(programId),
      taskQueue,
      args: [
        {
          draft: {
            programId,
            name: 'Two-year program',
            ownerId: owner.personId,
            sponsorId: 'ph-sponsor',
            objectives: objectives(12),
          },
          createdBy: owner.personId,
          timings: {
            launchApprovalReminderAfterMs: 3_600_000,
            launchApprovalMaxReminders: 1,
            reviewEveryMs: quarter,
            reviewDecisionMs: decisionMs,
          },
        },
      ],
    });
    await h.executeUpdate(programReadyUpdate);
    await h.executeUpdate(approveLaunchUpdate, {
      args: [{ actor: { personId: 'ph-sponsor', roles: ['sponsor'] }, comment: null }],
    });
    const enrol = async (personId: string, role: 'mentee' | 'mentor' | 'supervisor') =>
      h.executeUpdate(enrolParticipantUpdate, {
        args: [
          {
            actor: owner,
            participant: { personId, role, capacity: role === 'mentor' ? 2 : null, goals: [], wishes: [] },
          },
        ],
      });
    for (const m of mentees) await enrol(m, 'mentee');
    for (const m of mentors) await enrol(m, 'mentor');
    await enrol(supervisor, 'supervisor');
    await h.executeUpdate(requestMatchingProposalUpdate, {
      args: [
        {
          actor: owner,
          options: {
            weights: {},
            excludeSameDepartment: false,
            maxTimeZoneHours: null,
            objective: 'total',
            loadBalance: 0,
          },
        },
      ],
    });
    await until(
      async () => (await h.query(programStateQuery))?.matching?.proposals[0]?.status === 'READY',
      'the proposal',
    );
    await h.executeUpdate(approveMatchingProposalUpdate, { args: [{ actor: owner, version: 1 }] });
    let planned = 0;
    for (const menteeId of mentees) {
      try {
        await h.executeUpdate(planMentorshipUpdate, {
          args: [{ actor: owner, mentorshipId: randomUUID(), menteeId, supervisorId: supervisor }],
        });
        planned++;
      } catch (e) {
        if (!(e instanceof WorkflowUpdateFailedError)) throw e;
      }
    }
    await h.executeUpdate(recordTrainingUpdate, {
      args: [
        {
          actor: owner,
          session: {
            sessionId: 'ph-training',
            audience: 'mentors',
            title: 'Mentoring 101',
            heldAt: new Date().toISOString(),
            materials: [],
            attendees: mentors,
          },
        },
      ],
    });
    await h.executeUpdate(startExecutionUpdate, { args: [{ actor: owner }] });
    const t0 = performance.now();
    const reviewsToRun = Math.floor(weeks / 13);
    let decided = 0;
    let escalated = 0;
    for (let review = 1; review <= reviewsToRun; review++) {
      await until(
        async () => ((await h.query(programStateQuery))?.reviews ?? []).some((r) => r.review === review),
        `review ${review}`,
        2 * quarter + 30_000,
      );
      if (review % 4 === 0) {
        await until(
          async () =>
            Boolean((await h.query(programStateQuery))?.reviews?.find((r) => r.review === review)?.escalatedAt),
          `escalation of review ${review}`,
        );
        escalated++;
      } else if (review % 3 === 0) {
        await until(
          async () =>
            Boolean((await h.query(programStateQuery))?.reviews?.find((r) => r.review === review)?.remindedAt),
          `reminder of review ${review}`,
        );
      }
      const decision =
        review % 2 === 0
          ? {
              decision: 'adjust' as const,
              notes: `Quarter ${review}: raise the bar`,
              objectives: objectives(12 - review / 4),
            }
          : { decision: 'keep' as const, notes: `Quarter ${review}: on course` };
      await h.executeUpdate(decideReviewUpdate, { args: [{ actor: owner, review, decision }] });
      decided++;
    }
    const simulated = performance.now() - t0;
    const runs = await runsOf(client, h.workflowId, h.firstExecutionRunId);
    const largest = runs.reduce((a, b) => (b.events > a.events ? b : a));
    const { bundleMs, replayMs } = await timeReplay(largest.history, h.workflowId);
    return [
      {
        name: `weeks simulated (1 week = ${weekMs} ms of real time; took ${(simulated / 1000).toFixed(0)} s)`,
        value: weeks,
        unit: '',
      },
      { name: 'mentorships started by the program', value: planned, unit: '' },
      { name: 'quarterly reviews decided / escalated to the sponsor first', value: decided, unit: `/ ${escalated}` },
      { name: 'runs (continue-as-new + 1)', value: runs.length, unit: '' },
      { name: 'events in all runs', value: runs.reduce((n, r) => n + r.events, 0), unit: 'events' },
      { name: 'largest run: events (warning threshold 10,240)', value: largest.events, unit: 'events' },
      { name: 'largest run: size (warning threshold 10 MB)', value: largest.bytes / 1024, unit: 'KiB' },
      { name: 'replay of the largest run (workflow code bundled beforehand)', value: replayMs, unit: 'ms' },
      { name: 'bundling the workflow code for the replay (once)', value: bundleMs, unit: 'ms' },
    ];
  });
}
