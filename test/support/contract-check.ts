import { afterAll, expect } from '@jest/globals';
import { ContractChecker, recorded } from './openapi-contract.js';

/**
 * After every integration and e2e file: each JSON answer its APIs gave must match the OpenAPI
 * document (status listed, body valid against the declared schema). Registered for the whole tier
 * in jest.int.config.js, so a new e2e test is checked without asking.
 */
afterAll(() => {
  const { doc, answers } = recorded;
  if (!doc || answers.length === 0) return;
  const checker = new ContractChecker(doc);
  const problems = [...new Set(answers.map((a) => checker.problem(a)).filter((p): p is string => p !== null))];
  recorded.answers = [];
  expect(problems).toEqual([]);
});
