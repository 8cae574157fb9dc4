import { Module } from '@nestjs/common';
import { AuthFailures } from './auth-failures.js';
import { Credentials } from './credentials.service.js';
import { OidcService } from './oidc.service.js';
import { RateLimitService } from './rate-limit.service.js';
import { TokenService } from './token.service.js';
import { TokensController } from './tokens.controller.js';

/**
 * Credentials: tokens (issued by HR admins, listed and revoked by their holders), the identity
 * provider's sign-in and access tokens, and the failed-authentication limit every way in shares.
 * The global AuthGuard checks them on every request.
 */
@Module({
  controllers: [TokensController],
  providers: [TokenService, Credentials, OidcService, AuthFailures, RateLimitService],
  exports: [TokenService, Credentials, OidcService, AuthFailures, RateLimitService],
})
export class AuthModule {}
