import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Credentials with a life cycle: tokens expire and are revoked with a reason; a person's roles are
 * held by the person (a token may carry fewer); dashboard sessions are their own records; an
 * OpenID Connect sign-in in progress keeps its PKCE verifier and nonce server-side.
 */
export class CredentialsLifeCycle1764300000000 implements MigrationInterface {
  name = 'CredentialsLifeCycle1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_tokens ADD COLUMN expires_at timestamptz, ADD COLUMN revoked_reason text`);
    // Tokens issued before expiry existed live 90 days from their issue, and at least 30 more from now.
    await q.query(
      `UPDATE api_tokens SET expires_at = GREATEST(created_at + interval '90 days', now() + interval '30 days')`,
    );
    await q.query(`ALTER TABLE api_tokens ALTER COLUMN expires_at SET NOT NULL`);
    await q.query(`CREATE INDEX ix_api_tokens_person ON api_tokens (person_id)`);
    await q.query(`ALTER TABLE people ADD COLUMN roles text[] NOT NULL DEFAULT '{}'`);
    // Until now a person's roles were those of their tokens.
    await q.query(`
      UPDATE people p SET roles = r.roles FROM (
        SELECT t.person_id, array_agg(DISTINCT role ORDER BY role) AS roles
        FROM api_tokens t, unnest(t.roles) AS role WHERE t.revoked_at IS NULL GROUP BY t.person_id
      ) r WHERE r.person_id = p.id`);
    await q.query(`
      UPDATE api_tokens t SET revoked_at = now(), revoked_reason = 'person-left'
      FROM people p WHERE p.id = t.person_id AND p.status = 'left' AND t.revoked_at IS NULL`);
    await q.query(`
      CREATE TABLE dashboard_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        secret_hash text NOT NULL,
        person_id text NOT NULL REFERENCES people(id),
        roles text[] NOT NULL,
        token_id uuid REFERENCES api_tokens(id),
        via text NOT NULL CHECK (via IN ('token', 'oidc')),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ended_at timestamptz,
        ended_reason text,
        CONSTRAINT uq_dashboard_sessions_secret UNIQUE (secret_hash)
      )`);
    await q.query(`CREATE INDEX ix_dashboard_sessions_person ON dashboard_sessions (person_id) WHERE ended_at IS NULL`);
    await q.query(`
      CREATE TABLE oidc_sign_ins (
        state_hash text PRIMARY KEY,
        code_verifier text NOT NULL,
        nonce text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE oidc_sign_ins`);
    await q.query(`DROP TABLE dashboard_sessions`);
    await q.query(`ALTER TABLE people DROP COLUMN roles`);
    await q.query(`DROP INDEX ix_api_tokens_person`);
    await q.query(`ALTER TABLE api_tokens DROP COLUMN revoked_reason, DROP COLUMN expires_at`);
  }
}
