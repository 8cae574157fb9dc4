import { Inject, Injectable } from '@nestjs/common';
import { hasRole, type Actor, type Role } from '../../../../libs/domain/src/index.js';
import {
  CredentialRefused,
  TokenQueries,
  type IssuedToken,
  type TokenRecord,
} from '../../../../libs/persistence/src/index.js';
import type { SecuritySettings } from '../../../../libs/platform/src/index.js';
import { Access } from '../access/access.service.js';
import { ApiError, badField, forbidden } from '../http/api-error.js';
import { SECURITY } from '../tokens.js';

/** Tokens with a life cycle: issued with an expiry, listed by their holder, revoked by holder or HR. */
@Injectable()
export class TokenService {
  constructor(
    private readonly tokens: TokenQueries,
    private readonly access: Access,
    @Inject(SECURITY) private readonly security: SecuritySettings,
  ) {}

  /** The person's roles grow by the token's; it lives `expiresInDays` (at most, and by default, TOKEN_TTL_DAYS). */
  async issue(input: {
    personId: string;
    displayName: string;
    email: string | null;
    roles: Role[];
    label: string;
    expiresInDays?: number;
  }): Promise<IssuedToken> {
    const max = this.security.tokenTtlDays;
    if (input.expiresInDays !== undefined && input.expiresInDays > max)
      throw badField('expiresInDays', `must be at most ${max} (TOKEN_TTL_DAYS)`);
    try {
      return await this.tokens.issue({ ...input, ttlDays: input.expiresInDays ?? max });
    } catch (e) {
      if (e instanceof CredentialRefused) throw new ApiError(409, e.code, e.message);
      throw e;
    }
  }

  /** The caller's tokens; HR admins may ask for anybody's. */
  list(actor: Actor, personId?: string): Promise<TokenRecord[]> {
    if (personId !== undefined && personId !== actor.personId && !hasRole(actor, 'hr-admin'))
      throw forbidden('AUTH.ROLE_REQUIRED', "only HR admins list another person's tokens");
    return this.tokens.ofPerson(personId ?? actor.personId);
  }

  /** Revokes a token of the caller's (or any, for an HR admin); 404 for anybody else's, as for an unknown id. */
  async revoke(id: string, actor: Actor): Promise<TokenRecord> {
    const token = this.access.credential(await this.tokens.find(id), id, actor);
    return this.tokens.revoke(token.id, token.personId === actor.personId ? 'holder' : 'hr-admin');
  }
}
