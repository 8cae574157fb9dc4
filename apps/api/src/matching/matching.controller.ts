import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../../libs/domain/src/index.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { uuidParam, versionParam } from '../http/param-pipes.js';
import { OperationKey } from '../http/idempotency.interceptor.js';
import { Expensive } from '../http/rate-limit.js';
import { ProgramResponse } from '../programs/dto/program.response.js';
import {
  EnrolDto,
  MatchingStateResponse,
  PairDecisionDto,
  ProposalRequestDto,
  ProposalRequestedResponse,
  ProposalResponse,
} from './matching.dto.js';
import { MatchingService } from './matching.service.js';
import { AcceptsIdempotencyKey } from '../http/idempotency-header.js';

@ApiTags('matching')
@ApiBearerAuth()
@AcceptsIdempotencyKey()
@Controller('programs/:id')
export class MatchingController {
  constructor(private readonly matching: MatchingService) {}

  @Post('enrolments')
  @HttpCode(200)
  @Roles('owner')
  @ApiOperation({
    summary: "Enrol a mentee, a mentor or a supervisor in the cycle (the program's owner, phase SELECTION_MATCHING).",
    description: 'A mentee needs at least one assessment (matching works on competency gaps). 409 in another phase.',
  })
  @ApiOkResponse({ type: ProgramResponse })
  enrol(
    @Param('id', uuidParam) id: string,
    @Body() body: EnrolDto,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<ProgramResponse> {
    return this.matching.enrol(id, body, actor, key);
  }

  @Get('matching')
  @ApiOperation({
    summary:
      'Live matching state: enrolment, pins, bans and proposal versions (the owner and the enrolled supervisors).',
  })
  @ApiOkResponse({ type: MatchingStateResponse })
  state(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<MatchingStateResponse> {
    return this.matching.state(id, actor);
  }

  @Post('matching/proposals')
  @HttpCode(202)
  @Roles('owner')
  @Expensive('matching-solve')
  @ApiOperation({
    summary:
      'Ask for a matching proposal (the owner). Answers at once with its version; the solve runs as an activity.',
    description:
      'Pins and bans recorded so far are respected. Poll GET …/matching/proposals/{version} until READY or FAILED.',
  })
  @ApiResponse({ status: 202, type: ProposalRequestedResponse })
  request(
    @Param('id', uuidParam) id: string,
    @Body() body: ProposalRequestDto,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<ProposalRequestedResponse> {
    return this.matching.requestProposal(id, body, actor, key);
  }

  @Get('matching/proposals/:version')
  @ApiOperation({
    summary:
      'A proposal version: pairs with each criterion’s contribution, unmatched mentees with reasons and best blocked candidates (the owner and the enrolled supervisors).',
  })
  @ApiOkResponse({ type: ProposalResponse })
  proposal(
    @Param('id', uuidParam) id: string,
    @Param('version', versionParam) version: number,
    @CurrentActor() actor: Actor,
  ): Promise<ProposalResponse> {
    return this.matching.proposal(id, version, actor);
  }

  @Post('matching/decisions')
  @HttpCode(200)
  @Roles('owner', 'supervisor')
  @ApiOperation({
    summary:
      'Pin or ban a pair, with a reason (the owner or an enrolled supervisor). Later solves respect it; the decision is an event. Answers the matching state after it.',
  })
  @ApiOkResponse({ type: MatchingStateResponse })
  decide(
    @Param('id', uuidParam) id: string,
    @Body() body: PairDecisionDto,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ) {
    return this.matching.decide(id, body, actor, key);
  }

  @Post('matching/proposals/:version/approval')
  @HttpCode(200)
  @Roles('owner')
  @ApiOperation({
    summary:
      'Approve a proposal version (the owner): its pairs become the cycle’s mentorships and the program moves to TRAINING.',
  })
  @ApiOkResponse({ type: ProgramResponse })
  approve(
    @Param('id', uuidParam) id: string,
    @Param('version', versionParam) version: number,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<ProgramResponse> {
    return this.matching.approve(id, version, actor, key);
  }
}
