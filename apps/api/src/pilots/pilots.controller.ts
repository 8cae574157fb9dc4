import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { h } from 'preact';
import type { Actor, PilotAnalysis } from '../../../../libs/domain/src/index.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { OperationKey } from '../http/idempotency.interceptor.js';
import { uuidParam } from '../http/param-pipes.js';
import { ProgramResponse } from '../programs/dto/program.response.js';
import { renderPage } from '../views/render.js';
import {
  ApplyPilotDto,
  PilotAnalysisResponse,
  PilotImportDto,
  PilotImportedResponse,
  PilotSummaryResponse,
} from './pilot.dto.js';
import { PilotsService } from './pilots.service.js';
import { Document } from '../views/document.js';
import { uiFor, uiLanguageOf } from '../views/i18n.js';
import { PilotAnalysisBody } from './views/pilot-analysis.page.js';

@ApiTags('pilots and surveys')
@ApiBearerAuth()
@Controller()
export class PilotsController {
  constructor(private readonly pilots: PilotsService) {}

  @Post('pilots')
  @Roles('owner', 'hr-admin')
  @ApiOperation({
    summary:
      'Import the mentorships of a pilot (JSON, all or nothing; 400 lists every problem with its entry and field).',
  })
  @ApiResponse({ status: 201, type: PilotImportedResponse, description: 'Imported.' })
  @ApiResponse({
    status: 200,
    type: PilotImportedResponse,
    description: 'The same mentorships were imported before: that pilot, unchanged (`created: false`).',
  })
  async importPilot(
    @Body() body: PilotImportDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PilotImportedResponse> {
    const imported = await this.pilots.import(body.name, body.mentorships, actor);
    res.status(imported.created ? 201 : 200);
    return imported;
  }

  @Get('pilots')
  @Roles('owner', 'hr-admin')
  @ApiOperation({ summary: 'Imported pilots, newest first: all for HR admins, an owner’s own imports.' })
  @ApiOkResponse({ type: [PilotSummaryResponse] })
  list(@CurrentActor() actor: Actor): Promise<PilotSummaryResponse[]> {
    return this.pilots.list(actor);
  }

  @Get('pilots/:id/analysis')
  @Roles('owner', 'hr-admin')
  @ApiOperation({
    summary:
      'The pilot’s evaluation: success per mentorship with reasons, factors with effect sizes and intervals, competency gaps, themes, risks, recommendations. For HR admins and the owner who imported it (404 for anybody else).',
  })
  @ApiOkResponse({ type: PilotAnalysisResponse })
  async analysis(
    @Param('id', uuidParam) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<{ pilot: { id: string; name: string }; analysis: PilotAnalysis }> {
    return this.pilots.analysis(id, actor);
  }

  @Get('pilots/:id/analysis.html')
  @Roles('owner', 'hr-admin')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'The same evaluation as a readable page with charts.' })
  async analysisPage(
    @Param('id', uuidParam) id: string,
    @CurrentActor() actor: Actor,
    @Query('lang') lang?: string,
  ): Promise<string> {
    const { pilot, analysis } = await this.pilots.analysis(id, actor);
    const ui = uiFor(uiLanguageOf([], lang));
    const title = ui.fill(ui.t.pilotTitle, { name: pilot.name });
    return renderPage(
      h(Document, {
        lang: ui.lang,
        title,
        children: h('main', {}, h('h1', {}, title), h(PilotAnalysisBody, { ui, analysis })),
      }),
    );
  }

  @Post('programs/:id/pilot-recommendations')
  @HttpCode(200)
  @Roles('owner')
  @ApiOperation({
    summary:
      'Apply a pilot’s recommended matching weights and training focus to a program in LAUNCH_PLANNING (the owner); recorded as an event with who applied them.',
  })
  @ApiOkResponse({ type: ProgramResponse })
  apply(
    @Param('id', uuidParam) id: string,
    @Body() body: ApplyPilotDto,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<ProgramResponse> {
    return this.pilots.applyToProgram(id, body.pilotId, actor, key);
  }
}
