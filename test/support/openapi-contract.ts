import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/**
 * The OpenAPI document as a contract: every answer an e2e test receives is checked against the
 * schema its route declares for its status, so a DTO that says one thing while the API answers
 * another fails the run instead of a client generated from the document.
 */
type Json = Record<string, unknown>;
export interface OpenApiDoc {
  paths: Record<
    string,
    Record<string, { responses?: Record<string, { content?: Record<string, { schema?: Json }> }> }>
  >;
  components?: { schemas?: Record<string, Json> };
}
export interface RecordedAnswer {
  method: string;
  url: string;
  status: number;
  contentType: string;
  body: unknown;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** OpenAPI 3.0 schema → JSON Schema: `nullable` becomes a null alternative; refs point into the document. */
export function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const { nullable, $ref, ...rest } = schema as Json & { nullable?: boolean; $ref?: string };
  const converted: Json = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, toJsonSchema(v)]));
  if (typeof $ref === 'string') converted.$ref = $ref.replace(/^#\//, 'openapi.json#/');
  return nullable === true ? { anyOf: [converted, { type: 'null' }] } : converted;
}

export class ContractChecker {
  private readonly ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly routes: Array<{ method: string; template: string; pattern: RegExp }>;

  constructor(private readonly doc: OpenApiDoc) {
    this.ajv.addSchema({ components: toJsonSchema(doc.components ?? {}) as Json }, 'openapi.json');
    this.routes = Object.entries(doc.paths).flatMap(([template, ops]) =>
      Object.keys(ops).map((method) => ({
        method: method.toUpperCase(),
        template,
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`),
      })),
    );
  }

  /** What is wrong with one answer, or null: an undocumented status, or a body its schema refuses. */
  problem(a: RecordedAnswer): string | null {
    const path = a.url.split('?')[0];
    // The most specific template first: /programs/{id}/cycles before /programs/{id}.
    const route = this.routes
      .filter((r) => r.method === a.method && r.pattern.test(path))
      .sort(
        (x, y) => x.template.split('{').length - y.template.split('{').length || y.template.length - x.template.length,
      )[0];
    if (!route) return null; // Pages outside the document (the dashboard) answer HTML.
    const responses = this.doc.paths[route.template][route.method.toLowerCase()].responses ?? {};
    const declared = responses[String(a.status)] ?? responses[`${String(a.status)[0]}XX`] ?? responses.default;
    const what = `${a.method} ${route.template} → ${a.status}`;
    if (!declared) return `${what}: status not in the document`;
    if (!a.contentType.includes('json')) return null;
    const schema = declared.content?.['application/json']?.schema;
    if (!schema) return a.body === undefined || a.body === '' ? null : `${what}: a JSON body, but no schema declared`;
    const key = `${route.method} ${route.template} ${a.status}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema) as Json);
      this.compiled.set(key, validate);
    }
    if (validate(a.body)) return null;
    const errors = (validate.errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message}`);
    return `${what}: ${errors.join('; ')}`;
  }
}

/** Answers recorded by every API a test file started (test/support/api.ts), checked after the file. */
export const recorded: { doc: OpenApiDoc | null; answers: RecordedAnswer[] } = { doc: null, answers: [] };

/** Express middleware: keeps each JSON answer with its request, for the check after the tests. */
export function recordAnswers(
  req: { method: string; originalUrl: string },
  res: { statusCode: number; json: (body: unknown) => unknown; getHeader(name: string): unknown },
  next: () => void,
): void {
  const json = res.json.bind(res);
  res.json = (body: unknown) => {
    recorded.answers.push({
      method: req.method,
      url: req.originalUrl,
      status: res.statusCode,
      contentType: String((res.getHeader('content-type') as string | undefined) ?? 'application/json'),
      body: JSON.parse(JSON.stringify(body ?? null)) as unknown,
    });
    return json(body);
  };
  next();
}
