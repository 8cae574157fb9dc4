import { randomUUID } from 'node:crypto';
import type { Client, WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import {
  DEFAULT_ECONOMICS,
  type Actor,
  type MentorshipPair,
  type MentorshipPolicy,
} from '../../libs/domain/src/index.js';
import {
  agreeKickoffUpdate,
  approveMentorshipUpdate,
  mentorshipReadyUpdate,
  mentorshipWorkflowId,
} from '../../libs/contracts/src/index.js';
import type { mentorshipWorkflow } from '../../libs/workflows/src/index.js';

/** Second-scale cadences: the same workflow code as the defaults' days and months. */
export const fastPolicy = (over: Partial<MentorshipPolicy> = {}): MentorshipPolicy => ({
  sessionEveryMs: 60_000,
  reminderLeadMs: 10_000,
  escalationDelayMs: 60_000,
  checkpointEveryMs: 600_000,
  checkpointDecisionMs: 60_000,
  responseMs: 60_000,
  midtermAfterMs: 1_200_000,
  endAfterMs: 2_400_000,
  ...over,
});

/**
 * Terms for a cycle run to its end in a test: midterm 4 s and the end 9 s into ACTIVE, nothing else
 * (checkpoints, reminders, escalations) due while the test runs.
 */
export const toTheEndInSeconds = () => ({
  policy: fastPolicy({
    midtermAfterMs: 4_000,
    endAfterMs: 9_000,
    checkpointEveryMs: 600_000,
    responseMs: 600_000,
    sessionEveryMs: 600_000,
    escalationDelayMs: 600_000,
  }),
  economics: DEFAULT_ECONOMICS,
});

export interface Cast {
  pair: MentorshipPair;
  mentee: Actor;
  mentor: Actor;
  supervisor: Actor;
  owner: Actor;
  email: (personId: string) => string;
}

/** Four people in the directory (the mentee's language first decides the language of her mail). */
export async function seedCast(db: DataSource, menteeLanguages: string[] = ['fr', 'en']): Promise<Cast> {
  const tag = randomUUID().slice(0, 8);
  const ids = { mentee: `zoe-${tag}`, mentor: `eloise-${tag}`, supervisor: `paul-${tag}`, owner: `claire-${tag}` };
  const email = (id: string) => `${id}@example.test`;
  for (const [role, id] of Object.entries(ids)) {
    await db.query(
      `INSERT INTO people (id, display_name, email, department, manager_id, job_level, management_years, team_size, languages, time_zone, status, mentor_pool)
       VALUES ($1, $2, $3, 'Operations', NULL, 'M2', 5, 6, $4, 'Europe/Paris', 'active', true)`,
      [id, `${role[0].toUpperCase()}${role.slice(1)} ${tag}`, email(id), role === 'mentee' ? menteeLanguages : ['en']],
    );
  }
  const pair: MentorshipPair = {
    mentorshipId: randomUUID(),
    programId: randomUUID(),
    menteeId: ids.mentee,
    mentorId: ids.mentor,
    supervisorId: ids.supervisor,
    ownerId: ids.owner,
  };
  return {
    pair,
    mentee: { personId: ids.mentee, roles: ['mentee'] },
    mentor: { personId: ids.mentor, roles: ['mentor'] },
    supervisor: { personId: ids.supervisor, roles: ['supervisor'] },
    owner: { personId: ids.owner, roles: ['owner'] },
    email,
  };
}

export async function startMentorship(
  client: Client,
  taskQueue: string,
  pair: MentorshipPair,
  policy: MentorshipPolicy,
): Promise<WorkflowHandleWithFirstExecutionRunId<typeof mentorshipWorkflow>> {
  const handle = await client.workflow.start<typeof mentorshipWorkflow>('mentorshipWorkflow', {
    workflowId: mentorshipWorkflowId(pair.mentorshipId),
    taskQueue,
    args: [{ pair, createdBy: pair.ownerId, policy, economics: DEFAULT_ECONOMICS }],
  });
  await handle.executeUpdate(mentorshipReadyUpdate);
  return handle;
}

export const goals = [{ competencyKey: 'delegation', targetLevel: 4 }];
export const facts = [
  {
    name: 'Team turnover (12 months)',
    unit: 'percentage point',
    source: 'HR report Q1',
    value: 18,
    lowerIsBetter: true,
    valuePerUnit: 2000,
  },
];
export const survey = { scores: { challenge: 4, guidedExperience: 4, trust: 5, practiceChange: 4 }, comment: 'Useful' };
export const aSession = (heldAt: Date) => ({
  sessionId: randomUUID(),
  heldAt: heldAt.toISOString(),
  minutes: 60,
  topics: ['delegating the weekly report'],
  competencies: ['delegation'],
  sharedNotes: 'Try delegating the Monday report.',
  privateNotes: 'She hesitates to let go.',
});

/** Takes a new mentorship to ACTIVE the way its people do: the supervisor approves, both agree on the goals. */
export async function approveAndAgree(
  handle: WorkflowHandleWithFirstExecutionRunId<typeof mentorshipWorkflow>,
  cast: Cast,
): Promise<void> {
  await handle.executeUpdate(approveMentorshipUpdate, { args: [{ actor: cast.supervisor }] });
  await handle.executeUpdate(agreeKickoffUpdate, {
    args: [{ actor: cast.mentor, kickoff: { goals, baselines: { delegation: 2 }, facts } }],
  });
  await handle.executeUpdate(agreeKickoffUpdate, {
    args: [{ actor: cast.mentee, kickoff: { goals, baselines: {}, facts: [] } }],
  });
}
