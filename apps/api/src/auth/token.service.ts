import { Injectable } from '@nestjs/common';
import type { Actor, Role } from '../../../../libs/domain/src/index.js';
import { TokenQueries, type IssuedToken } from '../../../../libs/persistence/src/index.js';

@Injectable()
export class TokenService {
  constructor(private readonly tokens: TokenQueries) {}

  /** The actor a bearer secret stands for, or null when it is unknown or revoked. */
  authenticate(secret: string): Promise<Actor | null> {
    return this.tokens.authenticate(secret);
  }

  issue(input: {
    personId: string;
    displayName: string;
    email: string | null;
    roles: Role[];
    label: string;
  }): Promise<IssuedToken> {
    return this.tokens.issue(input);
  }
}
