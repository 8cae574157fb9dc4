import type { Person } from '../../domain/src/index.js';
import type { PersonEntity } from './entities/person.entity.js';

export function toPerson(e: PersonEntity): Person {
  return {
    id: e.id,
    name: e.displayName,
    email: e.email ?? '',
    department: e.department,
    managerId: e.managerId,
    jobLevel: e.jobLevel,
    managementYears: Number(e.managementYears),
    teamSize: e.teamSize,
    languages: e.languages,
    location: e.location,
    timeZone: e.timeZone,
    hireDate: e.hireDate ?? '',
    status: e.status,
    mentorPool: e.mentorPool,
  };
}

/** Column values of a person, in the order of PEOPLE_COLUMNS, for bulk upserts. */
export const PEOPLE_COLUMNS = [
  'id',
  'display_name',
  'email',
  'department',
  'manager_id',
  'job_level',
  'management_years',
  'team_size',
  'languages',
  'location',
  'time_zone',
  'hire_date',
  'status',
  'mentor_pool',
] as const;

export const personRow = (p: Person): unknown[] => [
  p.id,
  p.name,
  p.email,
  p.department,
  p.managerId,
  p.jobLevel,
  p.managementYears,
  p.teamSize,
  p.languages,
  p.location,
  p.timeZone,
  p.hireDate,
  p.status,
  p.mentorPool,
];
