import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../../../libs/platform/src/index.js';

/** The API the CLI talks to: MENTORFLOW_URL and MENTORFLOW_TOKEN, else the local default and its admin token. */
export function apiSettings(env: NodeJS.ProcessEnv = process.env): { url: string; token: string } {
  const url = (env.MENTORFLOW_URL ?? `http://127.0.0.1:${env.PORT ?? 3000}`).replace(/\/$/, '');
  const file = join(dataDir(), 'admin-token');
  const token = env.MENTORFLOW_TOKEN ?? (existsSync(file) ? readFileSync(file, 'utf8').trim() : '');
  if (!token)
    throw new Error(
      'no token: set MENTORFLOW_TOKEN (or start the system once with `npm start`, which saves an admin token)',
    );
  return { url, token };
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(
      `HTTP ${status}: ${typeof body === 'object' && body && 'message' in body ? String(body.message) : JSON.stringify(body)}`,
    );
  }
}

export async function call<T>(
  method: string,
  path: string,
  options: { body?: unknown; csv?: string; query?: Record<string, string>; token?: string } = {},
): Promise<T> {
  const { url, token: admin } = apiSettings();
  const token = options.token ?? admin;
  const query = options.query ? `?${new URLSearchParams(options.query).toString()}` : '';
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  let body: string | undefined;
  if (options.csv !== undefined) {
    headers['Content-Type'] = 'text/csv';
    body = options.csv;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const res = await fetch(`${url}${path}${query}`, { method, headers, body });
  const text = await res.text();
  const parsed: unknown = text ? JSON.parse(text) : null;
  if (!res.ok) throw new ApiFailure(res.status, parsed);
  return parsed as T;
}
