import { WorkflowUpdateFailedError } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DEFAULT_ECONOMICS, type Actor, type MentorshipPolicy } from '../libs/domain/src/index.js';
import {
  agreeKickoffUpdate,
  approveMentorshipUpdate,
  decideCheckpointUpdate,
  logSessionUpdate,
  mentorshipReadyUpdate,
  mentorshipStateQuery,
  mentorshipWorkflowId,
  submitPulseUpdate,
  submitReviewUpdate,
} from '../libs/contracts/src/index.js';
import type { mentorshipWorkflow } from '../libs/workflows/src/index.js';
import type { BenchRow } from './report.js';
import { runsOf, timeReplay, withBenchStack } from './bench-stack.js';
import { weeklySession } from './throughput.bench.js';

/**
 * Two simulated years of a mentorship with a weekly session cadence, on a dev server with Temporal's
 * default limits: a "week" lasts WEEK_MS of real time and every duration of the policy scales with
 * it. The people act as they would (a session and a pulse each week, each checkpoint decided, both
 * reviews answered). Reports the runs, the largest run's events and bytes against Temporal's
 * warning thresholds (10,240 events, 10 MB), and the replay time of the largest history.
 */
export async function benchMentorshipHistory(weekMs = 400, weeks = 104): Promise<BenchRow[]> {
  const day = weekMs / 7;
  const policy: MentorshipPolicy = {
    sessionEveryMs: weekMs,
    reminderLeadMs: 2 * day,
    escalationDelayMs: 3 * day,
    checkpointEveryMs: 6 * weekMs,
    checkpointDecisionMs: 5 * day,
    responseMs: 5 * day,
    midtermAfterMs: (weeks / 2) * weekMs,
    endAfterMs: weeks * weekMs,
  };
  return withBenchStack('history', async ({ db, client, taskQueue }) => {
    const ids = { mentee: 'h-mentee', mentor: 'h-mentor', supervisor: 'h-sup', owner: 'h-owner' };
    for (const id of Object.values(ids)) {
      await db.query(
        `INSERT INTO people (id, display_name, email, department, job_level, management_years, team_size, languages, time_zone, status, mentor_pool)
         VALUES ($1, $1, $2, 'Ops', 'M2', 5, 5, '{en}', 'Europe/Paris', 'active', true)`,
        [id, `${id}@example.test`],
      );
    }
    const actor = (personId: string, role: Actor['roles'][number]): Actor => ({ personId, roles: [role] });
    const [mentee, mentor, supervisor] = [
      actor(ids.mentee, 'mentee'),
      actor(ids.mentor, 'mentor'),
      actor(ids.supervisor, 'supervisor'),
    ];
    const pair = {
      mentorshipId: randomUUID(),
      programId: randomUUID(),
      menteeId: ids.mentee,
      mentorId: ids.mentor,
      supervisorId: ids.supervisor,
      ownerId: ids.owner,
    };
    const started = await client.workflow.start<typeof mentorshipWorkflow>('mentorshipWorkflow', {
      workflowId: mentorshipWorkflowId(pair.mentorshipId),
      taskQueue,
      args: [{ pair, createdBy: ids.owner, policy, economics: DEFAULT_ECONOMICS }],
    });
    const h = client.workflow.getHandle<typeof mentorshipWorkflow>(started.workflowId);
    await h.executeUpdate(mentorshipReadyUpdate);
    const goals = [{ competencyKey: 'delegation', targetLevel: 4 }];
    const facts = [
      { name: 'Team turnover', unit: '%', source: 'HR', value: 18, lowerIsBetter: true, valuePerUnit: null },
    ];
    const survey = { scores: { challenge: 4, guidedExperience: 4, trust: 4, practiceChange: 4 }, comment: null };
    await h.executeUpdate(approveMentorshipUpdate, { args: [{ actor: supervisor }] });
    await h.executeUpdate(agreeKickoffUpdate, {
      args: [{ actor: mentor, kickoff: { goals, baselines: { delegation: 2 }, facts } }],
    });
    await h.executeUpdate(agreeKickoffUpdate, {
      args: [{ actor: mentee, kickoff: { goals, baselines: {}, facts: [] } }],
    });
    const review = { survey, levels: { delegation: 3 }, factsAfter: { 'Team turnover': 14 } };
    // People act on what they last saw; the clock may have moved on (a phase change): such a
    // refusal is an ordinary answer, counted and retried on the next look.
    let refused = 0;
    const act = async (run: () => Promise<unknown>) => {
      try {
        await run();
      } catch (e) {
        if (!(e instanceof WorkflowUpdateFailedError)) throw e;
        refused++;
        if (refused > 50) throw new Error(`too many refusals; last: ${String(e.cause?.message)}`, { cause: e });
      }
    };
    const t0 = performance.now();
    for (;;) {
      const s = (await h.query(mentorshipStateQuery))!;
      if (s.phase === 'CLOSED') break;
      if (s.phase === 'MIDTERM_REVIEW' || s.phase === 'FINAL_EVALUATION') {
        const stage = s.phase === 'MIDTERM_REVIEW' ? 'midterm' : 'final';
        for (const [who, key] of [
          [mentor, 'mentor'],
          [mentee, 'mentee'],
        ] as const) {
          if (!s.reviews[stage][key])
            await act(() => h.executeUpdate(submitReviewUpdate, { args: [{ actor: who, stage, review }] }));
        }
        continue;
      }
      const open = s.checkpoints.find((c) => c.decision === null);
      if (open)
        await act(() =>
          h.executeUpdate(decideCheckpointUpdate, {
            args: [{ actor: supervisor, checkpoint: open.checkpoint, decision: 'approve', guidance: null }],
          }),
        );
      const sinceLast = Date.now() - Date.parse(s.cadenceFrom ?? s.phaseSince);
      if (s.phase === 'ACTIVE' && sinceLast >= weekMs * 0.8) {
        await act(() => h.executeUpdate(logSessionUpdate, { args: [{ actor: mentor, session: weeklySession() }] }));
        await act(() => h.executeUpdate(submitPulseUpdate, { args: [{ actor: mentee, survey }] }));
      }
      await new Promise((r) => setTimeout(r, weekMs / 8));
    }
    const simulated = performance.now() - t0;

    const runs = await runsOf(client, started.workflowId, started.firstExecutionRunId);
    const largest = runs.reduce((a, b) => (b.events > a.events ? b : a));
    const { bundleMs, replayMs } = await timeReplay(largest.history, started.workflowId);
    const final = (await h.query(mentorshipStateQuery))!;
    return [
      {
        name: `weeks simulated (1 week = ${weekMs} ms of real time; took ${(simulated / 1000).toFixed(0)} s)`,
        value: weeks,
        unit: '',
      },
      {
        name: 'sessions logged / checkpoints decided',
        value: final.sessions,
        unit: `/ ${final.checkpoints.filter((c) => c.decision).length}`,
      },
      { name: 'runs (continue-as-new + 1)', value: runs.length, unit: '' },
      { name: 'actions refused because the clock had moved on (retried)', value: refused, unit: '' },
      { name: 'events in all runs', value: runs.reduce((n, r) => n + r.events, 0), unit: 'events' },
      { name: 'largest run: events (warning threshold 10,240)', value: largest.events, unit: 'events' },
      { name: 'largest run: size (warning threshold 10 MB)', value: largest.bytes / 1024, unit: 'KiB' },
      { name: 'replay of the largest run (workflow code bundled beforehand)', value: replayMs, unit: 'ms' },
      { name: 'bundling the workflow code for the replay (once)', value: bundleMs, unit: 'ms' },
    ];
  });
}
