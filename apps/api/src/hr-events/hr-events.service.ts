import { Injectable } from '@nestjs/common';
import { directoryProblem, findReportingCycles, type Actor, type Person } from '../../../../libs/domain/src/index.js';
import { DirectoryQueries, type DirectoryChange } from '../../../../libs/persistence/src/index.js';
import { ApiError, badField, notFound } from '../http/api-error.js';
import type { HrEventDto, HrEventResponse } from './hr-event.dto.js';

/**
 * Applies HR events once each: the event row (keyed by the source id) and its effects commit
 * together, so a redelivery finds the row and changes nothing, and a failed effect leaves no row.
 */
@Injectable()
export class HrEventsService {
  constructor(private readonly directory: DirectoryQueries) {}

  async receive(dto: HrEventDto, actor: Actor): Promise<HrEventResponse> {
    return this.directory.change(async (change) => {
      const inserted = await change.recordHrEvent({
        sourceId: dto.sourceId,
        type: dto.type,
        personId: dto.personId,
        payload: dto,
        occurredAt: dto.occurredAt,
        receivedBy: actor.personId,
      });
      if (!inserted) {
        const first = await change.hrEvent(dto.sourceId);
        if (first.type !== dto.type || first.personId !== dto.personId) {
          throw new ApiError(
            409,
            'HR_EVENT.SOURCE_ID_REUSED',
            `sourceId ${dto.sourceId} was already used for a ${first.type} event of ${first.personId}`,
          );
        }
        return { sourceId: dto.sourceId, applied: false, duplicate: true, nominated: false };
      }
      const nominated = await this.apply(change, dto);
      return { sourceId: dto.sourceId, applied: true, duplicate: false, nominated };
    });
  }

  private async apply(change: DirectoryChange, dto: HrEventDto): Promise<boolean> {
    const directory = await change.directory();
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
    await change.upsert([person]);

    if (dto.type !== 'hired-as-manager' && dto.type !== 'promoted-to-manager') return false;
    return change.nominate({
      personId: person.id,
      reason: dto.type === 'hired-as-manager' ? 'new manager (hired)' : 'newly promoted manager',
      sourceEventId: dto.sourceId,
    });
  }
}
