import type { DataSource } from 'typeorm';
import type { Role } from '../../../../libs/domain/src/index.js';
import { ApiTokenEntity } from '../../../../libs/persistence/src/index.js';
import { hashToken, newTokenSecret } from './token-hash.js';

export interface IssuedToken {
  id: string;
  personId: string;
  roles: Role[];
  label: string;
  /** Shown once; only its hash is stored. */
  token: string;
}

/**
 * Creates the person when the directory does not know them yet, then a token for them. Used by the
 * API (`POST /tokens`) and by the command that issues the first admin token.
 */
export async function issueToken(
  db: DataSource,
  input: { personId: string; displayName: string; email: string | null; roles: Role[]; label: string },
): Promise<IssuedToken> {
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
