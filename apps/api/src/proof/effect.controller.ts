import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor, EffectView } from '../../../../libs/domain/src/index.js';
import { CurrentActor } from '../auth/auth.decorators.js';
import { uuidParam } from '../http/param-pipes.js';
import { Expensive } from '../http/rate-limit.js';
import { EFFECT_VIEW_SCHEMA, EffectEstimateResponse, EffectWithheldResponse } from './effect.response.js';
import { EffectService } from './effect.service.js';
import { EffectQuery } from './proof.dto.js';

@ApiTags('proof')
@ApiBearerAuth()
@ApiExtraModels(EffectEstimateResponse, EffectWithheldResponse)
@Controller('programs/:id/effect')
export class EffectController {
  constructor(private readonly effects: EffectService) {}

  @Get()
  @Expensive('effect-estimate')
  @ApiOperation({
    summary: 'The cycle’s effect on one measure against comparable managers who were not in the program.',
    description:
      'Each mentee who started a mentorship this cycle is matched (without replacement, optimally) to up to `controlsPerMentee` managers never in the program: same job level (and department if asked), close on years of management, team size and the measure’s own level and trend in the months before the cycle. The effect is a difference in differences over the matched sets (bias-corrected by a regression on the covariates), with a 95 % bootstrap interval that resamples whole sets; retention and promotion are compared over the same sets and window. The answer states the estimate, the interval, sample sizes, covariates, balance (standardised mean differences before and after matching), the result in plain words and what the method cannot rule out. HR admins and the program’s owner see each mentee’s comparison; the sponsor and steering group see aggregates only, withheld when fewer than 5 people are on one side.',
  })
  @ApiOkResponse({
    description:
      'visibility: individual (HR admins, the owner: with `individual`), aggregate (the sponsor, the steering group: `individual` empty) or withheld (fewer than 5 people on one side).',
    schema: EFFECT_VIEW_SCHEMA,
  })
  effect(
    @Param('id', uuidParam) id: string,
    @Query() query: EffectQuery,
    @CurrentActor() actor: Actor,
  ): Promise<EffectView> {
    return this.effects.effect(id, actor, query);
  }
}
