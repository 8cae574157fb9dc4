import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Actor, TrainingPlan, TrainingPlanState } from '../../../../libs/domain/src/index.js';
import { CurrentActor } from '../auth/auth.decorators.js';
import { badField } from '../http/api-error.js';
import { uuidParam } from '../http/param-pipes.js';
import { CasesService, type CaseLibraryResponse } from './cases.service.js';

@ApiTags('proof')
@ApiBearerAuth()
@Controller('programs/:id')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get('case-library')
  @ApiOperation({
    summary: 'Training cases from the program’s earlier cycles and its pilot (the program’s owner, HR admins).',
    description:
      'Built only from text whose authors consented (PUT /people/{id}/case-consent); private notes are never used. Names, emails and employee ids of the directory are replaced by roles ([mentee], [mentor], [supervisor]) or [colleague]; cases carry no person id. Filed under the competencies people declared (goals, session competencies, the pilot’s); free-text tagging adds competencies only while its held-out precision is at least 0.9 (`fileByText`).',
  })
  @ApiOkResponse({
    description:
      '{ cycle, fileByText, cases: [{ caseId, source, cycle, competencies, themes, situation, guidance, change, anecdotes, levelsGained }] }',
  })
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
      'The training plan recorded for this cycle, as proposed and edited, or null (the program’s owner, HR admins).',
  })
  recorded(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<TrainingPlanState | null> {
    return this.cases.recorded(id, actor);
  }
}
