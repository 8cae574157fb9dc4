import { createHash, randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { isRole, type Actor, type Role } from '../../../domain/src/index.js';

/** Tokens carry 256 random bits, so a fast hash is enough; the prefix makes leaks easy to grep for. */
export const newTokenSecret = (): string => `mf_${randomBytes(32).toString('base64url')}`;
export const hashToken = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

/** How long a token lives when its issuer says nothing (TOKEN_TTL_DAYS overrides it in a deployment). */
export const DEFAULT_TOKEN_TTL_DAYS = 90;

export interface IssuedToken {
  id: string;
  personId: string;
  roles: Role[];
  label: string;
  expiresAt: string;
  /** Shown once; only its hash is stored. */
  token: string;
}

export interface TokenRequest {
  personId: string;
  displayName: string;
  email: string | null;
  roles: Role[];
  label: string;
  /** Days until it expires (default DEFAULT_TOKEN_TTL_DAYS). */
  ttlDays?: number;
}

/** A token as its holder and HR admins see it (never its secret). */
export interface TokenRecord {
  id: string;
  personId: string;
  roles: Role[];
  label: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  revokedReason: string | null;
}

/** A credential refused for a reason the caller can act on (a person who left gets no token). */
export class CredentialRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Creates the person when the directory does not know them yet, grants them the token's roles
 * (a person's roles are the person's; a token carries some of them), then the token. Used by the
 * API (`POST /tokens`), the command that issues the first admin token, the launcher and the tests.
 */
export async function issueToken(db: DataSource, input: TokenRequest): Promise<IssuedToken> {
  const secret = newTokenSecret();
  const ttlDays = input.ttlDays ?? DEFAULT_TOKEN_TTL_DAYS;
  return db.transaction(async (tx) => {
    await tx.query(`INSERT INTO people (id, display_name, email) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`, [
      input.personId,
      input.displayName,
      input.email,
    ]);
    // UPDATE … RETURNING through TypeORM's query() answers [rows, count].
    const [people]: [Array<{ status: string }>, number] = await tx.query(
      `UPDATE people SET roles = ARRAY(SELECT DISTINCT r FROM unnest(roles || $2::text[]) AS r ORDER BY r)
       WHERE id = $1 RETURNING status`,
      [input.personId, input.roles],
    );
    if (people[0]?.status !== 'active')
      throw new CredentialRefused('PERSON.LEFT', `${input.personId} has left the company: no token is issued`);
    const rows: Array<{ id: string; expires_at: Date }> = await tx.query(
      `INSERT INTO api_tokens (person_id, token_hash, roles, label, expires_at)
       VALUES ($1, $2, $3, $4, now() + $5::double precision * interval '1 day') RETURNING id, expires_at`,
      [input.personId, hashToken(secret), input.roles, input.label, ttlDays],
    );
    const saved = rows[0];
    return {
      id: saved.id,
      personId: input.personId,
      roles: input.roles,
      label: input.label,
      expiresAt: saved.expires_at.toISOString(),
      token: secret,
    };
  });
}

/**
 * Revokes every token and ends every dashboard session of these people, in the caller's
 * transaction: how a person who leaves (HR import, edit, deactivation, `left` HR event) loses access.
 */
export async function revokeCredentialsOf(tx: EntityManager, personIds: string[], reason: string): Promise<void> {
  if (personIds.length === 0) return;
  await tx.query(
    `UPDATE api_tokens SET revoked_at = now(), revoked_reason = $2 WHERE person_id = ANY($1) AND revoked_at IS NULL`,
    [personIds, reason],
  );
  await tx.query(
    `UPDATE dashboard_sessions SET ended_at = now(), ended_reason = $2 WHERE person_id = ANY($1) AND ended_at IS NULL`,
    [personIds, reason],
  );
}

interface TokenRow {
  id: string;
  person_id: string;
  roles: string[];
  label: string;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  revoked_reason: string | null;
}

const toRecord = (r: TokenRow): TokenRecord => ({
  id: r.id,
  personId: r.person_id,
  roles: r.roles.filter(isRole),
  label: r.label,
  createdAt: r.created_at.toISOString(),
  expiresAt: r.expires_at.toISOString(),
  revokedAt: r.revoked_at?.toISOString() ?? null,
  revokedReason: r.revoked_reason,
});

/** The one reader of `api_tokens`. */
export class TokenQueries {
  constructor(private readonly db: DataSource) {}

  /**
   * The actor a bearer secret stands for, or null when it is unknown, expired or revoked, or its
   * person has left. Its roles are the token's still held by the person.
   */
  async authenticate(secret: string): Promise<{ actor: Actor; tokenId: string } | null> {
    // Every request comes through here: one indexed lookup in plain SQL, no entity mapping.
    const rows: Array<{ id: string; person_id: string; roles: string[] }> = await this.db.query(
      `SELECT t.id, t.person_id, ARRAY(SELECT unnest(t.roles) INTERSECT SELECT unnest(p.roles)) AS roles
       FROM api_tokens t JOIN people p ON p.id = t.person_id
       WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > now() AND p.status = 'active'`,
      [hashToken(secret)],
    );
    const token = rows[0];
    if (!token) return null;
    return { actor: { personId: token.person_id, roles: token.roles.filter(isRole).sort() }, tokenId: token.id };
  }

  issue(input: TokenRequest): Promise<IssuedToken> {
    return issueToken(this.db, input);
  }

  /** A person's tokens, newest first (revoked and expired ones included, for the record). */
  async ofPerson(personId: string): Promise<TokenRecord[]> {
    const rows: TokenRow[] = await this.db.query(
      `SELECT id, person_id, roles, label, created_at, expires_at, revoked_at, revoked_reason
       FROM api_tokens WHERE person_id = $1 ORDER BY created_at DESC, id LIMIT 500`,
      [personId],
    );
    return rows.map(toRecord);
  }

  async find(id: string): Promise<TokenRecord | null> {
    const rows: TokenRow[] = await this.db.query(
      `SELECT id, person_id, roles, label, created_at, expires_at, revoked_at, revoked_reason FROM api_tokens WHERE id = $1`,
      [id],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** Revokes a token (once: a second revocation keeps the first time and reason) and ends its dashboard sessions. */
  async revoke(id: string, reason: string): Promise<TokenRecord> {
    return this.db.transaction(async (tx) => {
      await tx.query(
        `UPDATE api_tokens SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`,
        [id, reason],
      );
      await tx.query(
        `UPDATE dashboard_sessions SET ended_at = now(), ended_reason = 'token-revoked' WHERE token_id = $1 AND ended_at IS NULL`,
        [id],
      );
      const rows: TokenRow[] = await tx.query(
        `SELECT id, person_id, roles, label, created_at, expires_at, revoked_at, revoked_reason FROM api_tokens WHERE id = $1`,
        [id],
      );
      return toRecord(rows[0]);
    });
  }
}
