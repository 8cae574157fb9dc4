import { Injectable } from '@nestjs/common';
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
  requestMatchingProposalUpdate,
} from '../../../../libs/contracts/src/index.js';
import {
  AssessmentQueries,
  MatchingProposalQueries,
  PeopleQueries,
  type ProgramRecord,
} from '../../../../libs/persistence/src/index.js';
import { CompetencyService } from '../competencies/competency.service.js';
import { Access } from '../access/access.service.js';
import { badField, notFound } from '../http/api-error.js';
import { ProgramResponse } from '../programs/dto/program.response.js';
import { ProgramsService } from '../programs/programs.service.js';
import { ProgramGateway } from '../workflows/program-gateway.js';
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
    private readonly people: PeopleQueries,
    private readonly assessments: AssessmentQueries,
    private readonly proposals: MatchingProposalQueries,
    private readonly competencies: CompetencyService,
    private readonly programs: ProgramsService,
    private readonly workflow: ProgramGateway,
    private readonly access: Access,
  ) {}

  private program(programId: string): Promise<ProgramRecord> {
    return this.programs.findRow(programId);
  }

  /** The cycle's enrolled supervisors: with the owner, the people who review its matching. */
  private async cycleSupervisors(programId: string): Promise<string[]> {
    // An unknown id answers the read model's 404 — the one a hidden program gets — before the workflow is asked.
    await this.program(programId);
    return supervisorsOf((await this.workflow.state(programId))?.matching?.participants ?? []);
  }

  /** Checks what only the database knows (people, assessments, competencies), then asks the workflow. */
  async enrol(programId: string, dto: EnrolDto, actor: Actor, operationKey?: string): Promise<ProgramResponse> {
    // Ownership first: a stranger must learn nothing about people from the checks below.
    await this.access.program(programId, actor, 'manage');
    const person = await this.people.find(dto.personId);
    if (!person) throw badField('personId', `no person with id "${dto.personId}"`);
    if (person.status !== 'active') throw badField('personId', `${dto.personId} has left the company`);
    if (dto.role === 'mentee') {
      const assessed = await this.assessments.exists(dto.personId);
      if (!assessed)
        throw badField(
          'personId',
          `mentee ${dto.personId} has no assessment yet: matching needs their competency levels`,
        );
      const model = await this.competencies.model(DEFAULT_MODEL_KEY);
      const unknown = (dto.goals ?? []).filter((g) => !model.definition.competencies.some((c) => c.key === g));
      if (unknown.length > 0) throw badField('goals', `not competencies of ${model.key}: ${unknown.join(', ')}`);
      for (const wish of dto.wishes ?? []) {
        if (!(await this.people.exists(wish))) throw badField('wishes', `no person with id "${wish}"`);
      }
    } else if (dto.goals?.length || dto.wishes?.length) {
      throw badField(dto.goals?.length ? 'goals' : 'wishes', 'only mentees have goals and wishes');
    }
    if (dto.role !== 'mentor' && dto.capacity !== undefined) throw badField('capacity', 'only mentors have a capacity');
    const participant = {
      personId: dto.personId,
      role: dto.role,
      capacity: dto.role === 'mentor' ? (dto.capacity ?? 1) : null,
      goals: dto.goals ?? [],
      wishes: dto.wishes ?? [],
    };
    await this.workflow.update(programId, enrolParticipantUpdate, [{ actor, participant }], operationKey);
    return ProgramResponse.from(await this.program(programId));
  }

  async requestProposal(
    programId: string,
    dto: ProposalRequestDto,
    actor: Actor,
    operationKey?: string,
  ): Promise<ProposalRequestedResponse> {
    await this.access.program(programId, actor, 'manage');
    const options = {
      weights: { ...DEFAULT_MATCHING_WEIGHTS, ...(dto.weights ?? {}) },
      excludeSameDepartment: dto.excludeSameDepartment ?? false,
      maxTimeZoneHours: dto.maxTimeZoneHours ?? null,
      objective: dto.objective ?? 'total',
      loadBalance: dto.loadBalance ?? 0,
    };
    const { version } = await this.workflow.update(
      programId,
      requestMatchingProposalUpdate,
      [{ actor, options }],
      operationKey,
    );
    return { version, status: 'SOLVING' };
  }

  async decide(
    programId: string,
    dto: PairDecisionDto,
    actor: Actor,
    operationKey?: string,
  ): Promise<NonNullable<ProgramState['matching']>> {
    await this.access.program(programId, actor, 'matching', await this.cycleSupervisors(programId));
    const state = await this.workflow.update(programId, decideMatchingPairUpdate, [{ actor, ...dto }], operationKey);
    return state.matching ?? { participants: [], pins: [], bans: [], proposals: [], approvedVersion: null };
  }

  async approve(programId: string, version: number, actor: Actor, operationKey?: string): Promise<ProgramResponse> {
    await this.access.program(programId, actor, 'manage');
    await this.workflow.update(programId, approveMatchingProposalUpdate, [{ actor, version }], operationKey);
    return ProgramResponse.from(await this.program(programId));
  }

  /** Live state from the workflow (enrolment, pins, bans, proposal statuses). */
  async state(programId: string, actor: Actor): Promise<NonNullable<ProgramState['matching']>> {
    await this.program(programId);
    const state = await this.workflow.state(programId);
    const matching = state?.matching ?? { participants: [], pins: [], bans: [], proposals: [], approvedVersion: null };
    await this.access.program(programId, actor, 'matching', supervisorsOf(matching.participants));
    return matching;
  }

  async proposal(programId: string, version: number, actor: Actor): Promise<ProposalResponse> {
    await this.access.program(programId, actor, 'matching', await this.cycleSupervisors(programId));
    const p = await this.proposals.find(programId, version);
    if (!p) throw notFound('matching proposal', `${programId} v${version}`);
    return {
      programId,
      version,
      status: p.status,
      request: p.request,
      result: p.result ?? null,
      failure: p.failure ?? null,
      requestedBy: p.requestedBy,
      requestedAt: p.requestedAt.toISOString(),
      solvedAt: p.solvedAt ? p.solvedAt.toISOString() : null,
      approved: p.approved,
    };
  }
}

const supervisorsOf = (participants: Array<{ personId: string; role: string }>): string[] =>
  participants.filter((p) => p.role === 'supervisor').map((p) => p.personId);
