import { ParseIntPipe, ParseUUIDPipe } from '@nestjs/common';
import { badField } from './api-error.js';

/** Path parameters refused with the same 400 body as any other bad field. */
export const uuidParam = new ParseUUIDPipe({ exceptionFactory: () => badField('id', 'must be a UUID') });
export const versionParam = new ParseIntPipe({ exceptionFactory: () => badField('version', 'must be a whole number') });
export const checkpointParam = new ParseIntPipe({
  exceptionFactory: () => badField('checkpoint', 'must be a whole number'),
});
export const reviewParam = {
  transform: (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw badField('review', 'must be a whole number from 1');
    return n;
  },
};
