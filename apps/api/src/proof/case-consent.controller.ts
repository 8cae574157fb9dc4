import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../../libs/domain/src/index.js';
import { CurrentActor } from '../auth/auth.decorators.js';
import { AcceptsIdempotencyKey } from '../http/idempotency-header.js';
import { CaseConsentService } from './case-consent.service.js';
import { ConsentDto, ConsentResponse } from './proof.dto.js';

@ApiTags('proof')
@ApiBearerAuth()
@AcceptsIdempotencyKey()
@Controller('people/:id/case-consent')
export class CaseConsentController {
  constructor(private readonly consents: CaseConsentService) {}

  @Get()
  @ApiOperation({
    summary: 'Whether the person’s writing may feed de-identified training cases (the person, HR admins).',
  })
  @ApiOkResponse({ type: ConsentResponse })
  get(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<ConsentResponse> {
    return this.consents.get(id, actor);
  }

  @Put()
  @ApiOperation({
    summary:
      'Record the person’s answer (the person, HR admins): granted lets their session notes, guidance and review comments feed de-identified cases; refused keeps them out. Asked at kickoff; may be changed any time.',
  })
  @ApiOkResponse({ type: ConsentResponse })
  put(@Param('id') id: string, @Body() body: ConsentDto, @CurrentActor() actor: Actor): Promise<ConsentResponse> {
    return this.consents.record(id, body.consent, actor);
  }
}
