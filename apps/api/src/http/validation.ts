import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ValidateBy } from 'class-validator';
import { ApiError } from './api-error.js';

/** A person id of the directory (HR employee id): the one pattern every DTO checks ids with. */
export const EMPLOYEE_ID = /^[A-Za-z0-9._@-]{1,100}$/;

/** Flattens nested class-validator errors into dotted field paths (`objectives.0.kpis.1.target`). */
export function flattenValidationErrors(
  errors: ValidationError[],
  prefix = '',
): Array<{ field: string; messages: string[] }> {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fields = flattenValidationErrors(errors);
      const summary = fields.map((f) => `${f.field}: ${f.messages.join('; ')}`).join(' | ');
      return new ApiError(400, 'VALIDATION', summary || 'invalid request', fields);
    },
  });
}

/** At most `max` items — said only of an array: a value that is no array gets IsArray's message alone. */
export const MaxItems = (max: number) =>
  ValidateBy({
    name: 'maxItems',
    validator: {
      validate: (value: unknown) => !Array.isArray(value) || value.length <= max,
      defaultMessage: (args) => `${args?.property ?? 'the list'} must contain no more than ${max} elements`,
    },
  });
