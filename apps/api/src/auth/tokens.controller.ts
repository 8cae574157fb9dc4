import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from './auth.decorators.js';
import { IssuedTokenResponse, IssueTokenDto } from './issue-token.dto.js';
import { TokenService } from './token.service.js';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('tokens')
export class TokensController {
  constructor(private readonly tokens: TokenService) {}

  @Post()
  @Roles('hr-admin')
  @ApiOperation({ summary: 'Issue a bearer token for a person with roles (role: hr-admin).' })
  @ApiResponse({ status: 201, type: IssuedTokenResponse })
  issue(@Body() body: IssueTokenDto): Promise<IssuedTokenResponse> {
    return this.tokens.issue({
      personId: body.personId,
      displayName: body.displayName,
      email: body.email ?? null,
      roles: body.roles,
      label: body.label ?? 'api',
    });
  }
}
