import { applyDecorators, ParseUUIDPipe } from '@nestjs/common';
import { ApiPropertyOptional, ApiQuery } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { badField } from './api-error.js';

/** The largest value of a Postgres `integer` column: a number beyond it names nothing stored. */
export const INT4_MAX = 2_147_483_647;

/** A whole number in path `name`, from `min` to what an integer column holds; 400 naming it otherwise. */
export function wholeNumberParam(name: string, min = 1) {
  return {
    transform: (value: string): number => {
      const n = /^-?\d{1,12}$/.test(value) ? Number(value) : NaN;
      if (!Number.isInteger(n) || n < min || n > INT4_MAX)
        throw badField(name, `must be a whole number from ${min} to ${INT4_MAX}`);
      return n;
    },
  };
}

/** Path parameters refused with the same 400 body as any other bad field. */
export const uuidParam = new ParseUUIDPipe({ exceptionFactory: () => badField('id', 'must be a UUID') });
export const versionParam = wholeNumberParam('version');
export const checkpointParam = wholeNumberParam('checkpoint');
export const reviewParam = wholeNumberParam('review');

/** `?cycle=n`: a program's cycle from 1; absent means the running one. */
export const cycleQuery = {
  transform: (value: string | undefined): number | undefined =>
    value === undefined || value === '' ? undefined : wholeNumberParam('cycle').transform(value),
};
/** Documents `?cycle=n` on a read of a program. */
export const CycleQueryDoc = () =>
  ApiQuery({
    name: 'cycle',
    required: false,
    schema: { type: 'integer', minimum: 1 },
    description:
      'The cycle to read (1, 2, …; default: the running one). A finished cycle reads as it stood when it ended. 404 PROGRAM.NO_SUCH_CYCLE for a cycle the program never had.',
  });

/** The `offset` of a paged list: a whole number from 0 to what an integer column holds (else 400). */
export const OffsetQuery = () =>
  applyDecorators(
    ApiPropertyOptional({ default: 0, minimum: 0, maximum: INT4_MAX }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(0),
    Max(INT4_MAX),
  );
