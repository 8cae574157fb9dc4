import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { trainedMentors, type Actor, type ProgramState } from '../../../../libs/domain/src/index.js';
import { programStateQuery, recordTrainingUpdate, startExecutionUpdate } from '../../../../libs/contracts/src/index.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { forbidden } from '../http/api-error.js';
import { OperationKey } from '../http/idempotency.interceptor.js';
import { uuidParam } from '../http/param-pipes.js';
import { ProgramResponse } from '../programs/dto/program.response.js';
import { ProgramsService, uuidFromKey } from '../programs/programs.service.js';
import { TEMPORAL_CLIENT } from '../tokens.js';
import { TrainingResponse, TrainingSessionDto } from './execution.dto.js';

@ApiTags('programs')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A repeat with the same key gets the first answer; nothing is applied twice.' })
@Controller('programs/:id')
export class ExecutionController {
  constructor(
    private readonly programs: ProgramsService,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  private async owned(programId: string, actor: Actor) {
    const row = await this.programs.findRow(programId);
    if (row.ownerId !== actor.personId) throw forbidden('PROGRAM.NOT_OWNER', `only the program's owner may do this; ${actor.personId} is not its owner`);
    return { row, handle: this.temporal.workflow.getHandle(row.workflowId) };
  }

  @Post('training-sessions')
  @HttpCode(200)
  @Roles('owner')
  @ApiOperation({
    summary: 'Record a training session for mentors or mentees and who attended (the owner; TRAINING or EXECUTION).',
    description: 'A mentor who attended a mentors’ session is trained: their planned mentorships may start.',
  })
  @ApiOkResponse({ type: TrainingResponse })
  async recordTraining(@Param('id', uuidParam) id: string, @Body() body: TrainingSessionDto, @CurrentActor() actor: Actor, @OperationKey() key?: string): Promise<TrainingResponse> {
    const { handle } = await this.owned(id, actor);
    const session = {
      sessionId: key ? uuidFromKey(`training:${id}:${key}`) : randomUUID(),
      audience: body.audience,
      title: body.title.trim(),
      heldAt: new Date(body.heldAt).toISOString(),
      materials: body.materials ?? [],
      attendees: body.attendees,
    };
    return trainingOf(await handle.executeUpdate(recordTrainingUpdate, { args: [{ actor, session }], updateId: key }));
  }

  @Get('training-sessions')
  @Roles('owner')
  @ApiOperation({ summary: 'Training sessions of the cycle, trained and untrained mentors (the owner).' })
  @ApiOkResponse({ type: TrainingResponse })
  async training(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<TrainingResponse> {
    const { handle } = await this.owned(id, actor);
    const state = await handle.query(programStateQuery);
    return state ? trainingOf(state) : { sessions: [], trainedMentors: [], untrainedMentors: [] };
  }

  @Post('execution')
  @HttpCode(200)
  @Roles('owner')
  @ApiOperation({ summary: 'Move the cycle from TRAINING to EXECUTION (the owner): planned mentorships of trained mentors start.' })
  @ApiOkResponse({ type: ProgramResponse })
  async startExecution(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor, @OperationKey() key?: string): Promise<ProgramResponse> {
    const { handle } = await this.owned(id, actor);
    await handle.executeUpdate(startExecutionUpdate, { args: [{ actor }], updateId: key });
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
