import { Body, Controller, Get, Header, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Client } from '@temporalio/client';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import type {
  Actor,
  PilotAnalysis,
  SurveyAnswers,
  SurveyItem,
  SurveyMoment,
  SurveyTemplate,
} from '../../../../libs/domain/src/index.js';
import { applyPilotRecommendationsUpdate } from '../../../../libs/contracts/src/index.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { OperationKey } from '../http/idempotency.interceptor.js';
import { uuidParam } from '../http/param-pipes.js';
import { ProgramResponse } from '../programs/dto/program.response.js';
import { ProgramsService } from '../programs/programs.service.js';
import { TEMPORAL_CLIENT } from '../tokens.js';
import { pilotHtml } from './pilot-html.js';
import { PilotsService } from './pilots.service.js';
import { SurveysService } from './surveys.service.js';

export class PilotImportDto {
  @ApiProperty({ example: 'Pilot 2025, operations' }) @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiProperty({
    description:
      'The pilot mentorships (docs/PILOT-IMPORT.md): ref, mentorId, menteeId, startedOn, endedOn, sessions, competencies, baseline, final, ' +
      'optional mentorExperienceYears / sameDepartment / attributes, surveys [{respondent, moment, answers}], facts, anecdotes.',
    type: [Object],
  })
  @IsArray()
  @ArrayMaxSize(5000)
  mentorships!: unknown[];
}

export class ApplyPilotDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() pilotId!: string;
}

export class SurveyTemplateDto {
  @ApiProperty({ example: { en: 'Kickoff expectations', fr: 'Attentes au démarrage' } }) @IsObject() title!: {
    en: string;
    fr: string;
  };
  @ApiProperty({ enum: ['mentor', 'mentee', 'both'] }) @IsIn(['mentor', 'mentee', 'both']) audience!:
    'mentor' | 'mentee' | 'both';
  @ApiProperty({ example: ['kickoff'], description: 'kickoff, midpoint, close, pulse' })
  @IsArray()
  @IsIn(['kickoff', 'midpoint', 'close', 'pulse'], { each: true })
  moments!: SurveyMoment[];
  @ApiProperty({
    description: 'Questions: { key, kind: likert | numeric | nps | text, text: { en, fr }, min?, max?, required }',
    type: [Object],
  })
  @IsArray()
  @ArrayMaxSize(100)
  items!: SurveyItem[];
}

export class SurveyResponseDto {
  @ApiProperty({ example: 'interaction-quality' }) @Matches(/^[a-z][a-z0-9-]{1,60}$/) templateKey!: string;
  @ApiProperty({ required: false, description: 'Defaults to the latest version.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  templateVersion?: number;
  @ApiProperty({
    example: 'mentorship:3f0c…/close',
    description:
      'What the answers are about (a mentorship and moment, a pulse week…); one response per person and occurrence.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  occurrence!: string;
  @ApiProperty({
    example: {
      challenge: 4,
      guidedExperience: 5,
      trust: 5,
      practiceChange: 3,
      nps: 9,
      comment: 'Concrete cases every time.',
    },
  })
  @IsObject()
  answers!: SurveyAnswers;
}

@ApiTags('pilots and surveys')
@ApiBearerAuth()
@Controller()
export class PilotsController {
  constructor(
    private readonly pilots: PilotsService,
    private readonly programs: ProgramsService,
    private readonly surveys: SurveysService,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  @Post('pilots')
  @Roles('owner', 'hr-admin')
  @ApiOperation({
    summary:
      'Import the mentorships of a pilot (JSON, all or nothing; 400 lists every problem with its entry and field).',
  })
  importPilot(
    @Body() body: PilotImportDto,
    @CurrentActor() actor: Actor,
  ): Promise<{ id: string; name: string; mentorships: number }> {
    return this.pilots.import(body.name, body.mentorships, actor);
  }

  @Get('pilots')
  @Roles('owner', 'hr-admin')
  @ApiOperation({ summary: 'Imported pilots, newest first.' })
  list() {
    return this.pilots.list();
  }

  @Get('pilots/:id/analysis')
  @Roles('owner', 'hr-admin')
  @ApiOperation({
    summary:
      'The pilot’s evaluation: success per mentorship with reasons, factors with effect sizes and intervals, competency gaps, themes, risks, recommendations.',
  })
  async analysis(
    @Param('id', uuidParam) id: string,
  ): Promise<{ pilot: { id: string; name: string }; analysis: PilotAnalysis }> {
    return this.pilots.analysis(id);
  }

  @Get('pilots/:id/analysis.html')
  @Roles('owner', 'hr-admin')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'The same evaluation as a readable page with charts.' })
  async analysisPage(@Param('id', uuidParam) id: string): Promise<string> {
    const { pilot, analysis } = await this.pilots.analysis(id);
    return pilotHtml(pilot.name, analysis);
  }

  @Post('programs/:id/pilot-recommendations')
  @HttpCode(200)
  @Roles('owner')
  @ApiOperation({
    summary:
      'Apply a pilot’s recommended matching weights and training focus to a program in LAUNCH_PLANNING (the owner); recorded as an event with who applied them.',
  })
  @ApiOkResponse({ type: ProgramResponse })
  async apply(
    @Param('id', uuidParam) id: string,
    @Body() body: ApplyPilotDto,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<ProgramResponse> {
    const row = await this.programs.findOwned(id, actor);
    const { analysis } = await this.pilots.analysis(body.pilotId);
    const recommendations = {
      pilotId: body.pilotId,
      matchingWeights: analysis.recommendations.matchingWeights,
      focusCompetencies: analysis.recommendations.focusCompetencies,
    };
    await this.temporal.workflow
      .getHandle(row.workflowId)
      .executeUpdate(applyPilotRecommendationsUpdate, { args: [{ actor, recommendations }], updateId: key });
    return this.programs.get(id, actor);
  }

  @Get('survey-templates')
  @ApiOperation({
    summary: 'Every version of every survey template (the interaction-quality template ships as seed data).',
  })
  templates(): Promise<SurveyTemplate[]> {
    return this.surveys.all();
  }

  @Post('survey-templates/:key/versions')
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
