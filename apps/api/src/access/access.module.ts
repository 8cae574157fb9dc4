import { Global, Module } from '@nestjs/common';
import { Access } from './access.service.js';

/** The one access policy, for every feature module (and the dashboard) to ask. */
@Global()
@Module({ providers: [Access], exports: [Access] })
export class AccessModule {}
