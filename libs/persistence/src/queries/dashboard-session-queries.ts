import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { isRole, type Actor, type Role } from '../../../domain/src/index.js';
import { hashToken } from './token-queries.js';

export interface OpenedSession {
  id: string;
  /** The cookie's value, shown once; only its hash is stored. */
  secret: string;
  expiresAt: string;
}

/**
 * The one reader of `dashboard_sessions` and `oidc_sign_ins`. A dashboard session is its own
 * record, never an API token in a cookie: signing out ends it, and it ends with the token it was
 * opened with, when its person leaves, or when it expires.
 */
export class DashboardSessionQueries {
  constructor(private readonly db: DataSource) {}

  async open(s: {
    personId: string;
    roles: Role[];
    tokenId: string | null;
    via: 'token' | 'oidc';
    ttlMs: number;
  }): Promise<OpenedSession> {
    const secret = `mfs_${randomBytes(32).toString('base64url')}`;
    const rows: Array<{ id: string; expires_at: Date }> = await this.db.query(
      `INSERT INTO dashboard_sessions (secret_hash, person_id, roles, token_id, via, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + $6::double precision * interval '1 millisecond') RETURNING id, expires_at`,
      [hashToken(secret), s.personId, s.roles, s.tokenId, s.via, s.ttlMs],
    );
    return { id: rows[0].id, secret, expiresAt: rows[0].expires_at.toISOString() };
  }

  /**
   * The reader a session cookie stands for, or null: the session must be open and unexpired, its
   * person active, and the token it was opened with (if any) neither revoked nor expired. Its roles
   * are those it was opened with and the person still holds.
   */
  async authenticate(secret: string): Promise<{ actor: Actor; sessionId: string } | null> {
    const rows: Array<{ id: string; person_id: string; roles: string[] }> = await this.db.query(
      `SELECT s.id, s.person_id, ARRAY(SELECT unnest(s.roles) INTERSECT SELECT unnest(p.roles)) AS roles
       FROM dashboard_sessions s JOIN people p ON p.id = s.person_id
       LEFT JOIN api_tokens t ON t.id = s.token_id
       WHERE s.secret_hash = $1 AND s.ended_at IS NULL AND s.expires_at > now() AND p.status = 'active'
         AND (s.token_id IS NULL OR (t.revoked_at IS NULL AND t.expires_at > now()))`,
      [hashToken(secret)],
    );
    const row = rows[0];
    if (!row) return null;
    return { actor: { personId: row.person_id, roles: row.roles.filter(isRole).sort() }, sessionId: row.id };
  }

  /** Ends the session a cookie names (signing out); unknown or ended sessions are left as they are. */
  async end(secret: string, reason: string): Promise<void> {
    await this.db.query(
      `UPDATE dashboard_sessions SET ended_at = now(), ended_reason = $2 WHERE secret_hash = $1 AND ended_at IS NULL`,
      [hashToken(secret), reason],
    );
  }

  /** Whether the session is still open (for tests and audits). */
  async isOpen(id: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM dashboard_sessions WHERE id = $1 AND ended_at IS NULL AND expires_at > now()`,
      [id],
    );
    return rows.length > 0;
  }

  /** Keeps an OpenID Connect sign-in's PKCE verifier and nonce under its state, for ten minutes. */
  async beginSignIn(state: string, codeVerifier: string, nonce: string): Promise<void> {
    await this.db.query(`DELETE FROM oidc_sign_ins WHERE expires_at < now()`);
    await this.db.query(
      `INSERT INTO oidc_sign_ins (state_hash, code_verifier, nonce, expires_at) VALUES ($1, $2, $3, now() + interval '10 minutes')`,
      [hashToken(state), codeVerifier, nonce],
    );
  }

  /** Takes a sign-in's verifier and nonce back, once: a replayed callback finds nothing. */
  async finishSignIn(state: string): Promise<{ codeVerifier: string; nonce: string } | null> {
    // DELETE … RETURNING through TypeORM's query() answers [rows, count].
    const [rows]: [Array<{ code_verifier: string; nonce: string }>, number] = await this.db.query(
      `DELETE FROM oidc_sign_ins WHERE state_hash = $1 AND expires_at > now() RETURNING code_verifier, nonce`,
      [hashToken(state)],
    );
    const row = rows[0];
    return row ? { codeVerifier: row.code_verifier, nonce: row.nonce } : null;
  }
}
