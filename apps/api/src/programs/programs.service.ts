import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  cycleView,
  validateDraft,
  type Actor,
  type CycleView,
  type ProgramDraft,
} from '../../../../libs/domain/src/index.js';
import {
  approveLaunchUpdate,
  type MentorshipTerms,
  type ProgramTimings,
} from '../../../../libs/contracts/src/index.js';
import { uuidFromKey } from '../../../../libs/contracts/src/ids.js';
import { PeopleQueries, ProgramQueries, type ProgramRecord } from '../../../../libs/persistence/src/index.js';
import { Access } from '../access/access.service.js';
import { ApiError, badField, notFound } from '../http/api-error.js';
import { MENTORSHIP_TERMS, PROGRAM_TIMINGS } from '../tokens.js';
import { ProgramGateway } from '../workflows/program-gateway.js';
import type { CreateProgramDto } from './dto/create-program.dto.js';
import { plainPolicy } from './dto/create-program.dto.js';
import type { ListProgramsQuery } from './dto/list-programs.query.js';
import { ProgramEventResponse, ProgramResponse, type ProgramPageResponse } from './dto/program.response.js';
import { CycleSummaryResponse } from './dto/cycle.response.js';

@Injectable()
export class ProgramsService {
  constructor(
    private readonly programs: ProgramQueries,
    private readonly people: PeopleQueries,
    private readonly workflow: ProgramGateway,
    private readonly access: Access,
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
    await this.workflow.start({
      draft,
      createdBy: actor.personId,
      timings: this.timings,
      mentorshipTerms: this.mentorshipTerms,
    });
    return ProgramResponse.from(await this.findRow(draft.programId));
  }

  async approveLaunch(
    programId: string,
    actor: Actor,
    comment: string | null,
    operationKey?: string,
  ): Promise<ProgramResponse> {
    await this.access.program(programId, actor, 'approve-launch');
    await this.workflow.update(programId, approveLaunchUpdate, [{ actor, comment }], operationKey);
    return ProgramResponse.from(await this.findRow(programId));
  }

  async get(programId: string, actor: Actor): Promise<ProgramResponse> {
    return ProgramResponse.from(await this.findReadable(programId, actor));
  }

  /** The program's stream as this reader may see it: the sponsor and the steering group get no matching, no people's plans. */
  async events(programId: string, actor: Actor): Promise<ProgramEventResponse[]> {
    const row = await this.findReadable(programId, actor);
    return this.access
      .visibleEvents(actor, row, await this.programs.events(programId))
      .map((event) => ProgramEventResponse.from(event));
  }

  /** Programs the caller owns, sponsors or steers, newest first. */
  async list(query: ListProgramsQuery, actor: Actor): Promise<ProgramPageResponse> {
    const { items, total } = await this.programs.page({ personId: actor.personId, ...query });
    return { items: items.map((row) => ProgramResponse.from(row)), total, limit: query.limit, offset: query.offset };
  }

  /** Every cycle of the program, for its readers: when each ran, in which phase it ended, its mentorships. */
  async cycleList(programId: string, actor: Actor): Promise<CycleSummaryResponse[]> {
    await this.findReadable(programId, actor);
    const cycles = await this.programs.cycles(programId);
    return cycles.map((c, i) => CycleSummaryResponse.from(c, i === cycles.length - 1));
  }

  /**
   * Cycle `n` of a program (default: the running one) as its log tells it, with the numbers of every
   * cycle; 404 PROGRAM.NO_SUCH_CYCLE for one it never had. Callers check access first.
   */
  async cycle(programId: string, n?: number): Promise<{ view: CycleView; cycles: number[] }> {
    const cycles = await this.programs.cycles(programId);
    const view = cycleView(cycles, n);
    if (!view) throw new ApiError(404, 'PROGRAM.NO_SUCH_CYCLE', `program ${programId} has no cycle ${n}`);
    return { view, cycles: cycles.map((c) => c.cycle) };
  }

  /** Each phase the program entered and when, for its readers. */
  async phaseTimeline(programId: string, actor: Actor) {
    await this.findReadable(programId, actor);
    return this.programs.phaseTimeline(programId);
  }

  /** The program's read model, or 404. */
  async findRow(programId: string): Promise<ProgramRecord> {
    const row = await this.programs.find(programId);
    if (!row) throw notFound('program', programId);
    return row;
  }

  /** The program's read model for its owner, sponsor or steering group; 404 for anybody else (as for no program). */
  findReadable(programId: string, actor: Actor): Promise<ProgramRecord> {
    return this.access.program(programId, actor, 'read');
  }

  /** The program's read model for its owner only; 403 for its other readers, 404 for anybody else. */
  findOwned(programId: string, actor: Actor): Promise<ProgramRecord> {
    return this.access.program(programId, actor, 'manage');
  }

  /** As findOwned, and 409 once the program is closed: its workflow has ended, so say so rather than "not found". */
  async findOwnedOpen(programId: string, actor: Actor): Promise<ProgramRecord> {
    const row = await this.findOwned(programId, actor);
    if (row.phase === 'CLOSED') throw new ApiError(409, 'PROGRAM.CLOSED', `program ${programId} is closed`);
    return row;
  }

  private async assertPersonExists(field: string, personId: string): Promise<void> {
    if (!(await this.people.exists(personId)))
      throw badField(field, `no person with id "${personId}" in the directory`);
  }
}
