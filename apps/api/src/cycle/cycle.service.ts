import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { cycleOf, trainedMentors, type Actor, type ProgramState } from '../../../../libs/domain/src/index.js';
import {
  closeProgramUpdate,
  recordLessonsUpdate,
  recordTrainingUpdate,
  renewProgramUpdate,
  startEvaluationUpdate,
  startExecutionUpdate,
} from '../../../../libs/contracts/src/index.js';
import { uuidFromKey } from '../../../../libs/contracts/src/ids.js';
import { ProgramResponse } from '../programs/dto/program.response.js';
import { ProgramsService } from '../programs/programs.service.js';
import { ProgramGateway } from '../workflows/program-gateway.js';
import type { LessonsResponse } from './lessons.dto.js';
import type { TrainingResponse, TrainingSessionDto } from './training.dto.js';

/** A cycle's phases after matching: training, execution, evaluation, lessons, closure or renewal. */
@Injectable()
export class CycleService {
  constructor(
    private readonly programs: ProgramsService,
    private readonly workflow: ProgramGateway,
  ) {}

  async recordTraining(id: string, dto: TrainingSessionDto, actor: Actor, key?: string): Promise<TrainingResponse> {
    await this.programs.findOwnedOpen(id, actor);
    const session = {
      sessionId: key ? uuidFromKey(`training:${id}:${key}`) : randomUUID(),
      audience: dto.audience,
      title: dto.title.trim(),
      heldAt: new Date(dto.heldAt).toISOString(),
      materials: dto.materials ?? [],
      attendees: dto.attendees,
      ...(dto.planItem !== undefined ? { planItem: dto.planItem } : {}),
      ...(dto.trainerIds !== undefined ? { trainerIds: dto.trainerIds } : {}),
    };
    return trainingOf(await this.workflow.update(id, recordTrainingUpdate, [{ actor, session }], key));
  }

  async training(id: string, actor: Actor): Promise<TrainingResponse> {
    await this.programs.findOwnedOpen(id, actor);
    const state = await this.workflow.state(id);
    return state ? trainingOf(state) : { sessions: [], trainedMentors: [], untrainedMentors: [] };
  }

  async startExecution(id: string, actor: Actor, key?: string): Promise<ProgramResponse> {
    await this.programs.findOwnedOpen(id, actor);
    await this.workflow.update(id, startExecutionUpdate, [{ actor }], key);
    return ProgramResponse.from(await this.programs.findRow(id));
  }

  async startEvaluation(id: string, actor: Actor, key?: string): Promise<ProgramResponse> {
    await this.programs.findOwnedOpen(id, actor);
    await this.workflow.update(id, startEvaluationUpdate, [{ actor }], key);
    return ProgramResponse.from(await this.programs.findRow(id));
  }

  async recordLessons(
    id: string,
    lessons: { whatWorked: string[]; whatToChange: string[] },
    actor: Actor,
    key?: string,
  ): Promise<LessonsResponse> {
    await this.programs.findOwnedOpen(id, actor);
    const state = await this.workflow.update(id, recordLessonsUpdate, [{ actor, ...lessons }], key);
    const cycles = Array.from({ length: cycleOf(state) }, (_, i) => i + 1);
    return { cycle: cycleOf(state), cycles, lessons: state.lessons ?? [] };
  }

  async lessons(id: string, actor: Actor, cycle?: number): Promise<LessonsResponse> {
    await this.programs.findReadable(id, actor);
    const { view, cycles } = await this.programs.cycle(id, cycle);
    const every = view.state.lessons ?? [];
    return { cycle: view.cycle, cycles, lessons: cycle === undefined ? every : every.filter((l) => l.cycle === cycle) };
  }

  async close(id: string, actor: Actor, key?: string): Promise<ProgramResponse> {
    await this.programs.findOwnedOpen(id, actor);
    await this.workflow.update(id, closeProgramUpdate, [{ actor }], key);
    return ProgramResponse.from(await this.programs.findRow(id));
  }

  async renew(id: string, continuing: string[], actor: Actor, key?: string): Promise<ProgramResponse> {
    await this.programs.findOwnedOpen(id, actor);
    await this.workflow.update(id, renewProgramUpdate, [{ actor, continuing }], key);
    return ProgramResponse.from(await this.programs.findRow(id));
  }
}

function trainingOf(state: ProgramState): TrainingResponse {
  const trained = trainedMentors(state);
  const mentors = (state.matching?.participants ?? []).filter((p) => p.role === 'mentor').map((p) => p.personId);
  return {
    sessions: state.execution?.trainingSessions ?? [],
    trainedMentors: mentors.filter((m) => trained.has(m)),
    untrainedMentors: mentors.filter((m) => !trained.has(m)),
  };
}
