import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../../libs/domain/src/index.js';
import { uuidParam } from '../http/param-pipes.js';
import { CurrentActor, Roles } from './auth.decorators.js';
import { IssuedTokenResponse, IssueTokenDto, ListTokensQuery, TokenResponse } from './issue-token.dto.js';
import { TokenService } from './token.service.js';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('tokens')
export class TokensController {
  constructor(private readonly tokens: TokenService) {}

  @Post()
  @Roles('hr-admin')
  @ApiOperation({
    summary:
      'Issue a bearer token for a person with roles (role: hr-admin). The person is given those roles; the token expires after expiresInDays (default TOKEN_TTL_DAYS). 409 PERSON.LEFT for a person who left.',
  })
  @ApiResponse({ status: 201, type: IssuedTokenResponse })
  issue(@Body() body: IssueTokenDto): Promise<IssuedTokenResponse> {
    return this.tokens.issue({
      personId: body.personId,
      displayName: body.displayName,
      email: body.email ?? null,
      roles: body.roles,
      label: body.label ?? 'api',
      ...(body.expiresInDays !== undefined ? { expiresInDays: body.expiresInDays } : {}),
    });
  }

  @Get()
  @ApiOperation({
    summary: 'The caller’s own tokens, newest first, revoked and expired ones included (HR admins: ?personId=).',
  })
  @ApiOkResponse({ type: [TokenResponse] })
  list(@Query() query: ListTokensQuery, @CurrentActor() actor: Actor): Promise<TokenResponse[]> {
    return this.tokens.list(actor, query.personId);
  }

  @Delete(':id')
  @ApiOperation({
    summary:
      'Revoke a token: its holder, or an HR admin (404 for anybody else’s, as for an unknown id). Dashboard sessions opened with it end too. Revoking twice keeps the first revocation.',
  })
  @ApiOkResponse({ type: TokenResponse })
  revoke(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<TokenResponse> {
    return this.tokens.revoke(id, actor);
  }
}
