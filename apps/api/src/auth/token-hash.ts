import { createHash, randomBytes } from 'node:crypto';

/** Tokens carry 256 random bits, so a fast hash is enough; the prefix makes leaks easy to grep for. */
export const newTokenSecret = (): string => `mf_${randomBytes(32).toString('base64url')}`;
export const hashToken = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');
