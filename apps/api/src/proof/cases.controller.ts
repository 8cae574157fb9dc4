import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Actor, TrainingPlan, TrainingPlanState } from '../../../../libs/domain/src/index.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { badField } from '../http/api-error.js';
import { uuidParam } from '../http/param-pipes.js';
import { AcceptsIdempotencyKey } from '../http/idempotency-header.js';
import { OperationKey } from '../http/idempotency.interceptor.js';
import { CaseLibraryResponse, TrainingPlanResponse, TrainingPlanStateResponse } from './cases.response.js';
import { CasesService } from './cases.service.js';
import { EditTrainingPlanDto, ProposeTrainingPlanDto } from './proof.dto.js';

@ApiTags('proof')
@ApiBearerAuth()
@AcceptsIdempotencyKey()
@Controller('programs/:id')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get('case-library')
  @ApiOperation({
    summary: 'Training cases from the program’s earlier cycles and its pilot (the program’s owner, HR admins).',
    description:
      'Built only from text whose authors consented (PUT /people/{id}/case-consent); private notes are never used. Names, emails and employee ids of the directory are replaced by roles ([mentee], [mentor], [supervisor]) or [colleague]; cases carry no person id. Filed under the competencies people declared (goals, session competencies, the pilot’s); free-text tagging adds competencies only while its held-out precision is at least 0.9 (`fileByText`).',
  })
  @ApiOkResponse({ type: CaseLibraryResponse })
  library(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<CaseLibraryResponse> {
    return this.cases.library(id, actor);
  }

  @Get('training-plan/proposal')
  @ApiQuery({
    name: 'minClosedMentorships',
    required: false,
    type: Number,
    description:
      'Closed mentorships a mentor needs to count as an experienced trainer (default 2; supervisors always count).',
  })
  @ApiOperation({
    summary: 'The training plan the domain proposes for this cycle (the program’s owner, HR admins).',
    description:
      'Per competency targeted by the cohort: how many mentees target it and their mean gap, the enrolled mentors able to cover it, experienced trainers and the most relevant cases from earlier mentorships. Computed now and not recorded.',
  })
  @ApiOkResponse({ type: TrainingPlanResponse })
  proposal(
    @Param('id', uuidParam) id: string,
    @Query('minClosedMentorships') min: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<TrainingPlan> {
    const n = min === undefined ? undefined : Number(min);
    if (n !== undefined && (!Number.isInteger(n) || n < 0 || n > 50))
      throw badField('minClosedMentorships', 'a whole number from 0 to 50');
    return this.cases.proposal(id, actor, n);
  }

  @Get('training-plan')
  @ApiOperation({
    summary:
      'The training plan recorded for this cycle, as proposed and edited (the program’s owner, HR admins); 404 PROGRAM.NO_TRAINING_PLAN before any proposal.',
  })
  @ApiOkResponse({ type: TrainingPlanStateResponse })
  recorded(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<TrainingPlanState> {
    return this.cases.recorded(id, actor);
  }

  @Post('training-plan')
  @HttpCode(200)
  @Roles('owner')
  @ApiOperation({
    summary: 'Propose this cycle’s training plan now and record it (the program’s owner; TRAINING).',
    description:
      'Records a TrainingPlanProposed event with the plan, the experienced trainers and the cases it offers (a new proposal replaces the earlier one and its edits). 403 for anyone but the owner, 409 outside TRAINING.',
  })
  @ApiOkResponse({ type: TrainingPlanStateResponse })
  record(
    @Param('id', uuidParam) id: string,
    @Body() body: ProposeTrainingPlanDto,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<TrainingPlanState> {
    return this.cases.record(id, actor, body.minClosedMentorships, key);
  }

  @Put('training-plan')
  @Roles('owner')
  @ApiOperation({
    summary: 'Edit the recorded training plan (the program’s owner; TRAINING or EXECUTION).',
    description:
      'Items keep their figures; titles, audience, trainers and cases change. A trainer who is not experienced (a supervisor, or a mentor with the plan’s number of closed mentorships) or a case the proposal did not offer is refused (400 naming the item). Recorded as a TrainingPlanEdited event; 409 PROGRAM.NO_TRAINING_PLAN before a proposal.',
  })
  @ApiOkResponse({ type: TrainingPlanStateResponse })
  edit(
    @Param('id', uuidParam) id: string,
    @Body() body: EditTrainingPlanDto,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<TrainingPlanState> {
    return this.cases.edit(id, actor, body.items, key);
  }
}
