import { RoiEvidenceResponse } from './dto/roi.response.js';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../../libs/domain/src/index.js';
import { CurrentActor } from '../auth/auth.decorators.js';
import { uuidParam } from '../http/param-pipes.js';
import {
  CheckpointBriefingResponse,
  MentorshipResponse,
  MentorshipSummaryResponse,
  SessionResponse,
  TimelineEntryResponse,
} from './dto/mentorship.response.js';
import { MentorshipsService } from './mentorships.service.js';
import { AcceptsIdempotencyKey } from '../http/idempotency-header.js';

@ApiTags('mentorships')
@ApiBearerAuth()
@AcceptsIdempotencyKey()
@Controller()
export class MentorshipsController {
  constructor(private readonly mentorships: MentorshipsService) {}

  @Get('mentorships')
  @ApiOperation({ summary: 'My mentorships, as mentee, mentor, supervisor or owner.' })
  @ApiOkResponse({ type: [MentorshipSummaryResponse] })
  mine(@CurrentActor() actor: Actor): Promise<MentorshipSummaryResponse[]> {
    return this.mentorships.mine(actor);
  }

  @Get('mentorships/:id')
  @ApiOperation({ summary: 'Live state of a mentorship (its mentee, mentor, supervisor and the program’s owner).' })
  @ApiOkResponse({ type: MentorshipResponse })
  get(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<MentorshipResponse> {
    return this.mentorships.get(id, actor);
  }

  @Get('mentorships/:id/timeline')
  @ApiOperation({
    summary:
      'Every event of the mentorship, oldest first, without what the caller may not see (private notes, others’ survey answers).',
  })
  @ApiOkResponse({ type: [TimelineEntryResponse] })
  timeline(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<TimelineEntryResponse[]> {
    return this.mentorships.timeline(id, actor);
  }

  @Get('mentorships/:id/sessions')
  @ApiOperation({ summary: 'Logged sessions; private notes only for their author.' })
  @ApiOkResponse({ type: [SessionResponse] })
  sessions(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<SessionResponse[]> {
    return this.mentorships.sessions(id, actor);
  }

  @Get('mentorships/:id/checkpoints')
  @ApiOperation({
    summary:
      'Checkpoints and the supervisor’s briefing: sessions, goal progress, the mentee’s latest pulse (not shown to the mentor).',
  })
  @ApiOkResponse({ type: CheckpointBriefingResponse })
  checkpoints(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<CheckpointBriefingResponse> {
    return this.mentorships.checkpoints(id, actor);
  }

  @Get('mentorships/:id/roi')
  @ApiOperation({
    summary:
      'ROI evidence of a closed mentorship: competency progress, operational deltas with sources, cost and the ratio with its assumptions. 409 before CLOSED.',
  })
  @ApiOkResponse({ type: RoiEvidenceResponse })
  roi(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<RoiEvidenceResponse> {
    return this.mentorships.roi(id, actor);
  }
}
