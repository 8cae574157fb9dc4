import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessResponse, CoverageResponse, GroupGapsResponse, NominationResponse } from './insights.response.js';
import type { Actor } from '../../../../libs/domain/src/index.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { AccessQuery, CoverageQuery, GroupGapsQuery } from './insights.query.js';
import { InsightsService } from './insights.service.js';

@ApiTags('insights')
@ApiBearerAuth()
@Roles('owner', 'hr-admin')
@Controller()
export class InsightsController {
  constructor(private readonly insights: InsightsService) {}

  @Get('insights/gaps')
  @ApiOperation({
    summary:
      'Average target vs current level per group and competency, for managers or for mentors (roles: owner, hr-admin). For owners, groups with fewer than 3 assessed people show no averages.',
    description:
      'Current level = latest assessment of each source, weighted self 0.5, mentor 1, supervisor 1, manager 1.5, 360 2.',
  })
  @ApiOkResponse({ type: GroupGapsResponse })
  gaps(@Query() query: GroupGapsQuery, @CurrentActor() actor: Actor): Promise<GroupGapsResponse> {
    return this.insights.groupGaps(query, actor);
  }

  @Get('insights/coverage')
  @ApiOperation({
    summary:
      'For each competency where managers fall short, the mentors strong enough to help (roles: owner, hr-admin). Owners see the names of the mentors of their own programs; the others are counted in `unnamedMentors`.',
  })
  @ApiOkResponse({ type: CoverageResponse })
  coverage(@Query() query: CoverageQuery, @CurrentActor() actor: Actor): Promise<CoverageResponse> {
    return this.insights.coverage(query, actor);
  }

  @Get('insights/access')
  @ApiOperation({
    summary:
      'Who gets access to mentoring by department, job level or tenure band, with groups without access flagged (roles: owner, hr-admin).',
  })
  @ApiOkResponse({ type: AccessResponse })
  access(@Query() query: AccessQuery): Promise<AccessResponse> {
    return this.insights.access(query, new Date().toISOString().slice(0, 10));
  }

  @Get('nominations')
  @ApiOperation({
    summary:
      'Nomination suggestions for the next cycle (from HR events) (roles: owner, hr-admin). Owners see the open suggestions and those of their own programs.',
  })
  @ApiOkResponse({ type: [NominationResponse] })
  nominations(@CurrentActor() actor: Actor): Promise<NominationResponse[]> {
    return this.insights.nominations(actor);
  }
}
