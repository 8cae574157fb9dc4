import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { directoryProblem, findReportingCycles, type Actor, type Person } from '../../../../libs/domain/src/index.js';
import { HrEventEntity, loadDirectory, upsertPeople } from '../../../../libs/persistence/src/index.js';
import { ApiError, badField, notFound } from '../http/api-error.js';
import { DIRECTORY_LOCK } from '../people/people.service.js';
import { DATA_SOURCE } from '../tokens.js';
import type { HrEventDto, HrEventResponse } from './hr-event.dto.js';

/**
 * Applies HR events once each: the event row (keyed by the source id) and its effects commit
 * together, so a redelivery finds the row and changes nothing, and a failed effect leaves no row.
 */
@Injectable()
export class HrEventsService {
  constructor(@Inject(DATA_SOURCE) private readonly db: DataSource) {}

  async receive(dto: HrEventDto, actor: Actor): Promise<HrEventResponse> {
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [DIRECTORY_LOCK]);
      const inserted: unknown[] = await tx.query(
        `INSERT INTO hr_events (source_id, type, person_id, payload, occurred_at, received_by) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (source_id) DO NOTHING RETURNING source_id`,
        [dto.sourceId, dto.type, dto.personId, JSON.stringify(dto), dto.occurredAt, actor.personId],
      );
      if (inserted.length === 0) {
        const first = await tx.getRepository(HrEventEntity).findOneByOrFail({ sourceId: dto.sourceId });
        if (first.type !== dto.type || first.personId !== dto.personId) {
          throw new ApiError(
            409,
            'HR_EVENT.SOURCE_ID_REUSED',
            `sourceId ${dto.sourceId} was already used for a ${first.type} event of ${first.personId}`,
          );
        }
        return { sourceId: dto.sourceId, applied: false, duplicate: true, nominated: false };
      }
      const nominated = await this.apply(tx, dto);
      return { sourceId: dto.sourceId, applied: true, duplicate: false, nominated };
    });
  }

  private async apply(tx: EntityManager, dto: HrEventDto): Promise<boolean> {
    const directory = await loadDirectory(tx);
    const existing = directory.get(dto.personId);
    let person: Person;
    switch (dto.type) {
      case 'hired-as-manager': {
        if (!existing && !dto.person)
          throw badField('person', `${dto.personId} is not in the directory: send the new person's record`);
        if (dto.person && dto.person.id !== dto.personId) throw badField('person.id', 'must equal personId');
        const base: Person = existing ?? {
          ...dto.person!,
          managerId: dto.person!.managerId ?? null,
          managementYears: dto.person!.managementYears ?? 0,
          teamSize: dto.person!.teamSize ?? 0,
          languages: dto.person!.languages ?? ['en'],
          location: dto.person!.location ?? null,
          timeZone: dto.person!.timeZone ?? 'UTC',
          status: 'active',
          mentorPool: dto.person!.mentorPool ?? false,
        };
        person = {
          ...base,
          jobLevel: dto.jobLevel ?? base.jobLevel,
          teamSize: dto.teamSize ?? base.teamSize,
          status: 'active',
        };
        break;
      }
      case 'promoted-to-manager':
        if (!existing) throw notFound('person', dto.personId);
        if (!dto.jobLevel) throw badField('jobLevel', 'a promotion needs the new job level');
        person = { ...existing, jobLevel: dto.jobLevel, teamSize: dto.teamSize ?? existing.teamSize };
        break;
      case 'changed-manager':
        if (!existing) throw notFound('person', dto.personId);
        if (dto.managerId === undefined)
          throw badField('managerId', 'a change of manager needs the new managerId (null at the top)');
        person = { ...existing, managerId: dto.managerId };
        break;
      case 'left':
        if (!existing) throw notFound('person', dto.personId);
        // Open mentorships of this person are to be ended through their workflows once those exist.
        person = { ...existing, status: 'left' };
        break;
    }
    const problem = directoryProblem(directory, person, findReportingCycles);
    if (problem) throw badField(problem.field, problem.message);
    await upsertPeople(tx, [person]);

    if (dto.type !== 'hired-as-manager' && dto.type !== 'promoted-to-manager') return false;
    const nominated: unknown[] = await tx.query(
      `INSERT INTO nominations (person_id, reason, source_event_id) VALUES ($1, $2, $3)
       ON CONFLICT (person_id) WHERE status = 'suggested' DO NOTHING RETURNING id`,
      [person.id, dto.type === 'hired-as-manager' ? 'new manager (hired)' : 'newly promoted manager', dto.sourceId],
    );
    return nominated.length > 0;
  }
}
