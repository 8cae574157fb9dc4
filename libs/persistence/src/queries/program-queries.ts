import type { DataSource } from 'typeorm';
import { programStreamId } from '../../../contracts/src/index.js';
import { programCycles, type CycleView, type ProgramEvent, type ProgramPhase } from '../../../domain/src/index.js';
import { ProgramReadModelEntity, type ObjectiveRow } from '../entities/program-read-model.entity.js';
import type { ProgramPolicy } from '../../../domain/src/index.js';
import { domainEvents, readStream, type EventRow } from '../event-store.js';

/** A program as its read model holds it (projected from its stream in the append's transaction). */
export interface ProgramRecord {
  id: string;
  name: string;
  ownerId: string;
  sponsorId: string;
  phase: string;
  objectives: ObjectiveRow[];
  steeringGroup: string[];
  keySuccessFactors: string[];
  policy: ProgramPolicy | null;
  launchApprovedAt: Date | null;
  workflowId: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface ProgramPageQuery {
  /** Programs this person owns, sponsors or steers. */
  personId: string;
  phase?: ProgramPhase;
  limit: number;
  offset: number;
}

/** The one reader of `programs` and of the program streams. */
export class ProgramQueries {
  constructor(private readonly db: DataSource) {}

  find(programId: string): Promise<ProgramRecord | null> {
    return this.db.getRepository(ProgramReadModelEntity).findOneBy({ id: programId });
  }

  /** Names of these programs by id (a person's mentorships name their program). */
  async namesOf(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string; name: string }> = await this.db.query(
      `SELECT id, name FROM programs WHERE id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Newest first. */
  async page(q: ProgramPageQuery): Promise<{ items: ProgramRecord[]; total: number }> {
    const qb = this.db
      .getRepository(ProgramReadModelEntity)
      .createQueryBuilder('p')
      .where('(p.owner_id = :me OR p.sponsor_id = :me OR :me = ANY(p.steering_group))', { me: q.personId });
    if (q.phase) qb.andWhere('p.phase = :phase', { phase: q.phase });
    const [items, total] = await qb
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .skip(q.offset)
      .take(q.limit)
      .getManyAndCount();
    return { items, total };
  }

  /** The program's stream, oldest first: its audit trail. */
  events(programId: string): Promise<EventRow[]> {
    return readStream(this.db, programStreamId(programId));
  }

  /** Every cycle of the program as its log tells it (the running one last). */
  async cycles(programId: string): Promise<CycleView[]> {
    return programCycles(domainEvents<ProgramEvent>(await this.events(programId)));
  }

  /** Each phase the program entered, with when: only the stream knows the dates. */
  async phaseTimeline(programId: string): Promise<Array<{ phase: ProgramPhase; at: string }>> {
    return (await this.events(programId))
      .filter((e) => e.type === 'ProgramPhaseChanged')
      .map((e) => ({
        at: e.occurredAt.toISOString(),
        phase: (e.payload as Extract<ProgramEvent, { type: 'ProgramPhaseChanged' }>['data']).to,
      }));
  }

  /** Ids of the programs this person owns. */
  async ownedBy(ownerId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(`SELECT id FROM programs WHERE owner_id = $1`, [ownerId]);
    return rows.map((r) => r.id);
  }

  /** Everyone ever enrolled in these programs, in any cycle (enrolments and continuing participants). */
  async participantsOf(programIds: string[]): Promise<Set<string>> {
    if (programIds.length === 0) return new Set();
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT e.payload ->> 'personId' AS id FROM domain_events e
        WHERE e.stream_id = ANY($1) AND e.type = 'ParticipantEnrolled'
       UNION
       SELECT c ->> 'personId' FROM domain_events e CROSS JOIN LATERAL jsonb_array_elements(e.payload -> 'continuing') AS c
        WHERE e.stream_id = ANY($1) AND e.type IN ('CycleRenewed', 'CycleStarted')`,
      [programIds.map(programStreamId)],
    );
    return new Set(rows.map((r) => r.id).filter(Boolean));
  }
}
