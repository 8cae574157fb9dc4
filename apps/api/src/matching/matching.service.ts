import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import {
  DEFAULT_MATCHING_WEIGHTS,
  DEFAULT_MODEL_KEY,
  type Actor,
  type ProgramState,
} from '../../../../libs/domain/src/index.js';
import {
  approveMatchingProposalUpdate,
  decideMatchingPairUpdate,
  enrolParticipantUpdate,
  programStateQuery,
  requestMatchingProposalUpdate,
} from '../../../../libs/contracts/src/index.js';
import { AssessmentEntity, PersonEntity, ProgramReadModelEntity } from '../../../../libs/persistence/src/index.js';
import { CompetencyService } from '../competencies/competency.service.js';
import { badField, forbidden, notFound } from '../http/api-error.js';
import { ProgramResponse } from '../programs/dto/program.response.js';
import { ProgramsService } from '../programs/programs.service.js';
import { DATA_SOURCE, TEMPORAL_CLIENT } from '../tokens.js';
import type {
  EnrolDto,
  PairDecisionDto,
  ProposalRequestDto,
  ProposalRequestedResponse,
  ProposalResponse,
} from './matching.dto.js';

@Injectable()
export class MatchingService {
  constructor(
    @Inject(DATA_SOURCE) private readonly db: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly competencies: CompetencyService,
    private readonly programs: ProgramsService,
  ) {}

  private program(programId: string): Promise<ProgramReadModelEntity> {
    return this.programs.findRow(programId);
  }

  private handle(row: ProgramReadModelEntity) {
    return this.temporal.workflow.getHandle(row.workflowId);
  }

  /** Checks what only the database knows (people, assessments, competencies), then asks the workflow. */
  async enrol(programId: string, dto: EnrolDto, actor: Actor, operationKey?: string): Promise<ProgramResponse> {
    const row = await this.program(programId);
    // Ownership first: a stranger must learn nothing about people from the checks below.
    if (row.ownerId !== actor.personId)
      throw forbidden('PROGRAM.NOT_OWNER', `only the program's owner may do this; ${actor.personId} is not its owner`);
    const person = await this.db.getRepository(PersonEntity).findOneBy({ id: dto.personId });
    if (!person) throw badField('personId', `no person with id "${dto.personId}"`);
    if (person.status !== 'active') throw badField('personId', `${dto.personId} has left the company`);
    if (dto.role === 'mentee') {
      const assessed = await this.db.getRepository(AssessmentEntity).existsBy({ personId: dto.personId });
      if (!assessed)
        throw badField(
          'personId',
          `mentee ${dto.personId} has no assessment yet: matching needs their competency levels`,
        );
      const model = await this.competencies.model(DEFAULT_MODEL_KEY);
      const unknown = (dto.goals ?? []).filter((g) => !model.definition.competencies.some((c) => c.key === g));
      if (unknown.length > 0) throw badField('goals', `not competencies of ${model.key}: ${unknown.join(', ')}`);
      for (const wish of dto.wishes ?? []) {
        if (!(await this.db.getRepository(PersonEntity).existsBy({ id: wish })))
          throw badField('wishes', `no person with id "${wish}"`);
      }
    } else if (dto.goals?.length || dto.wishes?.length) {
      throw badField(dto.goals?.length ? 'goals' : 'wishes', 'only mentees have goals and wishes');
    }
    if (dto.role !== 'mentor' && dto.capacity !== undefined) throw badField('capacity', 'only mentors have a capacity');
    await this.handle(row).executeUpdate(enrolParticipantUpdate, {
      args: [
        {
          actor,
          participant: {
            personId: dto.personId,
            role: dto.role,
            capacity: dto.role === 'mentor' ? (dto.capacity ?? 1) : null,
            goals: dto.goals ?? [],
            wishes: dto.wishes ?? [],
          },
        },
      ],
      updateId: operationKey,
    });
    return ProgramResponse.from(await this.program(programId));
  }

  async requestProposal(
    programId: string,
    dto: ProposalRequestDto,
    actor: Actor,
    operationKey?: string,
  ): Promise<ProposalRequestedResponse> {
    const row = await this.program(programId);
    const { version } = await this.handle(row).executeUpdate(requestMatchingProposalUpdate, {
      args: [
        {
          actor,
          options: {
            weights: { ...DEFAULT_MATCHING_WEIGHTS, ...(dto.weights ?? {}) },
            excludeSameDepartment: dto.excludeSameDepartment ?? false,
            maxTimeZoneHours: dto.maxTimeZoneHours ?? null,
            objective: dto.objective ?? 'total',
            loadBalance: dto.loadBalance ?? 0,
          },
        },
      ],
      updateId: operationKey,
    });
    return { version, status: 'SOLVING' };
  }

  async decide(
    programId: string,
    dto: PairDecisionDto,
    actor: Actor,
    operationKey?: string,
  ): Promise<ProgramState['matching']> {
    const row = await this.program(programId);
    const state = await this.handle(row).executeUpdate(decideMatchingPairUpdate, {
      args: [{ actor, ...dto }],
      updateId: operationKey,
    });
    return state.matching;
  }

  async approve(programId: string, version: number, actor: Actor, operationKey?: string): Promise<ProgramResponse> {
    const row = await this.program(programId);
    await this.handle(row).executeUpdate(approveMatchingProposalUpdate, {
      args: [{ actor, version }],
      updateId: operationKey,
    });
    return ProgramResponse.from(await this.program(programId));
  }

  /** Live state from the workflow (enrolment, pins, bans, proposal statuses). */
  async state(programId: string, actor: Actor): Promise<NonNullable<ProgramState['matching']>> {
    const row = await this.program(programId);
    const state = await this.handle(row).query(programStateQuery);
    const matching = state?.matching ?? { participants: [], pins: [], bans: [], proposals: [], approvedVersion: null };
    this.assertCanRead(row, actor, matching.participants);
    return matching;
  }

  async proposal(programId: string, version: number, actor: Actor): Promise<ProposalResponse> {
    const row = await this.program(programId);
    const state = await this.handle(row).query(programStateQuery);
    this.assertCanRead(row, actor, state?.matching?.participants ?? []);
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT * FROM matching_proposals WHERE program_id = $1 AND version = $2`,
      [programId, version],
    );
    const p = rows[0];
    if (!p) throw notFound('matching proposal', `${programId} v${version}`);
    return {
      programId,
      version,
      status: p.status as string,
      request: p.request,
      result: p.result ?? null,
      failure: (p.failure as string | null) ?? null,
      requestedBy: p.requested_by as string,
      requestedAt: (p.requested_at as Date).toISOString(),
      solvedAt: p.solved_at ? (p.solved_at as Date).toISOString() : null,
      approved: p.approved as boolean,
    };
  }

  /**
   * Proposals and enrolment show people's gaps, experience and languages: personal details, which
   * the privacy rule gives to program owners — here the program's own — and to the supervisors
   * who review this cycle. The sponsor sees the program, not its people.
   */
  private assertCanRead(
    row: ProgramReadModelEntity,
    actor: Actor,
    participants: Array<{ personId: string; role: string }>,
  ): void {
    const supervisor =
      actor.roles.includes('supervisor') &&
      participants.some((p) => p.personId === actor.personId && p.role === 'supervisor');
    if (row.ownerId !== actor.personId && !supervisor) {
      throw forbidden(
        'PROGRAM.NOT_A_REVIEWER',
        `only the owner and the supervisors of program ${row.id} see its matching`,
      );
    }
  }
}
