import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PersonGapsResponse } from '../insights/insights.response.js';
import type { Actor } from '../../../../libs/domain/src/index.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { badField } from '../http/api-error.js';
import { versionParam } from '../http/param-pipes.js';
import { AssessmentResponse, RecordAssessmentDto } from './dto/assessment.dto.js';
import { CompetencyModelResponse, NewCompetencyModelVersionDto } from './dto/competency-model.dto.js';
import { CompetencyService } from './competency.service.js';

const KEY = /^[a-z][a-z0-9-]{1,60}$/;
const checkKey = (key: string) => {
  if (!KEY.test(key)) throw badField('key', 'must be lower-case letters, digits and dashes');
  return key;
};

@ApiTags('competencies')
@ApiBearerAuth()
@Controller()
export class CompetencyController {
  constructor(private readonly competencies: CompetencyService) {}

  @Get('competency-models')
  @ApiOperation({ summary: 'The latest version of each competency model.' })
  @ApiOkResponse({ type: [CompetencyModelResponse] })
  list(): Promise<CompetencyModelResponse[]> {
    return this.competencies.latestModels();
  }

  @Get('competency-models/:key')
  @ApiOperation({ summary: 'The latest version of a competency model.' })
  @ApiOkResponse({ type: CompetencyModelResponse })
  async latest(@Param('key') key: string): Promise<CompetencyModelResponse> {
    return CompetencyModelResponse.from(await this.competencies.model(checkKey(key)));
  }

  @Get('competency-models/:key/versions/:version')
  @ApiOperation({ summary: 'One version of a competency model (versions never change).' })
  @ApiOkResponse({ type: CompetencyModelResponse })
  async version(
    @Param('key') key: string,
    @Param('version', versionParam) version: number,
  ): Promise<CompetencyModelResponse> {
    return CompetencyModelResponse.from(await this.competencies.model(checkKey(key), version));
  }

  @Post('competency-models/:key/versions')
  @Roles('owner', 'hr-admin')
  @ApiOperation({
    summary:
      'Publish a new version of a competency model (roles: owner, hr-admin). Older versions and their assessments are untouched.',
  })
  @ApiResponse({ status: 201, type: CompetencyModelResponse })
  publish(
    @Param('key') key: string,
    @Body() body: NewCompetencyModelVersionDto,
    @CurrentActor() actor: Actor,
  ): Promise<CompetencyModelResponse> {
    return this.competencies.publishVersion(checkKey(key), body, actor);
  }

  @Post('assessments')
  @ApiOperation({
    summary: 'Record a rating of a person on a competency.',
    description:
      'self: the person; manager: their manager; mentor/supervisor: during an active mentorship; any source: HR admins on behalf of someone.',
  })
  @ApiResponse({ status: 201, type: AssessmentResponse })
  record(@Body() body: RecordAssessmentDto, @CurrentActor() actor: Actor): Promise<AssessmentResponse> {
    return this.competencies.record(body, actor);
  }

  @Get('people/:id/assessments')
  @ApiOperation({ summary: "A person's assessments with their evidence (privacy rule applies: 403 otherwise)." })
  @ApiOkResponse({ type: [AssessmentResponse] })
  assessments(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<AssessmentResponse[]> {
    return this.competencies.assessmentsOf(id, actor);
  }

  @Get('people/:id/gaps')
  @ApiQuery({
    name: 'model',
    required: false,
    description: 'Competency model key (default managerial-core, latest version).',
  })
  @ApiOperation({ summary: "A person's target vs current level per competency (privacy rule applies)." })
  @ApiOkResponse({ type: PersonGapsResponse })
  gaps(@Param('id') id: string, @Query('model') model: string | undefined, @CurrentActor() actor: Actor) {
    return this.competencies.gapsOf(id, actor, model === undefined ? undefined : checkKey(model));
  }
}
