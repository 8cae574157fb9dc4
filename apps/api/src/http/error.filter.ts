import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import {
  ApplicationFailure,
  isGrpcDeadlineError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';

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
    if (body.statusCode >= 500) this.logger.error(describe(exception));
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
    if (
      exception instanceof WorkflowUpdateFailedError &&
      exception.cause instanceof ApplicationFailure &&
      exception.cause.type === 'UnprocessedUpdate'
    ) {
      // Sent again several times already (workflows/workflow-watch.ts): the worker is busy recovering.
      return {
        statusCode: 503,
        code: 'WORKFLOW.BUSY',
        message: 'the workflow could not take the request now; retry with the same Idempotency-Key',
        retryAfterSeconds: 2,
      } as ApiErrorBody;
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
    if (exception instanceof WorkflowNotFoundError) return workflowNotFound(exception);
    if (
      exception instanceof WorkflowUpdateRPCTimeoutOrCancelledError ||
      // A query past the deadline comes wrapped ("Failed to query Workflow", its cause the gRPC
      // DEADLINE_EXCEEDED): seen as 500s under load on the cluster until the causes were read too.
      isGrpcDeadlineError(exception)
    ) {
      return {
        statusCode: 503,
        code: 'WORKFLOW.NOT_ANSWERING',
        message:
          'the workflow did not answer in time; the request may still be applied — retry with the same Idempotency-Key to get its outcome',
        retryAfterSeconds: 5,
      } as ApiErrorBody;
    }
    return { statusCode: 500, code: 'INTERNAL', message: 'internal error' };
  }
}

/**
 * A workflow that has ended cannot take an action any more: that is the wrong phase of its entity
 * (409 with the entity's code), not a missing one. Temporal tells the two apart only by its message
 * ("workflow execution already completed"), the server's stable wording for NOT_FOUND on a closed run.
 */
function workflowNotFound(e: WorkflowNotFoundError): ApiErrorBody {
  if (/already completed/i.test(e.message)) {
    const entity = e.workflowId.startsWith('mentorship:') ? 'MENTORSHIP' : 'PROGRAM';
    return {
      statusCode: 409,
      code: `${entity}.WRONG_PHASE`,
      message: `the ${entity.toLowerCase()} has ended: nothing can change it any more`,
    };
  }
  return { statusCode: 404, code: 'NOT_FOUND', message: e.message };
}

/** The error and its causes (a failed Update's cause is the workflow's failure: the part worth reading). */
function describe(e: unknown): string {
  const parts: string[] = [];
  for (let cur: unknown = e, depth = 0; cur !== undefined && cur !== null && depth < 5; depth++) {
    if (!(cur instanceof Error)) {
      parts.push(JSON.stringify(cur) ?? typeof cur);
      break;
    }
    const type = cur instanceof ApplicationFailure && cur.type ? ` [${cur.type}]` : '';
    parts.push(depth === 0 ? (cur.stack ?? cur.message) : `caused by ${cur.name}${type}: ${cur.message}`);
    cur = (cur as { cause?: unknown }).cause;
  }
  return parts.join('\n');
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
