import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../../libs/domain/src/index.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { OperationKey } from '../http/idempotency.interceptor.js';
import { CycleQueryDoc, cycleQuery, uuidParam } from '../http/param-pipes.js';
import { ProgramResponse } from '../programs/dto/program.response.js';
import { CycleService } from './cycle.service.js';
import { LessonsDto, LessonsResponse, RenewalDto } from './lessons.dto.js';
import { TrainingResponse, TrainingSessionDto } from './training.dto.js';
import { AcceptsIdempotencyKey } from '../http/idempotency-header.js';

@ApiTags('programs')
@ApiBearerAuth()
@AcceptsIdempotencyKey()
@Controller('programs/:id')
export class CycleController {
  constructor(private readonly cycle: CycleService) {}

  @Post('training-sessions')
  @HttpCode(200)
  @Roles('owner')
  @ApiOperation({
    summary: 'Record a training session for mentors or mentees and who attended (the owner; TRAINING or EXECUTION).',
    description: 'A mentor who attended a mentors’ session is trained: their planned mentorships may start.',
  })
  @ApiOkResponse({ type: TrainingResponse })
  recordTraining(
    @Param('id', uuidParam) id: string,
    @Body() body: TrainingSessionDto,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<TrainingResponse> {
    return this.cycle.recordTraining(id, body, actor, key);
  }

  @Get('training-sessions')
  @Roles('owner')
  @ApiOperation({ summary: 'Training sessions of the cycle, trained and untrained mentors (the owner).' })
  @ApiOkResponse({ type: TrainingResponse })
  training(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<TrainingResponse> {
    return this.cycle.training(id, actor);
  }

  @Post('evaluation')
  @HttpCode(200)
  @Roles('owner')
  @ApiOperation({ summary: 'Move the cycle from EXECUTION to EVALUATION (the owner).' })
  @ApiOkResponse({ type: ProgramResponse })
  startEvaluation(
    @Param('id', uuidParam) id: string,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<ProgramResponse> {
    return this.cycle.startEvaluation(id, actor, key);
  }

  @Post('lessons')
  @HttpCode(200)
  @Roles('owner')
  @ApiOperation({
    summary:
      'Record what worked and what to change in this cycle (the owner, EVALUATION); a renewal carries them to the next cycles.',
  })
  @ApiOkResponse({ type: LessonsResponse })
  recordLessons(
    @Param('id', uuidParam) id: string,
    @Body() body: LessonsDto,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<LessonsResponse> {
    return this.cycle.recordLessons(id, { whatWorked: body.whatWorked, whatToChange: body.whatToChange }, actor, key);
  }

  @Get('lessons')
  @ApiOperation({ summary: 'Lessons of cycles 1..n, for planning the next one (the owner and the sponsor).' })
  @CycleQueryDoc()
  @ApiOkResponse({ type: LessonsResponse })
  lessons(
    @Param('id', uuidParam) id: string,
    @Query('cycle', cycleQuery) cycle: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<LessonsResponse> {
    return this.cycle.lessons(id, actor, cycle);
  }

  @Post('closure')
  @HttpCode(200)
  @Roles('owner')
  @ApiOperation({
    summary:
      'Close the program after its evaluation (the owner): its workflow ends; running mentorships go on to their end.',
  })
  @ApiOkResponse({ type: ProgramResponse })
  close(
    @Param('id', uuidParam) id: string,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<ProgramResponse> {
    return this.cycle.close(id, actor, key);
  }

  @Post('renewal')
  @HttpCode(200)
  @Roles('owner')
  @ApiOperation({
    summary:
      'Renew the program (the owner, EVALUATION, lessons recorded): the next cycle starts in LAUNCH_PLANNING through continue-as-new, with the lessons and the continuing participants.',
  })
  @ApiOkResponse({ type: ProgramResponse })
  renew(
    @Param('id', uuidParam) id: string,
    @Body() body: RenewalDto,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<ProgramResponse> {
    return this.cycle.renew(id, body.continuing ?? [], actor, key);
  }

  @Post('execution')
  @HttpCode(200)
  @Roles('owner')
  @ApiOperation({
    summary: 'Move the cycle from TRAINING to EXECUTION (the owner): planned mentorships of trained mentors start.',
  })
  @ApiOkResponse({ type: ProgramResponse })
  startExecution(
    @Param('id', uuidParam) id: string,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<ProgramResponse> {
    return this.cycle.startExecution(id, actor, key);
  }
}
