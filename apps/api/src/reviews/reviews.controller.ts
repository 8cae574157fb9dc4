import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../../libs/domain/src/index.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { OperationKey } from '../http/idempotency.interceptor.js';
import { CycleQueryDoc, cycleQuery, reviewParam, uuidParam } from '../http/param-pipes.js';
import { ProgramResponse } from '../programs/dto/program.response.js';
import { ReviewDecisionDto, ReviewsResponse } from './review.dto.js';
import { ReviewsService } from './reviews.service.js';
import { AcceptsIdempotencyKey } from '../http/idempotency-header.js';

@ApiTags('programs')
@ApiBearerAuth()
@AcceptsIdempotencyKey()
@Controller('programs/:id/reviews')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get()
  @ApiOperation({
    summary:
      'Re-alignment reviews with what the owner needs to decide: objectives and KPIs as they stand, participants’ feedback (the owner and the sponsor).',
  })
  @CycleQueryDoc()
  @ApiOkResponse({ type: ReviewsResponse })
  briefing(
    @Param('id', uuidParam) id: string,
    @Query('cycle', cycleQuery) cycle: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<ReviewsResponse> {
    return this.reviews.briefing(id, actor, cycle);
  }

  @Post(':review/decision')
  @HttpCode(200)
  @Roles('owner')
  @ApiOperation({
    summary:
      'Decide the open re-alignment review (the owner): keep the course, or adjust objectives and KPIs for the rest of the cycle.',
  })
  @ApiOkResponse({ type: ProgramResponse })
  decide(
    @Param('id', uuidParam) id: string,
    @Param('review', reviewParam) review: number,
    @Body() body: ReviewDecisionDto,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<ProgramResponse> {
    const decision = {
      decision: body.decision,
      notes: body.notes,
      ...(body.objectives
        ? { objectives: body.objectives.map((o) => ({ title: o.title, kpis: o.kpis.map((k) => ({ ...k })) })) }
        : {}),
    };
    return this.reviews.decide(id, review, decision, actor, key);
  }
}
