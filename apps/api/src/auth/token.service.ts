import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { isRole, type Actor, type Role } from '../../../../libs/domain/src/index.js';
import { DATA_SOURCE } from '../tokens.js';
import { issueToken, type IssuedToken } from './issue-token.js';
import { hashToken } from './token-hash.js';

@Injectable()
export class TokenService {
  constructor(@Inject(DATA_SOURCE) private readonly db: DataSource) {}

  /** The actor a bearer secret stands for, or null when it is unknown or revoked. */
  async authenticate(secret: string): Promise<Actor | null> {
    // Every request comes through here: one indexed lookup in plain SQL, no entity mapping.
    const rows: Array<{ person_id: string; roles: string[] }> = await this.db.query(
      `SELECT person_id, roles FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL`,
      [hashToken(secret)],
    );
    const token = rows[0];
    if (!token) return null;
    return { personId: token.person_id, roles: token.roles.filter(isRole) };
  }

  issue(input: {
    personId: string;
    displayName: string;
    email: string | null;
    roles: Role[];
    label: string;
  }): Promise<IssuedToken> {
    return issueToken(this.db, input);
  }
}
