import { createHash } from 'node:crypto';

// Not exported from index.ts: the workflow bundle imports the contracts and must not pull in node:crypto.

/**
 * A UUID (version 5 layout) that depends only on the key: the same key always names the same thing
 * (a program created with an Idempotency-Key, a logged session, a planned mentorship).
 */
export function uuidFromKey(key: string): string {
  const h = createHash('sha256').update(`mentorflow:program:${key}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
