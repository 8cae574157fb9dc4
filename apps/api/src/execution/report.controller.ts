import { Body, Controller, Get, Header, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Client } from '@temporalio/client';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import type { DataSource } from 'typeorm';
import {
  cycleOf,
  effectivenessReport,
  mentorContributions,
  monitorProgram,
  type Actor,
  type EffectivenessReport,
  type MentorContribution,
  type Recognition,
} from '../../../../libs/domain/src/index.js';
import { grantRecognitionUpdate, programStateQuery } from '../../../../libs/contracts/src/index.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { OperationKey } from '../http/idempotency.interceptor.js';
import { uuidParam } from '../http/param-pipes.js';
import type { MentorshipTerms } from '../mentorships/mentorships.service.js';
import { ProgramsService } from '../programs/programs.service.js';
import { DATA_SOURCE, MENTORSHIP_TERMS, TEMPORAL_CLIENT } from '../tokens.js';
import { mentorshipSnapshots } from './monitoring.js';
import { reportHtml } from './report-html.js';
import { EMPLOYEE_ID } from '../http/validation.js';

export class RecognitionDto {
  @ApiProperty({ example: 'E0042' })
  @Matches(EMPLOYEE_ID, { message: 'mentorId must be an employee id' })
  mentorId!: string;
  @ApiProperty({ example: 'Three mentees, every one of them promoted within the year.' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  note!: string;
}

export class RecognitionResponse {
  @ApiProperty({ description: 'Each mentor’s contribution this cycle, most hours first.' })
  contributions!: MentorContribution[];
  @ApiProperty({ description: 'Highlight texts for internal communication, per mentor, in English and French.' })
  highlights!: Record<string, { en: string; fr: string }>;
  @ApiProperty({ description: 'Recognition granted by the owner, all cycles.' }) granted!: Recognition[];
}

/** Highlight texts from templates; figures only, so that nothing personal leaks into a newsletter. */
function highlight(c: MentorContribution): { en: string; fr: string } {
  const progress =
    c.menteeProgress === null
      ? ''
      : ` Their mentees gained ${c.menteeProgress} level(s) on average on their goal competencies.`;
  const progressFr =
    c.menteeProgress === null
      ? ''
      : ` Leurs mentorés ont gagné en moyenne ${c.menteeProgress} niveau(x) sur leurs compétences cibles.`;
  return {
    en: `This cycle, ${c.mentorId} mentored ${c.mentorships} manager(s) for ${c.hours} hour(s) of sessions.${progress}`,
    fr: `Pendant ce cycle, ${c.mentorId} a accompagné ${c.mentorships} manager(s) pendant ${c.hours} heure(s) de séances.${progressFr}`,
  };
}

@ApiTags('programs')
@ApiBearerAuth()
@Controller('programs/:id')
export class ReportController {
  constructor(
    private readonly programs: ProgramsService,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(DATA_SOURCE) private readonly db: DataSource,
    @Inject(MENTORSHIP_TERMS) private readonly terms: MentorshipTerms,
  ) {}

  private async cycle(programId: string, actor: Actor, ownerOnly = false) {
    const row = ownerOnly
      ? await this.programs.findOwned(programId, actor)
      : await this.programs.findReadable(programId, actor);
    const state = await this.temporal.workflow.getHandle(row.workflowId).query(programStateQuery);
    const ids = new Set((state?.execution?.mentorships ?? []).map((m) => m.mentorshipId));
    // This cycle's mentorships only: a renewed program keeps the earlier ones in its history.
    const snapshots = (await mentorshipSnapshots(this.db, programId)).filter((s) => ids.has(s.mentorshipId));
    return { row, state, snapshots };
  }

  private async report(programId: string, actor: Actor): Promise<{ name: string; report: EffectivenessReport }> {
    const { row, state, snapshots } = await this.cycle(programId, actor);
    const approved = state?.matching?.proposals.find((p) => p.version === state.matching?.approvedVersion)?.summary;
    const report = effectivenessReport({
      cycle: state ? cycleOf(state) : 1,
      objectives: state?.objectives ?? row.objectives,
      planned: state?.execution?.mentorships.length ?? 0,
      enrolledMentees: (state?.matching?.participants ?? []).filter((p) => p.role === 'mentee').length,
      matchedMentees: approved?.matched ?? 0,
      snapshots,
      evidence: snapshots
        .filter((s) => s.roi)
        .map((s) => ({ mentorshipId: s.mentorshipId, menteeId: s.menteeId, mentorId: s.mentorId, roi: s.roi! })),
      competencyProgress: monitorProgram(snapshots, this.terms.policy, Date.now()).indicators.competencyProgress,
    });
    return { name: row.name, report };
  }

  @Get('report')
  @ApiOperation({
    summary:
      'The cycle’s effectiveness and ROI report as JSON (the owner and the sponsor): ROI evidence aggregated with its facts, competency progress, participation, KPIs against targets.',
  })
  async reportJson(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<EffectivenessReport> {
    return (await this.report(id, actor)).report;
  }

  @Get('report.html')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'The same report as a readable page with charts (the owner and the sponsor).' })
  async reportPage(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<string> {
    const { name, report } = await this.report(id, actor);
    return reportHtml(name, report);
  }

  @Get('recognition')
  @Roles('owner')
  @ApiOperation({
    summary:
      'Each mentor’s contribution this cycle, highlight texts for internal communication, and the recognition granted (the owner).',
  })
  @ApiOkResponse({ type: RecognitionResponse })
  async recognition(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<RecognitionResponse> {
    const { state, snapshots } = await this.cycle(id, actor, true);
    const contributions = mentorContributions(snapshots);
    return {
      contributions,
      highlights: Object.fromEntries(contributions.map((c) => [c.mentorId, highlight(c)])),
      granted: state?.recognitions ?? [],
    };
  }

  @Post('recognition')
  @HttpCode(200)
  @Roles('owner')
  @ApiOperation({
    summary: 'Grant recognition to a mentor of this cycle (the owner, EXECUTION or EVALUATION); recorded as an event.',
  })
  @ApiOkResponse({ type: RecognitionResponse })
  async grant(
    @Param('id', uuidParam) id: string,
    @Body() body: RecognitionDto,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<RecognitionResponse> {
    const row = await this.programs.findOwned(id, actor);
    await this.temporal.workflow.getHandle(row.workflowId).executeUpdate(grantRecognitionUpdate, {
      args: [{ actor, mentorId: body.mentorId, note: body.note }],
      updateId: key,
    });
    return this.recognition(id, actor);
  }
}
