import { Module } from '@nestjs/common';
import { RateLimitService } from './rate-limit.service.js';
import { TokenService } from './token.service.js';
import { TokensController } from './tokens.controller.js';

/** Bearer tokens: issued by HR admins, checked on every request by the global AuthGuard, with its rate limits. */
@Module({
  controllers: [TokensController],
  providers: [TokenService, RateLimitService],
  exports: [TokenService, RateLimitService],
})
export class AuthModule {}
