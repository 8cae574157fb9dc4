import { ParseIntPipe, ParseUUIDPipe } from '@nestjs/common';
import { badField } from './api-error.js';

/** Path parameters refused with the same 400 body as any other bad field. */
export const uuidParam = new ParseUUIDPipe({ exceptionFactory: () => badField('id', 'must be a UUID') });
export const versionParam = new ParseIntPipe({ exceptionFactory: () => badField('version', 'must be a whole number') });
