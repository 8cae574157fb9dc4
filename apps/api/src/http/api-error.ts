import { HttpException } from '@nestjs/common';

/** Every error body has a stable `code`, a human `message` and, for validation, the fields at fault. */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: Array<{ field: string; messages: string[] }>;
}

export class ApiError extends HttpException {
  constructor(
    status: number,
    code: string,
    message: string,
    errors?: ApiErrorBody['errors'],
    extra: Record<string, unknown> = {},
  ) {
    super(
      { ...extra, statusCode: status, code, message, ...(errors ? { errors } : {}) } satisfies ApiErrorBody,
      status,
    );
  }
}

export const notFound = (what: string, id: string) => new ApiError(404, 'NOT_FOUND', `${what} ${id} does not exist`);
export const badField = (field: string, message: string) =>
  new ApiError(400, 'VALIDATION', `${field}: ${message}`, [{ field, messages: [message] }]);
export const forbidden = (code: string, message: string) => new ApiError(403, code, message);
