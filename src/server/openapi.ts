// the OpenAPI 3.1 document, generated from the route registry's zod schemas with z.toJSONSchema (JSON Schema
// 2020-12, the dialect OpenAPI 3.1 uses): request schemas as the client writes them, responses as the server sends them

import { z } from 'zod';
import type { RouteSpec } from './registry.js';
import { ErrorBodySchema } from './schemas.js';

type JsonObject = Record<string, unknown>;

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  304: 'Not modified (ETag matches)',
  400: 'Bad request: malformed JSON, invalid fields or options',
  403: 'Cross-origin request refused',
  404: 'Not found',
  409: 'Conflict: exists, stale version or read-only',
  413: 'Request body too large',
  415: 'Body is not JSON (Content-Type)',
  422: 'Invalid scenario or import data, with located diagnostics',
  429: 'Too many running jobs',
  500: 'Internal error (no details)',
  503: 'Database unavailable',
};

function schemaOf(s: z.ZodType, io: 'input' | 'output'): JsonObject {
  const out = z.toJSONSchema(s, { io, unrepresentable: 'any', reused: 'inline' }) as JsonObject;
  delete out.$schema;
  return out;
}

/** an object schema's fields as OpenAPI parameters */
function parameters(s: z.ZodType | undefined, where: 'path' | 'query'): JsonObject[] {
  if (!s) return [];
  const json = schemaOf(s, 'input');
  const props = (json.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries(props).map(([name, schema]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
    schema,
  }));
}

function content(spec: RouteSpec): JsonObject {
  if (spec.produces === 'sse') return { 'text/event-stream': { schema: { type: 'string' } } };
  if (spec.produces && typeof spec.produces === 'object')
    return Object.fromEntries(
      spec.produces.mediaTypes.map((m) => [m, { schema: schemaOf(spec.response, 'output') }]),
    );
  return { 'application/json': { schema: schemaOf(spec.response, 'output') } };
}

export function buildOpenApi(routes: RouteSpec[], info: { version: string }): JsonObject {
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const spec of routes) {
    const status = spec.status ?? 200;
    const errors = [
      ...new Set([
        400,
        500,
        ...(spec.method === 'get' ? [] : [403]),
        ...(spec.body ? [413, 415] : []),
        ...(spec.errors ?? []),
      ]),
    ].sort();
    const op: JsonObject = {
      operationId: `${spec.method}${spec.path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_, ch: string | undefined) => (ch ?? '').toUpperCase())}`,
      summary: spec.summary,
      tags: [spec.tag],
      parameters: [...parameters(spec.params, 'path'), ...parameters(spec.query, 'query')],
      responses: {
        [String(status)]: { description: STATUS_TEXT[status] ?? 'OK', content: content(spec) },
        ...Object.fromEntries(
          errors.map((s) => [
            String(s),
            {
              description: STATUS_TEXT[s] ?? 'Error',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
            },
          ]),
        ),
      },
    };
    if (spec.body)
      op.requestBody = {
        required: true,
        content: { 'application/json': { schema: schemaOf(spec.body, 'input') } },
      };
    if (spec.raw)
      op.requestBody = {
        required: true,
        description: `the file itself, at most ${spec.raw.maxBytes / 1048576} MB`,
        content: Object.fromEntries(
          spec.raw.mediaTypes.map((m) => [m, { schema: { type: 'string', contentMediaType: m } }]),
        ),
      };
    paths[spec.path] ??= {};
    paths[spec.path]![spec.method] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Guarantor workbench API',
      version: info.version,
      description:
        'Design, stress-test and track security guarantees for Ukraine. JSON bodies equal the CLI --json output of the same command; see docs/api.md.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    paths,
    components: { schemas: { ErrorBody: schemaOf(ErrorBodySchema, 'output') } },
  };
}
