import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { IsNull } from 'typeorm';
import { isRole, type Actor, type Role } from '../../../../libs/domain/src/index.js';
import { ApiTokenEntity } from '../../../../libs/persistence/src/index.js';
import { DATA_SOURCE } from '../tokens.js';
import { issueToken, type IssuedToken } from './issue-token.js';
import { hashToken } from './token-hash.js';

@Injectable()
export class TokenService {
  constructor(@Inject(DATA_SOURCE) private readonly db: DataSource) {}

  /** The actor a bearer secret stands for, or null when it is unknown or revoked. */
  async authenticate(secret: string): Promise<Actor | null> {
    const token = await this.db.getRepository(ApiTokenEntity).findOne({ where: { tokenHash: hashToken(secret), revokedAt: IsNull() } });
    if (!token) return null;
    return { personId: token.personId, roles: token.roles.filter(isRole) };
  }

  issue(input: { personId: string; displayName: string; email: string | null; roles: Role[]; label: string }): Promise<IssuedToken> {
    return issueToken(this.db, input);
  }
}
