import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { createHash, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { validateDraft, type Actor, type ProgramDraft, type ProgramPolicy } from '../../../../libs/domain/src/index.js';
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
import { DATA_SOURCE, MENTORSHIP_TERMS, PROGRAM_TIMINGS, TEMPORAL_CLIENT, TEMPORAL_TASK_QUEUE } from '../tokens.js';
import type { MentorshipTerms } from '../mentorships/mentorships.service.js';
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
    @Inject(MENTORSHIP_TERMS) private readonly mentorshipTerms: MentorshipTerms,
  ) {}

  /**
   * Starts the program's workflow and waits (an Update) until its creation events are stored, so
   * that the answer and an immediate GET show the same program. Nothing is written on a refusal.
   */
  async create(dto: CreateProgramDto, actor: Actor, operationKey?: string): Promise<ProgramResponse> {
    const draft: ProgramDraft = {
      // With an idempotency key the id follows from it, so a retry after a crash finds the same workflow.
      programId: operationKey ? uuidFromKey(operationKey) : randomUUID(),
      name: dto.name.trim(),
      ownerId: dto.ownerId ?? actor.personId,
      sponsorId: dto.sponsorId,
      objectives: dto.objectives.map((o) => ({ title: o.title, kpis: o.kpis.map((k) => ({ ...k })) })),
      ...(dto.steeringGroup?.length ? { steeringGroup: dto.steeringGroup } : {}),
      ...(dto.keySuccessFactors?.length
        ? { keySuccessFactors: dto.keySuccessFactors.map((k) => k.trim()).filter(Boolean) }
        : {}),
      ...(dto.policy ? { policy: plainPolicy(dto.policy) } : {}),
    };
    for (const [i, personId] of (draft.steeringGroup ?? []).entries())
      await this.assertPersonExists(`steeringGroup.${i}`, personId);
    await this.assertPersonExists('ownerId', draft.ownerId);
    await this.assertPersonExists('sponsorId', draft.sponsorId);
    validateDraft(draft);
    const input: ProgramWorkflowInput = {
      draft,
      createdBy: actor.personId,
      timings: this.timings,
      mentorshipTerms: this.mentorshipTerms,
    };
    try {
      await this.temporal.workflow.start<typeof programWorkflow>('programWorkflow', {
        workflowId: programWorkflowId(draft.programId),
        taskQueue: this.taskQueue,
        args: [input],
      });
    } catch (e) {
      if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
    }
    await this.temporal.workflow.getHandle(programWorkflowId(draft.programId)).executeUpdate(programReadyUpdate);
    return ProgramResponse.from(await this.findRow(draft.programId));
  }

  async approveLaunch(
    programId: string,
    actor: Actor,
    comment: string | null,
    operationKey?: string,
  ): Promise<ProgramResponse> {
    const row = await this.findRow(programId);
    await this.temporal.workflow
      .getHandle(row.workflowId)
      .executeUpdate(approveLaunchUpdate, { args: [{ actor, comment }], updateId: operationKey });
    return ProgramResponse.from(await this.findRow(programId));
  }

  async get(programId: string, actor: Actor): Promise<ProgramResponse> {
    return ProgramResponse.from(await this.findReadable(programId, actor));
  }

  async events(programId: string, actor: Actor): Promise<ProgramEventResponse[]> {
    await this.findReadable(programId, actor);
    return (await readStream(this.db, programStreamId(programId))).map((row) => ProgramEventResponse.from(row));
  }

  /** Programs the caller owns, sponsors or steers, newest first. */
  async list(query: ListProgramsQuery, actor: Actor): Promise<ProgramPageResponse> {
    const qb = this.db
      .getRepository(ProgramReadModelEntity)
      .createQueryBuilder('p')
      .where('(p.owner_id = :me OR p.sponsor_id = :me OR :me = ANY(p.steering_group))', { me: actor.personId });
    if (query.phase) qb.andWhere('p.phase = :phase', { phase: query.phase });
    const [rows, total] = await qb
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .skip(query.offset)
      .take(query.limit)
      .getManyAndCount();
    return { items: rows.map((row) => ProgramResponse.from(row)), total, limit: query.limit, offset: query.offset };
  }

  /** The program's read model, or 404. */
  async findRow(programId: string): Promise<ProgramReadModelEntity> {
    const row = await this.db.getRepository(ProgramReadModelEntity).findOneBy({ id: programId });
    if (!row) throw notFound('program', programId);
    return row;
  }

  /** The program's read model for its owner, sponsor or steering group; 404, or 403 for anybody else. */
  async findReadable(programId: string, actor: Actor): Promise<ProgramReadModelEntity> {
    const row = await this.findRow(programId);
    this.assertCanSee(row, actor);
    return row;
  }

  /** The program's read model for its owner only; 404, or 403 for anybody else. */
  async findOwned(programId: string, actor: Actor): Promise<ProgramReadModelEntity> {
    const row = await this.findRow(programId);
    if (row.ownerId !== actor.personId)
      throw forbidden('PROGRAM.NOT_OWNER', `only the program's owner may do this; ${actor.personId} is not its owner`);
    return row;
  }

  private assertCanSee(row: ProgramReadModelEntity, actor: Actor): void {
    if (
      row.ownerId !== actor.personId &&
      row.sponsorId !== actor.personId &&
      !row.steeringGroup.includes(actor.personId)
    ) {
      throw forbidden(
        'PROGRAM.NOT_A_PARTICIPANT',
        `only the owner, the sponsor and the steering group of program ${row.id} may read it`,
      );
    }
  }

  private async assertPersonExists(field: string, personId: string): Promise<void> {
    const found = await this.db.getRepository(PersonEntity).existsBy({ id: personId });
    if (!found) throw badField(field, `no person with id "${personId}" in the directory`);
  }
}

/** A UUID (version 5 layout) that depends only on the key: the same key always names the same program. */
export function uuidFromKey(key: string): string {
  const h = createHash('sha256').update(`mentorflow:program:${key}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Only the values the owner gave: a DTO instance's undefined fields must not hide the defaults. */
function plainPolicy(policy: NonNullable<CreateProgramDto['policy']>): ProgramPolicy {
  const defined = <T extends object>(o: T | undefined) =>
    o ? (Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>) : undefined;
  const out: ProgramPolicy = {};
  const mentorship = defined(policy.mentorship);
  const reviews = defined(policy.reviews);
  const matchingWeights = defined(policy.matchingWeights);
  if (mentorship && Object.keys(mentorship).length) out.mentorship = mentorship;
  if (reviews && Object.keys(reviews).length) out.reviews = reviews;
  if (matchingWeights && Object.keys(matchingWeights).length) out.matchingWeights = matchingWeights;
  return out;
}
