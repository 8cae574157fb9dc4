import type { EntityManager } from 'typeorm';
import type { ProgramEvent } from '../../domain/src/index.js';
import { ProgramReadModelEntity } from './entities/program-read-model.entity.js';
import type { StoredEvent } from './event-store.js';

/** Keeps the `programs` read model in step with the program streams (same transaction). */
export async function projectProgramEvents(
  tx: EntityManager,
  streamId: string,
  stored: StoredEvent<ProgramEvent>[],
): Promise<void> {
  const repo = tx.getRepository(ProgramReadModelEntity);
  for (const { event, version } of stored) {
    const at = new Date(event.at);
    if (event.type === 'ProgramCreated') {
      await repo.insert({
        id: event.data.programId,
        name: event.data.name,
        ownerId: event.data.ownerId,
        sponsorId: event.data.sponsorId,
        objectives: event.data.objectives,
        steeringGroup: event.data.steeringGroup ?? [],
        keySuccessFactors: event.data.keySuccessFactors ?? [],
        policy: event.data.policy ?? null,
        phase: 'LAUNCH_PLANNING',
        launchApprovedAt: null,
        workflowId: streamId,
        version,
        createdAt: at,
        updatedAt: at,
      });
      continue;
    }
    await projectMatching(tx, streamId, event);
    const changes: Partial<ProgramReadModelEntity> = { version, updatedAt: at };
    if (event.type === 'ProgramPhaseChanged') changes.phase = event.data.to;
    if (event.type === 'LaunchApproved') changes.launchApprovedAt = at;
    if (event.type === 'ReviewDecided' && event.data.objectives) changes.objectives = event.data.objectives;
    if (event.type === 'CycleStarted') changes.launchApprovedAt = null;
    if (event.type === 'PilotRecommendationsApplied') {
      await tx.query(
        `UPDATE programs SET policy = COALESCE(policy, '{}'::jsonb) || jsonb_build_object('matchingWeights', $2::jsonb) WHERE workflow_id = $1`,
        [streamId, JSON.stringify(event.data.matchingWeights)],
      );
    }
    const result = await repo.update({ workflowId: streamId }, changes);
    if (result.affected !== 1) throw new Error(`no program read model for stream ${streamId}`);
  }
}

const programIdOf = (streamId: string) => streamId.slice('program:'.length);

/** matching_proposals rows follow the proposal events; the solve activity fills in the result. */
async function projectMatching(tx: EntityManager, streamId: string, event: ProgramEvent): Promise<void> {
  const programId = programIdOf(streamId);
  switch (event.type) {
    case 'MatchingProposalRequested':
      await tx.query(
        `INSERT INTO matching_proposals (program_id, version, status, request, requested_by, requested_at) VALUES ($1, $2, 'SOLVING', $3, $4, $5)`,
        [programId, event.data.version, JSON.stringify(event.data.request), event.actorId, event.at],
      );
      return;
    case 'MatchingProposalProduced':
      await tx.query(
        `UPDATE matching_proposals SET status = 'READY', solved_at = $3 WHERE program_id = $1 AND version = $2`,
        [programId, event.data.version, event.at],
      );
      return;
    case 'MatchingProposalFailed':
      await tx.query(
        `UPDATE matching_proposals SET status = 'FAILED', failure = $3, solved_at = $4 WHERE program_id = $1 AND version = $2`,
        [programId, event.data.version, `${event.data.code}: ${event.data.message}`, event.at],
      );
      return;
    case 'MatchingApproved':
      await tx.query(`UPDATE matching_proposals SET approved = true WHERE program_id = $1 AND version = $2`, [
        programId,
        event.data.version,
      ]);
      return;
    default:
      return;
  }
}
