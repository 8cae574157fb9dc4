import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { isRole, type Actor, type Role } from '../../../domain/src/index.js';
import { ApiTokenEntity } from '../entities/api-token.entity.js';

/** Tokens carry 256 random bits, so a fast hash is enough; the prefix makes leaks easy to grep for. */
export const newTokenSecret = (): string => `mf_${randomBytes(32).toString('base64url')}`;
export const hashToken = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

export interface IssuedToken {
  id: string;
  personId: string;
  roles: Role[];
  label: string;
  /** Shown once; only its hash is stored. */
  token: string;
}

export interface TokenRequest {
  personId: string;
  displayName: string;
  email: string | null;
  roles: Role[];
  label: string;
}

/**
 * Creates the person when the directory does not know them yet, then a token for them. Used by the
 * API (`POST /tokens`), the command that issues the first admin token, the launcher and the tests.
 */
export async function issueToken(db: DataSource, input: TokenRequest): Promise<IssuedToken> {
  const secret = newTokenSecret();
  return db.transaction(async (tx) => {
    await tx.query(`INSERT INTO people (id, display_name, email) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`, [
      input.personId,
      input.displayName,
      input.email,
    ]);
    const saved = await tx.getRepository(ApiTokenEntity).save({
      personId: input.personId,
      tokenHash: hashToken(secret),
      roles: input.roles,
      label: input.label,
      revokedAt: null,
    });
    return { id: saved.id, personId: input.personId, roles: input.roles, label: input.label, token: secret };
  });
}

/** The one reader of `api_tokens`. */
export class TokenQueries {
  constructor(private readonly db: DataSource) {}

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

  issue(input: TokenRequest): Promise<IssuedToken> {
    return issueToken(this.db, input);
  }
}
