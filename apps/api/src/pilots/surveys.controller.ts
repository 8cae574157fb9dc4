import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor, SurveyTemplate } from '../../../../libs/domain/src/index.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import {
  SurveyResponseDto,
  SurveyResponseStoredResponse,
  SurveyTemplateDto,
  SurveyTemplateResponse,
} from './survey.dto.js';
import { SurveysService } from './surveys.service.js';

@ApiTags('pilots and surveys')
@ApiBearerAuth()
@Controller()
export class SurveysController {
  constructor(private readonly surveys: SurveysService) {}

  @Get('survey-templates')
  @ApiOperation({
    summary: 'Every version of every survey template (the interaction-quality template ships as seed data).',
  })
  @ApiOkResponse({ type: [SurveyTemplateResponse] })
  templates(): Promise<SurveyTemplate[]> {
    return this.surveys.all();
  }

  @Post('survey-templates/:key/versions')
  @ApiResponse({ status: 201, type: SurveyTemplateResponse })
  @Roles('owner', 'hr-admin')
  @ApiOperation({
    summary: 'Publish the next version of a survey template (older versions and their answers stay as they are).',
  })
  publishTemplate(
    @Param('key') key: string,
    @Body() body: SurveyTemplateDto,
    @CurrentActor() actor: Actor,
  ): Promise<SurveyTemplate> {
    return this.surveys.publish(
      { key, title: body.title, audience: body.audience, moments: body.moments, items: body.items },
      actor,
    );
  }

  @Post('survey-responses')
  @ApiResponse({ status: 201, type: SurveyResponseStoredResponse })
  @ApiOperation({
    summary:
      'Answer a survey as yourself: validated against its template; one response per person and occurrence (409 for a second).',
  })
  respond(
    @Body() body: SurveyResponseDto,
    @CurrentActor() actor: Actor,
  ): Promise<{ id: string; templateKey: string; templateVersion: number; occurrence: string }> {
    return this.surveys.respond(body, actor);
  }
}
