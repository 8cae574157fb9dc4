import { ApiError } from './api-error.js';

/** A file import refused whole: 400 with every error by line and column (the first thousand listed). */
export function importRejected(
  code: string,
  errors: Array<{ line: number; column: string | null; message: string }>,
): ApiError {
  const shown = errors.slice(0, 1000);
  return new ApiError(
    400,
    code,
    `the file was rejected: ${errors.length} error(s); nothing was imported`,
    shown.map((e) => ({ field: `line ${e.line}${e.column ? `, ${e.column}` : ''}`, messages: [e.message] })),
    { lines: shown, totalErrors: errors.length },
  );
}
