/** The Idempotency-Key header as every mentorship route documents it. */
export const IDEMPOTENCY = {
  name: 'Idempotency-Key',
  required: false,
  description: 'A repeat with the same key gets the first answer; nothing is applied twice.',
};
