import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { unstorableText } from '../../../../libs/domain/src/index.js';
import { ApiError } from './api-error.js';

/** Deeper than any body this API takes (a program with objectives and KPIs is 4 levels). */
export const MAX_JSON_DEPTH = 32;

interface InboundRequest {
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
}

const refuse = (field: string, reason: string) =>
  new ApiError(400, 'VALIDATION', `${field}: ${reason}`, [{ field, messages: [reason] }]);

/**
 * The one check every route's input passes before anything else sees it — path parameters, query
 * strings, JSON and form bodies at any depth (keys too) and CSV or text bodies: text Postgres cannot
 * store (NUL, lone surrogates) is refused with 400 naming the field, and so is JSON nested deeper
 * than {@link MAX_JSON_DEPTH}. A value that cannot be stored must never reach a workflow, whose
 * append would refuse it after the fact. Runs as the first global guard, before authentication.
 */
@Injectable()
export class InputGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<InboundRequest>();
    for (const [name, value] of Object.entries(req.params ?? {})) checkValue(value, name, 'path');
    for (const [name, value] of Object.entries(req.query ?? {})) checkValue(value, name, 'query');
    if (typeof req.body === 'string') checkText(req.body);
    else if (req.body !== undefined && req.body !== null) checkValue(req.body, '', 'body');
    return true;
  }
}

/** Walks a parsed value without recursion (a hostile body must not exhaust the stack). */
function checkValue(root: unknown, rootPath: string, where: 'path' | 'query' | 'body'): void {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: root, path: rootPath, depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (depth > MAX_JSON_DEPTH)
      throw new ApiError(
        400,
        'REQUEST.TOO_DEEP',
        `${where === 'body' ? 'the body' : path} is nested deeper than ${MAX_JSON_DEPTH} levels`,
        [{ field: path || 'body', messages: [`nested deeper than ${MAX_JSON_DEPTH} levels`] }],
      );
    if (typeof value === 'string') {
      const reason = unstorableText(value);
      if (reason) throw refuse(path || where, reason);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) =>
        stack.push({ value: item, path: path ? `${path}.${i}` : String(i), depth: depth + 1 }),
      );
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const keyReason = unstorableText(key);
        if (keyReason) throw refuse(path || where, `a key ${keyReason}`);
        stack.push({ value: item, path: path ? `${path}.${key}` : key, depth: depth + 1 });
      }
    }
  }
}

/** A CSV or text body: the first bad character is named by its line and column. */
export function checkText(text: string): void {
  const reason = unstorableText(text);
  if (!reason) return;
  const lines = text.split(/\r\n|\n|\r/);
  for (const [i, line] of lines.entries()) {
    const lineReason = unstorableText(line);
    if (!lineReason) continue;
    const column = [...line].findIndex((ch) => unstorableText(ch) !== null) + 1;
    throw refuse(`body (line ${i + 1}, character ${column})`, lineReason);
  }
  throw refuse('body', reason);
}
