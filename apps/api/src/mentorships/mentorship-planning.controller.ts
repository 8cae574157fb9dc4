import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../../libs/domain/src/index.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { OperationKey } from '../http/idempotency.interceptor.js';
import { CycleQueryDoc, cycleQuery, uuidParam } from '../http/param-pipes.js';
import { StartMentorshipDto } from './dto/mentorship-actions.dto.js';
import { PlannedMentorshipResponse } from './dto/planned-mentorship.response.js';
import { MentorshipPlanningService } from './mentorship-planning.service.js';
import { AcceptsIdempotencyKey } from '../http/idempotency-header.js';

@ApiTags('mentorships')
@ApiBearerAuth()
@AcceptsIdempotencyKey()
@Controller()
export class MentorshipPlanningController {
  constructor(private readonly planning: MentorshipPlanningService) {}

  @Post('programs/:id/mentorships')
  @Roles('owner')
  @ApiOperation({
    summary:
      'Give an approved pair its supervisor (the program’s owner; TRAINING or EXECUTION). The program starts the mentorship once in EXECUTION with the mentor trained.',
    description:
      'The pair comes from the approved matching proposal; the supervisor must be enrolled as one. 409 when the pair is already planned.',
  })
  @ApiCreatedResponse({ type: PlannedMentorshipResponse })
  plan(
    @Param('id', uuidParam) id: string,
    @Body() body: StartMentorshipDto,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<PlannedMentorshipResponse> {
    return this.planning.plan(id, body, actor, key);
  }

  @Get('programs/:id/mentorships')
  @Roles('owner')
  @ApiOperation({
    summary:
      'A cycle’s mentorships, planned and started, with what each waits for and its phase now (its owner); the running cycle by default.',
  })
  @CycleQueryDoc()
  @ApiOkResponse({ type: [PlannedMentorshipResponse] })
  ofProgram(
    @Param('id', uuidParam) id: string,
    @Query('cycle', cycleQuery) cycle: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<PlannedMentorshipResponse[]> {
    return this.planning.ofProgram(id, actor, cycle);
  }
}
