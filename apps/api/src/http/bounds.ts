import { applyDecorators } from '@nestjs/common';
import { IsNumber, Max, Min, registerDecorator, type ValidationArguments } from 'class-validator';

/** Instants a record can carry: nothing before this (no mentoring record is older). */
export const EARLIEST_INSTANT = '2000-01-01T00:00:00.000Z';
const DAY_MS = 86_400_000;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A property decorator from one check and the message naming the field (class-validator's VALIDATION 400). */
function bounded(
  name: string,
  validate: (value: unknown) => boolean,
  message: (field: string) => string,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate,
        defaultMessage: (args?: ValidationArguments) => message(args?.property ?? 'value'),
      },
    });
}

/**
 * An ISO 8601 instant within sane bounds: not before 2000, and not later than `maxFutureDays`
 * from now (a record of something that happened — an assessment, a session — is not in the
 * future; an assessment dated 9999 would stay "latest" forever). 400 naming the field otherwise.
 */
export function SaneInstant(options: { maxFutureDays?: number } = {}): PropertyDecorator {
  const ahead = options.maxFutureDays ?? 1;
  const until = ahead <= 1 ? 'now (a day of clock difference allowed)' : `${ahead} days from now`;
  return bounded(
    'saneInstant',
    (value) => {
      if (typeof value !== 'string' || !ISO_INSTANT.test(value)) return false;
      const at = Date.parse(value);
      return Number.isFinite(at) && at >= Date.parse(EARLIEST_INSTANT) && at <= Date.now() + ahead * DAY_MS;
    },
    (field) => `${field} must be an ISO 8601 date-time from ${EARLIEST_INSTANT.slice(0, 10)} to ${until}`,
  );
}

/** A finite number within ±max (default 10¹²: no KPI, fact or amount is larger; 1e308 is a typo). */
export const SaneNumber = (options: { min?: number; max?: number } = {}) =>
  applyDecorators(
    IsNumber({ allowNaN: false, allowInfinity: false }),
    Min(options.min ?? -(options.max ?? 1e12)),
    Max(options.max ?? 1e12),
  );

/** An object of finite numbers within ±max by key (a fact measured again, by its name). */
export function SaneNumberRecord(options: { max?: number } = {}): PropertyDecorator {
  const max = options.max ?? 1e12;
  return bounded(
    'saneNumberRecord',
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      Object.values(value).every((v) => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= max),
    (field) => `${field} must map names to finite numbers within ±${max}`,
  );
}
