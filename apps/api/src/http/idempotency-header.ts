import { ApiHeader } from '@nestjs/swagger';

/** Documents the optional Idempotency-Key header on every route of a controller that acts. */
export const AcceptsIdempotencyKey = () =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A repeat with the same key gets the first answer; nothing is applied twice.',
  });
