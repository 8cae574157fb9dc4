import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { OUTCOME_CSV_COLUMNS, type Actor } from '../../../../libs/domain/src/index.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { badField } from '../http/api-error.js';
import { AcceptsIdempotencyKey } from '../http/idempotency-header.js';
import { Expensive } from '../http/rate-limit.js';
import { OutcomeMeasuresService } from './outcome-measures.service.js';
import { MeasureSummaryResponse, OutcomeImportResponse } from './proof.dto.js';

const CSV_DOC = OUTCOME_CSV_COLUMNS.map((c) => `\`${c.name}\`: ${c.doc}`).join('; ');

@ApiTags('proof')
@ApiBearerAuth()
@AcceptsIdempotencyKey()
@Controller('outcome-measures')
export class OutcomeMeasuresController {
  constructor(private readonly outcomes: OutcomeMeasuresService) {}

  @Post('import')
  @HttpCode(200)
  @Roles('hr-admin')
  @Expensive('outcome-import')
  @ApiConsumes('text/csv')
  @ApiBody({
    description: `Per-person (or per-team, under the manager's id) measures over time, for participants and non-participants alike: RFC 4180 CSV with a header line, \`,\` or \`;\`, UTF-8. Columns (all required): ${CSV_DOC}.`,
    schema: { type: 'string' },
  })
  @ApiQuery({ name: 'dryRun', required: false, type: Boolean, description: 'Check and count without writing.' })
  @ApiOperation({
    summary: 'Import outcome measures from a CSV, all or nothing (role: hr-admin).',
    description:
      'One value per source, person, measure and month. Any bad row rejects the whole file (400, code OUTCOME_IMPORT.INVALID, every error with its line and column) and nothing is written. Re-importing a source changes nothing when its values are the same, and replaces the ones that changed.',
  })
  @ApiOkResponse({ type: OutcomeImportResponse })
  import(
    @Body() body: unknown,
    @Query('dryRun') dryRun: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<OutcomeImportResponse> {
    if (typeof body !== 'string' || body.length === 0)
      throw badField('body', 'send the CSV file as the request body with Content-Type: text/csv');
    if (dryRun !== undefined && dryRun !== 'true' && dryRun !== 'false')
      throw badField('dryRun', 'must be true or false');
    return this.outcomes.importCsv(body, actor, dryRun === 'true');
  }

  @Get()
  @Roles('hr-admin', 'owner')
  @ApiOperation({
    summary: 'The measures imported so far, with how many people and which months (roles: hr-admin, owner).',
  })
  @ApiOkResponse({ type: [MeasureSummaryResponse] })
  list(): Promise<MeasureSummaryResponse[]> {
    return this.outcomes.summaries();
  }
}
