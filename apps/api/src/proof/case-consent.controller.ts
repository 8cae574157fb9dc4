import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { hasRole, type Actor } from '../../../../libs/domain/src/index.js';
import { CaseConsentQueries, CaseMaterialQueries } from '../../../../libs/persistence/src/index.js';
import { CurrentActor } from '../auth/auth.decorators.js';
import { forbidden, notFound } from '../http/api-error.js';
import { ConsentDto, ConsentResponse } from './proof.dto.js';

@ApiTags('proof')
@ApiBearerAuth()
@Controller('people/:id/case-consent')
export class CaseConsentController {
  constructor(
    private readonly consents: CaseConsentQueries,
    private readonly directory: CaseMaterialQueries,
  ) {}

  private async assertMayAnswer(personId: string, actor: Actor): Promise<void> {
    if (actor.personId !== personId && !hasRole(actor, 'hr-admin'))
      throw forbidden('CASE_CONSENT.NOT_YOURS', 'only the person (or an HR admin on their behalf) answers for them');
    if (!(await this.directory.nameable()).some((p) => p.id === personId)) throw notFound('person', personId);
  }

  @Get()
  @ApiOperation({
    summary: 'Whether the person’s writing may feed de-identified training cases (the person, HR admins).',
  })
  @ApiOkResponse({ type: ConsentResponse })
  async get(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<ConsentResponse> {
    await this.assertMayAnswer(id, actor);
    const row = await this.consents.find(id);
    return {
      personId: id,
      consent: row?.consent ?? 'not-asked',
      recordedBy: row?.recordedBy ?? null,
      recordedAt: row?.recordedAt.toISOString() ?? null,
    };
  }

  @Put()
  @ApiOperation({
    summary:
      'Record the person’s answer (the person, HR admins): granted lets their session notes, guidance and review comments feed de-identified cases; refused keeps them out. Asked at kickoff; may be changed any time.',
  })
  @ApiOkResponse({ type: ConsentResponse })
  async put(@Param('id') id: string, @Body() body: ConsentDto, @CurrentActor() actor: Actor): Promise<ConsentResponse> {
    await this.assertMayAnswer(id, actor);
    const row = await this.consents.record(id, body.consent, actor.personId);
    return { personId: id, consent: row.consent, recordedBy: row.recordedBy, recordedAt: row.recordedAt.toISOString() };
  }
}
