import { describe, expect, it } from '@jest/globals';
import { ContractChecker, type OpenApiDoc } from './support/openapi-contract.js';

/** The checker that every e2e answer goes through must catch a DTO that lies (issue 19's four). */
const doc: OpenApiDoc = {
  paths: {
    '/programs/{id}/reviews': {
      get: {
        responses: {
          '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/ReviewsResponse' } } } },
          '403': { content: { 'application/json': { schema: { type: 'object', required: ['code'] } } } },
        },
      },
    },
    '/programs/{id}': {
      get: { responses: { '200': { content: { 'application/json': { schema: { type: 'object' } } } } } },
    },
  },
  components: {
    schemas: {
      // As the document once declared it: an object where the API answers a number.
      ReviewsResponse: {
        type: 'object',
        required: ['open'],
        properties: { open: { type: 'object', nullable: true }, at: { type: 'string', format: 'date-time' } },
      },
    },
  },
};
const checker = new ContractChecker(doc);
const answer = (status: number, body: unknown, url = '/programs/p-1/reviews') => ({
  method: 'GET',
  url,
  status,
  contentType: 'application/json; charset=utf-8',
  body,
});

describe('the OpenAPI contract check', () => {
  it('refuses a body its declared schema does not describe', () => {
    expect(checker.problem(answer(200, { open: 2 }))).toMatch(
      /GET \/programs\/\{id\}\/reviews → 200: \/open must be object/,
    );
    expect(checker.problem(answer(200, { open: null, at: 'yesterday' }))).toMatch(/\/at must match format "date-time"/);
  });

  it('accepts what the schema says, null where nullable', () => {
    expect(checker.problem(answer(200, { open: { review: 2 } }))).toBeNull();
    expect(checker.problem(answer(200, { open: null }))).toBeNull();
  });

  it('refuses a status the route does not list', () => {
    expect(checker.problem(answer(409, { code: 'X' }))).toBe(
      'GET /programs/{id}/reviews → 409: status not in the document',
    );
  });

  it('matches the most specific route and leaves pages outside the document alone', () => {
    expect(checker.problem(answer(200, {}, '/programs/p-1'))).toBeNull();
    expect(checker.problem(answer(200, '<html>', '/dashboard/programs/p-1'))).toBeNull();
  });
});
