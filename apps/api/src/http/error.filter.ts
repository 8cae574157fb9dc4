import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { isDomainError } from '../../../../libs/domain/src/index.js';
import { HTTP_STATUS_BY_KIND, type BusinessFailureDetails } from '../../../../libs/contracts/src/index.js';
import type { ApiErrorBody } from './api-error.js';

interface Reply {
  status(code: number): Reply;
  json(body: unknown): void;
  setHeader(name: string, value: string): void;
}

/**
 * One place turns failures into HTTP answers: business failures coming back from workflows are
 * recognised by their stable code (instanceof does not survive Temporal), never by message text.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<Reply>();
    const body = this.toBody(exception);
    const retryAfter = (body as { retryAfterSeconds?: unknown }).retryAfterSeconds;
    if (typeof retryAfter === 'number') reply.setHeader('Retry-After', String(retryAfter));
    if (body.statusCode >= 500)
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    reply.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null && 'code' in response)
        return { statusCode: status, ...(response as Omit<ApiErrorBody, 'statusCode'>) };
      const message =
        typeof response === 'string'
          ? response
          : ((response as { message?: string | string[] }).message ?? exception.message);
      return {
        statusCode: status,
        code: codeForStatus(status, exception),
        message: Array.isArray(message) ? message.join('; ') : message,
      };
    }
    if (isDomainError(exception)) {
      return {
        statusCode: HTTP_STATUS_BY_KIND[exception.kind],
        code: exception.code,
        message: exception.message,
        ...fieldOf(exception.details),
      };
    }
    if (exception instanceof WorkflowUpdateFailedError && exception.cause instanceof ApplicationFailure) {
      const details = exception.cause.details?.[0] as BusinessFailureDetails | undefined;
      if (details && details.kind in HTTP_STATUS_BY_KIND) {
        return {
          statusCode: HTTP_STATUS_BY_KIND[details.kind],
          code: details.code,
          message: exception.cause.message,
          ...fieldOf(details.details),
        };
      }
    }
    if (exception instanceof WorkflowNotFoundError)
      return { statusCode: 404, code: 'NOT_FOUND', message: exception.message };
    return { statusCode: 500, code: 'INTERNAL', message: 'internal error' };
  }
}

function fieldOf(details: Record<string, unknown>): Pick<ApiErrorBody, 'errors'> {
  return typeof details.field === 'string'
    ? {
        errors: [{ field: details.field, messages: [typeof details.reason === 'string' ? details.reason : 'invalid'] }],
      }
    : {};
}

function codeForStatus(status: number, exception: HttpException): string {
  // body-parser marks malformed JSON with type entity.parse.failed.
  if (status === 400 && (exception.cause as { type?: string } | undefined)?.type === 'entity.parse.failed')
    return 'REQUEST.MALFORMED_JSON';
  const codes: Record<number, string> = {
    400: 'BAD_REQUEST',
    401: 'AUTH.UNAUTHENTICATED',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
    409: 'CONFLICT',
    413: 'REQUEST.TOO_LARGE',
  };
  return codes[status] ?? `HTTP_${status}`;
}
