import type { OpenAPIObject } from '@nestjs/swagger';

type Operation = {
  parameters?: Array<{ in?: string }>;
  requestBody?: unknown;
  security?: unknown[];
  responses: Record<string, unknown>;
};

/** Why each status can come, whatever the route (the route's own decorators may say more). */
const WHY: Record<string, string> = {
  '400':
    'A field, a path or query parameter is invalid (`VALIDATION`, each field named), or JSON nested too deep (`REQUEST.TOO_DEEP`).',
  '401': 'No token, or an unknown, expired or revoked one (`AUTH.MISSING_TOKEN`, `AUTH.INVALID_TOKEN`).',
  '403': 'The caller’s role or relation does not allow it (`AUTH.ROLE_REQUIRED`, `PROGRAM.NOT_OWNER`, …).',
  '404': 'No such object (`NOT_FOUND`, `PROGRAM.NO_SUCH_CYCLE`).',
  '409':
    'The object is in the wrong phase or state for this (`PROGRAM.WRONG_PHASE`, `MENTORSHIP.WRONG_PHASE`, …), or a request with this Idempotency-Key is still running (`IDEMPOTENCY.IN_PROGRESS`).',
  '413': 'The body is too large (`REQUEST.TOO_LARGE`: 256 KB of JSON, 20 MB of CSV).',
  '415': 'The body is not of a type this route reads.',
  '422': 'This Idempotency-Key was used for another request (`IDEMPOTENCY.KEY_REUSED`).',
  '429':
    'Too many failed authentications from this address, or too many expensive calls (`AUTH.TOO_MANY_FAILURES`, `RATE_LIMITED`); see Retry-After.',
  '503':
    'A workflow did not answer in time or could not take the request now; nothing is lost — retry with the same Idempotency-Key (`WORKFLOW.NOT_ANSWERING`, `WORKFLOW.BUSY`, `EVENT_STORE.UNAVAILABLE`).',
};

const ERROR_BODY = {
  type: 'object',
  required: ['statusCode', 'code', 'message'],
  properties: {
    statusCode: { type: 'integer' },
    code: { type: 'string', description: 'Stable code of the reason, e.g. `PROGRAM.WRONG_PHASE`.' },
    message: { type: 'string' },
    errors: {
      type: 'array',
      description: 'With VALIDATION: each field at fault.',
      items: {
        type: 'object',
        required: ['field', 'messages'],
        properties: { field: { type: 'string' }, messages: { type: 'array', items: { type: 'string' } } },
      },
    },
    retryAfterSeconds: { type: 'integer' },
  },
};

/**
 * Lists in the document every error status a route can answer, with the one error body they all
 * share: the pipeline every request goes through (validation, authentication, idempotency, the
 * workflow deadline) can answer these on any route of its kind, so a client must expect them.
 */
export function documentErrors(doc: OpenAPIObject): OpenAPIObject {
  doc.components = { ...doc.components, schemas: { ...doc.components?.schemas, ApiErrorBody: ERROR_BODY } };
  for (const methods of Object.values(doc.paths)) {
    for (const [method, op] of Object.entries(methods as Record<string, Operation>)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const authenticated = (op.security?.length ?? 0) > 0;
      const writes = method !== 'get';
      const hasPath = (op.parameters ?? []).some((p) => p.in === 'path');
      const statuses = [
        ...(hasPath || writes || (op.parameters ?? []).some((p) => p.in === 'query') ? ['400'] : []),
        ...(authenticated ? ['401', '403', '429', '503'] : ['503']),
        ...(hasPath ? ['404', '409'] : []),
        // A body may name an object that does not exist (a person, a template…).
        ...(writes ? ['404', '409', '413', '415', '422'] : []),
      ];
      for (const status of statuses) {
        const declared = op.responses[status] as { description?: string } | undefined;
        op.responses[status] = {
          description: declared?.description ? `${declared.description} ${WHY[status]}` : WHY[status],
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiErrorBody' } } },
        };
      }
    }
  }
  return doc;
}
