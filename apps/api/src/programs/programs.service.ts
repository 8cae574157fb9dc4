import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { validateDraft, type Actor, type ProgramDraft } from '../../../../libs/domain/src/index.js';
import {
  approveLaunchUpdate,
  programReadyUpdate,
  programStreamId,
  programWorkflowId,
  type ProgramTimings,
  type ProgramWorkflowInput,
} from '../../../../libs/contracts/src/index.js';
import { PersonEntity, ProgramReadModelEntity, readStream } from '../../../../libs/persistence/src/index.js';
import type { programWorkflow } from '../../../../libs/workflows/src/index.js';
import { badField, forbidden, notFound } from '../http/api-error.js';
import { DATA_SOURCE, PROGRAM_TIMINGS, TEMPORAL_CLIENT, TEMPORAL_TASK_QUEUE } from '../tokens.js';
import type { CreateProgramDto } from './dto/create-program.dto.js';
import type { ListProgramsQuery } from './dto/list-programs.query.js';
import { ProgramEventResponse, ProgramResponse, type ProgramPageResponse } from './dto/program.response.js';

@Injectable()
export class ProgramsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly db: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(TEMPORAL_TASK_QUEUE) private readonly taskQueue: string,
    @Inject(PROGRAM_TIMINGS) private readonly timings: ProgramTimings,
  ) {}

  /**
   * Starts the program's workflow and waits (an Update) until its creation events are stored, so
   * that the answer and an immediate GET show the same program. Nothing is written on a refusal.
   */
  async create(dto: CreateProgramDto, actor: Actor): Promise<ProgramResponse> {
    const draft: ProgramDraft = {
      programId: randomUUID(),
      name: dto.name.trim(),
      ownerId: dto.ownerId ?? actor.personId,
      sponsorId: dto.sponsorId,
      objectives: dto.objectives.map((o) => ({ title: o.title, kpis: o.kpis.map((k) => ({ ...k })) })),
    };
    await this.assertPersonExists('ownerId', draft.ownerId);
    await this.assertPersonExists('sponsorId', draft.sponsorId);
    validateDraft(draft);
    const input: ProgramWorkflowInput = { draft, createdBy: actor.personId, timings: this.timings };
    const handle = await this.temporal.workflow.start<typeof programWorkflow>('programWorkflow', {
      workflowId: programWorkflowId(draft.programId),
      taskQueue: this.taskQueue,
      args: [input],
    });
    await handle.executeUpdate(programReadyUpdate);
    return ProgramResponse.from(await this.findRow(draft.programId));
  }

  async approveLaunch(programId: string, actor: Actor, comment: string | null): Promise<ProgramResponse> {
    const row = await this.findRow(programId);
    await this.temporal.workflow.getHandle(row.workflowId).executeUpdate(approveLaunchUpdate, { args: [{ actor, comment }] });
    return ProgramResponse.from(await this.findRow(programId));
  }

  async get(programId: string, actor: Actor): Promise<ProgramResponse> {
    const row = await this.findRow(programId);
    this.assertCanSee(row, actor);
    return ProgramResponse.from(row);
  }

  async events(programId: string, actor: Actor): Promise<ProgramEventResponse[]> {
    this.assertCanSee(await this.findRow(programId), actor);
    return (await readStream(this.db, programStreamId(programId))).map((row) => ProgramEventResponse.from(row));
  }

  /** Programs the caller owns or sponsors, newest first. */
  async list(query: ListProgramsQuery, actor: Actor): Promise<ProgramPageResponse> {
    const qb = this.db
      .getRepository(ProgramReadModelEntity)
      .createQueryBuilder('p')
      .where('(p.owner_id = :me OR p.sponsor_id = :me)', { me: actor.personId });
    if (query.phase) qb.andWhere('p.phase = :phase', { phase: query.phase });
    const [rows, total] = await qb.orderBy('p.created_at', 'DESC').addOrderBy('p.id', 'DESC').skip(query.offset).take(query.limit).getManyAndCount();
    return { items: rows.map((row) => ProgramResponse.from(row)), total, limit: query.limit, offset: query.offset };
  }

  private async findRow(programId: string): Promise<ProgramReadModelEntity> {
    const row = await this.db.getRepository(ProgramReadModelEntity).findOneBy({ id: programId });
    if (!row) throw notFound('program', programId);
    return row;
  }

  private assertCanSee(row: ProgramReadModelEntity, actor: Actor): void {
    if (row.ownerId !== actor.personId && row.sponsorId !== actor.personId) {
      throw forbidden('PROGRAM.NOT_A_PARTICIPANT', `only the owner and the sponsor of program ${row.id} may read it`);
    }
  }

  private async assertPersonExists(field: string, personId: string): Promise<void> {
    const found = await this.db.getRepository(PersonEntity).existsBy({ id: personId });
    if (!found) throw badField(field, `no person with id "${personId}" in the directory`);
  }
}
