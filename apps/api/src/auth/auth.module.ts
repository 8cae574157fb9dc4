import { Module } from '@nestjs/common';
import { TokenService } from './token.service.js';
import { TokensController } from './tokens.controller.js';

/** Bearer tokens: issued by HR admins, checked on every request by the global AuthGuard. */
@Module({ controllers: [TokensController], providers: [TokenService], exports: [TokenService] })
export class AuthModule {}
