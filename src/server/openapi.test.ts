// /openapi.json: OpenAPI 3.1, every registered route present with its parameters and bodies, and every schema a
// structurally valid JSON Schema (2020-12) object whose $refs resolve
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.js';
import { testBackends } from '../store/test-backends.js';
import { type App, createApp } from './app.js';
import { call } from './test-client.js';

type Json = Record<string, unknown>;

const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
const SCHEMA_ARRAYS = ['anyOf', 'oneOf', 'allOf', 'prefixItems'];
const SCHEMA_SINGLE = [
  'items',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
];

/** problems with a JSON Schema, as `path: what` strings (empty = valid) */
function schemaProblems(s: unknown, at: string, doc: Json): string[] {
  if (typeof s === 'boolean') return [];
  if (typeof s !== 'object' || s === null || Array.isArray(s)) return [`${at}: not a schema object`];
  const o = s as Json;
  const out: string[] = [];
  if (o.type !== undefined) {
    const types = Array.isArray(o.type) ? o.type : [o.type];
    for (const t of types) if (!TYPES.has(t as string)) out.push(`${at}.type: '${String(t)}'`);
  }
  if (o.required !== undefined) {
    if (!Array.isArray(o.required) || o.required.some((r) => typeof r !== 'string'))
      out.push(`${at}.required: not an array of strings`);
    else if (o.properties)
      for (const r of o.required as string[])
        if (!(r in (o.properties as Json))) out.push(`${at}.required: '${r}' is not a property`);
  }
  if (o.enum !== undefined && !Array.isArray(o.enum)) out.push(`${at}.enum: not an array`);
  if (o.$ref !== undefined) {
    const ref = o.$ref as string;
    if (!ref.startsWith('#/')) out.push(`${at}.$ref: external '${ref}'`);
    else {
      let cur: unknown = doc;
      for (const part of ref.slice(2).split('/')) cur = (cur as Json | undefined)?.[part];
      if (cur === undefined) out.push(`${at}.$ref: '${ref}' does not resolve`);
    }
  }
  for (const k of SCHEMA_MAPS)
    if (o[k] !== undefined)
      for (const [name, sub] of Object.entries(o[k] as Json))
        out.push(...schemaProblems(sub, `${at}.${k}.${name}`, doc));
  for (const k of SCHEMA_ARRAYS)
    if (o[k] !== undefined) {
      if (!Array.isArray(o[k])) out.push(`${at}.${k}: not an array`);
      else
        for (const [i, sub] of (o[k] as unknown[]).entries())
          out.push(...schemaProblems(sub, `${at}.${k}[${i}]`, doc));
    }
  for (const k of SCHEMA_SINGLE) if (o[k] !== undefined) out.push(...schemaProblems(o[k], `${at}.${k}`, doc));
  for (const k of ['minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems'])
    if (o[k] !== undefined && typeof o[k] !== 'number') out.push(`${at}.${k}: not a number`);
  return out;
}

describe('GET /openapi.json', () => {
  let db: Db;
  let a: App;
  let doc: Json;
  beforeAll(async () => {
    db = await testBackends()[0]!.open();
    a = createApp({ db, log: () => undefined });
    const r = await call(a, 'GET', '/openapi.json');
    expect(r.status).toBe(200);
    doc = r.json;
  });
  afterAll(async () => {
    await db?.close();
  });

  it('is OpenAPI 3.1.0 with info and paths', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
  });

  it('lists every registered route, with path parameters matching the path', () => {
    const paths = doc.paths as Record<string, Record<string, Json>>;
    for (const r of a.routes) {
      const op = paths[r.path]?.[r.method];
      expect(op, `${r.method} ${r.path}`).toBeDefined();
      const named = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const inPath = (op!.parameters as { in: string; name: string; required: boolean }[]).filter(
        (p) => p.in === 'path',
      );
      expect(inPath.map((p) => p.name).sort()).toEqual(named.sort());
      expect(inPath.every((p) => p.required)).toBe(true);
      expect(Object.keys(op!.responses as Json)).toContain(String(r.status ?? 200));
      if (r.body) expect(op!.requestBody).toBeDefined();
    }
    const count = Object.values(paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
    expect(count).toBe(a.routes.length);
    // the contract's routes (docs/api.md) are all there
    for (const p of [
      '/api/health',
      '/api/scenarios',
      '/api/scenarios/{id}',
      '/api/scenarios/validate',
      '/api/scenarios/{id}/assess',
      '/api/assess',
      '/api/compare',
      '/api/scenarios/{id}/forces',
      '/api/simulate',
      '/api/jobs/{jobId}',
      '/api/jobs/{jobId}/events',
      '/api/stress',
      '/api/tracker/status',
      '/api/tracker/import',
      '/api/sources',
      '/api/backtest',
      '/api/bundle',
    ])
      expect(paths[p], p).toBeDefined();
  });

  it('every schema is a valid JSON Schema object and every $ref resolves', () => {
    const problems: string[] = [];
    const paths = doc.paths as Record<string, Record<string, Json>>;
    for (const [path, ops] of Object.entries(paths))
      for (const [method, op] of Object.entries(ops)) {
        const at = `${method} ${path}`;
        for (const p of op.parameters as { name: string; schema: unknown }[])
          problems.push(...schemaProblems(p.schema, `${at} param ${p.name}`, doc));
        const body = op.requestBody as { content: Record<string, { schema: unknown }> } | undefined;
        for (const [m, c] of Object.entries(body?.content ?? {}))
          problems.push(...schemaProblems(c.schema, `${at} body ${m}`, doc));
        for (const [status, res] of Object.entries(op.responses as Record<string, { content?: Json }>))
          for (const [m, c] of Object.entries(res.content ?? {}))
            problems.push(...schemaProblems((c as { schema: unknown }).schema, `${at} ${status} ${m}`, doc));
      }
    for (const [name, s] of Object.entries((doc.components as { schemas: Json }).schemas))
      problems.push(...schemaProblems(s, `components.${name}`, doc));
    expect(problems).toEqual([]);
  });

  it('the checker itself catches broken schemas', () => {
    expect(schemaProblems({ type: 'strnig' }, 's', {})).toEqual(["s.type: 'strnig'"]);
    expect(schemaProblems({ $ref: '#/components/schemas/Nope' }, 's', {})).toHaveLength(1);
    expect(schemaProblems({ properties: { a: 3 } }, 's', {})).toEqual([
      's.properties.a: not a schema object',
    ]);
  });

  it('documents request schemas from the same zod schemas the routes validate with', async () => {
    const sim = (doc.paths as Record<string, Record<string, Json>>)['/api/simulate']!.post!;
    const schema = (sim.requestBody as { content: Record<string, { schema: Json }> }).content[
      'application/json'
    ]!.schema;
    expect(schema.required).toEqual(['scenario']);
    expect(Object.keys(schema.properties as Json)).toEqual(
      expect.arrayContaining([
        'scenario',
        'yaml',
        'kind',
        'samples',
        'seed',
        'horizon',
        'threads',
        'set',
        'shocks',
      ]),
    );
    expect(schema.additionalProperties).toBe(false);
    // and the route enforces what the document says: an undocumented field is refused
    const r = await call(a, 'POST', '/api/simulate', { scenario: 's01-nato-article-5', colour: 'red' });
    expect(r.status).toBe(400);
  });
});
