// the route registry: each route declares method, path, its params/query/body zod schemas and its response schema
// once; mountRoutes() builds the Hono handlers (validation, body limits) and openapi.ts the document, from the same
// declarations, so the API cannot drift from its description

import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { errorBody, HttpError, RequestValidationError } from './errors.js';

export type Method = 'get' | 'post' | 'put' | 'delete';

export const JSON_LIMIT_BYTES = 1024 * 1024;
export const IMPORT_LIMIT_BYTES = 64 * 1024 * 1024;

export interface HandlerInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** the raw request body, for routes with `raw` */
  raw: Uint8Array | undefined;
  c: Context;
}

export interface RouteSpec<P = unknown, Q = unknown, B = unknown> {
  method: Method;
  /** OpenAPI style: /api/scenarios/{id} */
  path: string;
  summary: string;
  tag: string;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  /** a JSON body, limited to JSON_LIMIT_BYTES */
  body?: z.ZodType<B>;
  /** a raw body (file upload): its media types and limit */
  raw?: { mediaTypes: string[]; maxBytes: number };
  /** the success status (default 200) and what it carries */
  status?: number;
  response: z.ZodType;
  /** 'json' (default), 'sse' (text/event-stream) or a file (media types listed) */
  produces?: 'json' | 'sse' | { mediaTypes: string[] };
  /** error statuses this route can answer, for the document */
  errors?: number[];
  handler: (input: HandlerInput<P, Q, B>) => Promise<unknown> | unknown;
}

/** identity with inference: route({ ..., params: z.object({id: z.string()}), handler: ({params}) => params.id }) */
export function route<P = undefined, Q = undefined, B = undefined>(spec: RouteSpec<P, Q, B>): RouteSpec {
  return spec as unknown as RouteSpec;
}

export const honoPath = (p: string) => p.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const r = schema.safeParse(value);
  if (!r.success) throw new RequestValidationError(r.error.issues, where);
  return r.data;
}

async function jsonBody(c: Context): Promise<unknown> {
  // a JSON media type makes cross-site form posts (text/plain, no preflight) impossible
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type.trim()))
    throw new HttpError(
      415,
      'request.unsupported-media-type',
      `send the body as JSON with Content-Type: application/json (got '${type || 'none'}')`,
      [
        {
          code: 'request.unsupported-media-type',
          message: `Content-Type '${type || 'none'}'`,
          path: ['headers', 'content-type'],
          hint: "curl -H 'content-type: application/json' -d '{...}'",
        },
      ],
    );
  const text = await c.req.text();
  if (text.trim() === '')
    throw new HttpError(400, 'request.malformed-json', 'the request body is empty; send a JSON object', [
      {
        code: 'request.malformed-json',
        message: 'empty body',
        path: ['body'],
        hint: 'set Content-Type: application/json and send e.g. {"yaml": "..."}',
      },
    ]);
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new HttpError(400, 'request.malformed-json', `the request body is not valid JSON: ${msg}`, [
      { code: 'request.malformed-json', message: msg, path: ['body'], hint: 'send a JSON object' },
    ]);
  }
}

const tooLarge = (max: number) => (c: Context) =>
  c.json(
    errorBody(
      'request.too-large',
      `the request body exceeds the limit of ${max >= 1048576 ? `${max / 1048576} MB` : `${max} bytes`}`,
      [
        {
          code: 'request.too-large',
          message: `limit ${max} bytes`,
          path: ['body'],
          hint: 'send a smaller body (scenario YAML is a few KB; split large imports)',
        },
      ],
    ),
    413,
  );

/**
 * Browsers send Origin on cross-site requests: a page elsewhere must not write to the local workbench (it has no
 * authentication), so a request that changes something and comes from another origin is refused.
 */
function checkOrigin(c: Context): void {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return;
  const origin = c.req.header('origin');
  if (!origin) return;
  let host: string | undefined;
  try {
    host = new URL(origin).host;
  } catch {
    host = undefined;
  }
  if (host && host === (c.req.header('host') ?? new URL(c.req.url).host)) return;
  throw new HttpError(403, 'request.cross-origin', `requests from ${origin} may not change this workbench`, [
    {
      code: 'request.cross-origin',
      message: `Origin ${origin} differs from the server`,
      path: ['headers', 'origin'],
      hint: 'use the workbench UI served by this server, or a client that sends no Origin header (curl)',
    },
  ]);
}

export function mountRoutes(app: Hono, routes: RouteSpec[]): void {
  for (const spec of routes) {
    const path = honoPath(spec.path);
    const limit = spec.raw ? spec.raw.maxBytes : spec.body ? JSON_LIMIT_BYTES : undefined;
    const handler = async (c: Context) => {
      checkOrigin(c);
      const params = parse(spec.params, c.req.param(), 'params');
      const query = parse(spec.query, c.req.query(), 'query');
      const body = spec.body ? parse(spec.body, await jsonBody(c), 'body') : undefined;
      const raw = spec.raw ? new Uint8Array(await c.req.arrayBuffer()) : undefined;
      const out = await spec.handler({ params, query, body, raw, c });
      if (out instanceof Response) return out;
      return c.json(out as object, (spec.status ?? 200) as 200);
    };
    if (limit !== undefined)
      app.on(
        spec.method.toUpperCase(),
        path,
        bodyLimit({ maxSize: limit, onError: tooLarge(limit) }),
        handler,
      );
    else app.on(spec.method.toUpperCase(), path, handler);
  }
}
