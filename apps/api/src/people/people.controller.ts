import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { HR_CSV_COLUMNS, type Actor } from '../../../../libs/domain/src/index.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { badField } from '../http/api-error.js';
import { Expensive } from '../http/rate-limit.js';
import { ImportResultResponse } from './dto/import-result.dto.js';
import { ListPeopleQuery } from './dto/list-people.query.js';
import {
  CreatePersonDto,
  PersonPageResponse,
  PersonResponse,
  PublicPersonResponse,
  ReportingChainResponse,
  UpdatePersonDto,
} from './dto/person.dto.js';
import { PersonRolesDto } from './dto/person-roles.dto.js';
import { PeopleService } from './people.service.js';

const CSV_DOC = HR_CSV_COLUMNS.map((c) => `\`${c.name}\`${c.required ? ' (required)' : ''}: ${c.doc}`).join('; ');

@ApiTags('people')
@ApiBearerAuth()
@ApiExtraModels(PersonResponse, PublicPersonResponse)
@Controller('people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  @Roles('hr-admin', 'owner')
  @ApiOperation({
    summary:
      'The directory, paginated and filtered (roles: hr-admin, owner): HR admins get every record; an owner gets the public card, and the full record of the people of their own programs.',
  })
  @ApiOkResponse({ type: PersonPageResponse })
  list(@Query() query: ListPeopleQuery, @CurrentActor() actor: Actor): Promise<PersonPageResponse> {
    return this.people.list(query, actor);
  }

  @Post()
  @Roles('hr-admin')
  @ApiOperation({
    summary: 'Add a person (role: hr-admin). 409 if the id exists; 400 for an unknown manager or a reporting cycle.',
  })
  @ApiResponse({ status: 201, type: PersonResponse })
  create(@Body() body: CreatePersonDto): Promise<PersonResponse> {
    return this.people.create(body);
  }

  @Post('import')
  @HttpCode(200)
  @Roles('hr-admin')
  @Expensive('hr-import')
  @ApiConsumes('text/csv')
  @ApiBody({
    description: `An HR export, RFC 4180 CSV with a header line, \`,\` or \`;\`, UTF-8 (BOM allowed). Columns: ${CSV_DOC}.`,
    schema: { type: 'string' },
  })
  @ApiQuery({ name: 'dryRun', required: false, type: Boolean, description: 'Check and count without writing.' })
  @ApiOperation({
    summary: 'Import the directory from an HR CSV export, all or nothing (role: hr-admin).',
    description:
      'Upsert by employee id. Any bad row rejects the whole file (400, code HR_IMPORT.INVALID, every error with its line and column) and nothing is written. Re-importing the same file changes nothing and says so.',
  })
  @ApiOkResponse({ type: ImportResultResponse })
  import(
    @Body() body: unknown,
    @Query('dryRun') dryRun: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<ImportResultResponse> {
    if (typeof body !== 'string' || body.length === 0)
      throw badField('body', 'send the CSV file as the request body with Content-Type: text/csv');
    if (dryRun !== undefined && dryRun !== 'true' && dryRun !== 'false')
      throw badField('dryRun', 'must be true or false');
    return this.people.importCsv(body, actor, dryRun === 'true');
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'A person. Personal details only for the person, HR admins, the owners of programs they are enrolled, planned or nominated in, and their active mentor or supervisor; others get the public card.',
  })
  @ApiOkResponse({
    schema: { anyOf: [{ $ref: getSchemaPath(PersonResponse) }, { $ref: getSchemaPath(PublicPersonResponse) }] },
  })
  get(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<PersonResponse | PublicPersonResponse> {
    return this.people.get(id, actor);
  }

  @Patch(':id')
  @Roles('hr-admin')
  @ApiOperation({ summary: 'Change a person (role: hr-admin).' })
  @ApiOkResponse({ type: PersonResponse })
  update(@Param('id') id: string, @Body() body: UpdatePersonDto): Promise<PersonResponse> {
    return this.people.update(id, body);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @Roles('hr-admin')
  @ApiOperation({ summary: 'Mark a person as having left (role: hr-admin).' })
  @ApiOkResponse({ type: PersonResponse })
  deactivate(@Param('id') id: string): Promise<PersonResponse> {
    return this.people.deactivate(id);
  }

  @Put(':id/roles')
  @Roles('hr-admin')
  @ApiOperation({
    summary:
      'Set the roles mentorflow gives a person (role: hr-admin). Their tokens and dashboard sessions keep only these from now on; a sign-in with the identity provider gets exactly these.',
  })
  @ApiOkResponse({ type: PersonRolesDto })
  setRoles(@Param('id') id: string, @Body() body: PersonRolesDto): Promise<PersonRolesDto> {
    return this.people.setRoles(id, body.roles);
  }

  @Get(':id/reporting-chain')
  @Roles('hr-admin', 'owner')
  @ApiOperation({
    summary:
      'Managers above and everyone below a person (roles: hr-admin, owner; an owner for the people of their own programs only, else 403 PERSON.PRIVATE).',
  })
  @ApiOkResponse({ type: ReportingChainResponse })
  chain(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<ReportingChainResponse> {
    return this.people.reportingChain(id, actor);
  }
}
