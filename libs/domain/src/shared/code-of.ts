import type { DomainError } from './domain-error.js';

/** The stable code a decision refuses with, or 'accepted': lets specs tabulate refusals. */
export const codeOf = (decide: () => unknown): string => {
  try {
    decide();
  } catch (e) {
    return (e as DomainError).code;
  }
  return 'accepted';
};
