import type { EntityManager } from 'typeorm';
import type { ProgramEvent } from '../../domain/src/index.js';
import { ProgramReadModelEntity } from './entities/program-read-model.entity.js';
import type { StoredEvent } from './event-store.js';

/** Keeps the `programs` read model in step with the program streams (same transaction). */
export async function projectProgramEvents(tx: EntityManager, streamId: string, stored: StoredEvent<ProgramEvent>[]): Promise<void> {
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
        phase: 'LAUNCH_PLANNING',
        launchApprovedAt: null,
        workflowId: streamId,
        version,
        createdAt: at,
        updatedAt: at,
      });
      continue;
    }
    const changes: Partial<ProgramReadModelEntity> = { version, updatedAt: at };
    if (event.type === 'ProgramPhaseChanged') changes.phase = event.data.to;
    if (event.type === 'LaunchApproved') changes.launchApprovedAt = at;
    const result = await repo.update({ workflowId: streamId }, changes);
    if (result.affected !== 1) throw new Error(`no program read model for stream ${streamId}`);
  }
}
