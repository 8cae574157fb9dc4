import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../../libs/domain/src/index.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { OperationKey } from '../http/idempotency.interceptor.js';
import { CycleQueryDoc, cycleQuery, uuidParam } from '../http/param-pipes.js';
import { MonitoringResponse, RecognitionDto, RecognitionResponse } from './monitoring.dto.js';
import { MonitoringService } from './monitoring.service.js';

@ApiTags('programs')
@ApiBearerAuth()
@Controller('programs/:id')
export class MonitoringController {
  constructor(private readonly monitoring: MonitoringService) {}

  @Get('monitoring')
  @Roles('owner')
  @ApiOperation({
    summary:
      'Program indicators computed from its mentorships, and the mentorships at risk with their reasons (the owner).',
    description:
      'Owner actions on an at-risk mentorship: pause, end with a rematch (POST /mentorships/:id/pause|termination).',
  })
  @CycleQueryDoc()
  @ApiOkResponse({ type: MonitoringResponse })
  indicators(
    @Param('id', uuidParam) id: string,
    @Query('cycle', cycleQuery) cycle: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<MonitoringResponse> {
    return this.monitoring.monitoring(id, actor, cycle);
  }

  @Get('recognition')
  @Roles('owner')
  @ApiOperation({
    summary:
      'Each mentor’s contribution this cycle, highlight texts for internal communication, and the recognition granted (the owner).',
  })
  @CycleQueryDoc()
  @ApiOkResponse({ type: RecognitionResponse })
  recognition(
    @Param('id', uuidParam) id: string,
    @Query('cycle', cycleQuery) cycle: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<RecognitionResponse> {
    return this.monitoring.recognition(id, actor, cycle);
  }

  @Post('recognition')
  @HttpCode(200)
  @Roles('owner')
  @ApiOperation({
    summary: 'Grant recognition to a mentor of this cycle (the owner, EXECUTION or EVALUATION); recorded as an event.',
  })
  @ApiOkResponse({ type: RecognitionResponse })
  grant(
    @Param('id', uuidParam) id: string,
    @Body() body: RecognitionDto,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<RecognitionResponse> {
    return this.monitoring.grant(id, { mentorId: body.mentorId, note: body.note }, actor, key);
  }
}
