// the API in-process (app.request): every non-simulation route, happy path and bad input, on each database backend;
// JSON bodies must equal the CLI's --json output of the same command
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, repoRoot } from '../../test/support/fake-io.js';
import type { Db } from '../store/db.js';
import { testBackends } from '../store/test-backends.js';
import { type App, createApp } from './app.js';
import { call, catalogYaml, copyAs } from './test-client.js';

const cliJson = async (args: string[]) => JSON.parse((await cli([...args, '--json'])).stdout);

describe.each(testBackends())('API on $name', (backend) => {
  let db: Db;
  let a: App;
  const logged: string[] = [];
  beforeAll(async () => {
    db = await backend.open();
    a = createApp({ db, log: (t) => logged.push(t), webDir: join(repoRoot, 'test', 'no-such-web-build') });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('GET /api/health names the backend', async () => {
    const r = await call(a, 'GET', '/api/health');
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ ok: true, version: expect.any(String), db: backend.name });
  });

  it('lists the catalog with content-hash versions and scorecards', async () => {
    const r = await call(a, 'GET', '/api/scenarios');
    expect(r.status).toBe(200);
    const list = r.json.scenarios as {
      id: string;
      origin: string;
      version: string;
      scorecard: { overall: number };
    }[];
    const ids = (await cliJson(['list'])).map((x: { id: string }) => x.id);
    expect(list.filter((s) => s.origin === 'catalog').map((s) => s.id)).toEqual(ids);
    expect(list.every((s) => /^[0-9a-f]{16}$/.test(s.version))).toBe(true);
    const s01 = list.find((s) => s.id === 's01-nato-article-5')!;
    expect(s01.scorecard.overall).toBe((await cliJson(['assess', 's01-nato-article-5'])).overall);
  });

  it('GET /api/scenarios/:id returns the YAML as written and the validated scenario; unknown ids are 404', async () => {
    const r = await call(a, 'GET', '/api/scenarios/s08-reassurance-force');
    expect(r.status).toBe(200);
    expect(r.json.origin).toBe('catalog');
    expect(r.json.yaml).toBe(catalogYaml('s08-reassurance-force'));
    expect(r.json.scenario).toEqual(await cliJson(['show', 's08-reassurance-force']));
    const missing = await call(a, 'GET', '/api/scenarios/no-such-thing');
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('scenario.not-found');
  });

  it('validates YAML with located diagnostics, always 200', async () => {
    const broken = `${copyAs('s08-reassurance-force', 'draft-one')}bogus_key: 1\n`;
    const r = await call(a, 'POST', '/api/scenarios/validate', { yaml: broken });
    expect(r.status).toBe(200);
    expect(r.json.ok).toBe(false);
    const d = r.json.diagnostics[0];
    expect(d).toMatchObject({ file: 'scenario.yaml', line: broken.split('\n').length - 1, col: 1 });
    expect(d.code).toMatch(/^schema\./);
    const ok = await call(a, 'POST', '/api/scenarios/validate', {
      yaml: copyAs('s08-reassurance-force', 'x-1'),
    });
    expect(ok.json).toMatchObject({ ok: true, scenario: { id: 'x-1' } });
    const taken = await call(a, 'POST', '/api/scenarios/validate', {
      yaml: catalogYaml('s01-nato-article-5'),
    });
    expect(taken.json.ok).toBe(false);
    expect(taken.json.diagnostics[0]).toMatchObject({ code: 'scenario.id-taken', line: 1 });
  });

  it('creates, reads, updates with optimistic versions and deletes a user scenario', async () => {
    const yaml = copyAs('s08-reassurance-force', 'my-force');
    const created = await call(a, 'POST', '/api/scenarios', { yaml });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({ id: 'my-force', version: 1 });
    expect((await call(a, 'POST', '/api/scenarios', { yaml })).json.error.code).toBe('scenario.exists');
    const got = await call(a, 'GET', '/api/scenarios/my-force');
    expect(got.json).toMatchObject({ id: 'my-force', origin: 'user', version: 1, yaml });
    const list = (await call(a, 'GET', '/api/scenarios')).json.scenarios as { id: string; origin: string }[];
    expect(list.find((s) => s.id === 'my-force')?.origin).toBe('user');

    const edited = yaml.replace(/^title: .*$/m, 'title: My reassurance force');
    const put = await call(a, 'PUT', '/api/scenarios/my-force', { yaml: edited, version: 1 });
    expect(put.json).toEqual({ id: 'my-force', version: 2 });
    const stale = await call(a, 'PUT', '/api/scenarios/my-force', { yaml, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatchObject({ code: 'scenario.version-conflict', current: 2 });
    expect((await call(a, 'GET', '/api/scenarios/my-force')).json.scenario.title).toBe(
      'My reassurance force',
    );

    const renamed = await call(a, 'PUT', '/api/scenarios/my-force', {
      yaml: copyAs('s08-reassurance-force', 'other-id'),
      version: 2,
    });
    expect(renamed.status).toBe(422);
    expect(renamed.json.error.code).toBe('scenario.id-mismatch');

    const invalid = await call(a, 'PUT', '/api/scenarios/my-force', {
      yaml: edited.replace(/^status: .*$/m, 'status: maybe'),
      version: 2,
    });
    expect(invalid.status).toBe(422);
    expect(invalid.json.error.code).toBe('scenario.invalid');
    expect(invalid.json.error.diagnostics[0]).toMatchObject({
      file: 'my-force.yaml',
      line: edited.split('\n').findIndex((l) => l.startsWith('status:')) + 1,
    });

    expect((await call(a, 'DELETE', '/api/scenarios/my-force?version=1')).status).toBe(409);
    expect((await call(a, 'DELETE', '/api/scenarios/my-force?version=2')).json).toEqual({
      id: 'my-force',
      deleted: true,
    });
    expect((await call(a, 'GET', '/api/scenarios/my-force')).status).toBe(404);
    expect((await call(a, 'DELETE', '/api/scenarios/my-force')).status).toBe(404);
  });

  it('keeps catalog scenarios read-only and their ids reserved', async () => {
    const put = await call(a, 'PUT', '/api/scenarios/s01-nato-article-5', {
      yaml: catalogYaml('s01-nato-article-5'),
      version: 1,
    });
    expect(put.status).toBe(409);
    expect(put.json.error.code).toBe('scenario.read-only');
    expect((await call(a, 'DELETE', '/api/scenarios/s01-nato-article-5')).json.error.code).toBe(
      'scenario.read-only',
    );
    const post = await call(a, 'POST', '/api/scenarios', { yaml: catalogYaml('s01-nato-article-5') });
    expect(post.status).toBe(409);
    expect(post.json.error.code).toBe('scenario.exists');
  });

  it('rejects invalid YAML on create with 422 and line/col', async () => {
    const r = await call(a, 'POST', '/api/scenarios', { yaml: 'id: x\ntitle: [unclosed\n' });
    expect(r.status).toBe(422);
    expect(r.json.error.code).toBe('scenario.invalid');
    expect(r.json.error.diagnostics[0]).toMatchObject({
      file: 'scenario.yaml',
      line: expect.any(Number),
      col: expect.any(Number),
    });
  });

  it('assess, compare and forces equal the CLI --json output', async () => {
    const assess = await call(a, 'GET', '/api/scenarios/s03-budapest-memorandum/assess?weights=commitment=2');
    expect(assess.json).toEqual(
      await cliJson(['assess', 's03-budapest-memorandum', '--weights', 'commitment=2']),
    );
    const compare = await call(
      a,
      'GET',
      '/api/compare?ids=s01-nato-article-5,s03-budapest-memorandum&sort=veto',
    );
    expect(compare.json).toEqual(
      await cliJson(['compare', 's01-nato-article-5', 's03-budapest-memorandum', '--sort', 'veto']),
    );
    const noSim = await call(a, 'GET', '/api/compare?ids=s01-nato-article-5&simulate=0');
    expect(noSim.json[0].simulated).toBeUndefined();
    const forces = await call(a, 'GET', '/api/scenarios/s08-reassurance-force/forces?samples=2000&seed=3');
    expect(forces.json).toEqual(
      await cliJson(['forces', 's08-reassurance-force', '--samples', '2000', '--seed', '3']),
    );
    const draft = await call(a, 'POST', '/api/assess', {
      yaml: copyAs('s03-budapest-memorandum', 'draft-b'),
    });
    expect(draft.json.scenario).toBe('draft-b');
    const base = await cliJson(['assess', 's03-budapest-memorandum']);
    expect({ ...draft.json, scenario: base.scenario }).toEqual(base);
  });

  it('answers bad query values and unknown ids with 4xx codes', async () => {
    expect((await call(a, 'GET', '/api/scenarios/s01-nato-article-5/assess?weights=nonsense=2')).status).toBe(
      400,
    );
    expect((await call(a, 'GET', '/api/compare')).json.error.code).toBe('request.invalid');
    expect((await call(a, 'GET', '/api/compare?ids=s01-nato-article-5,nope')).status).toBe(404);
    expect((await call(a, 'GET', '/api/compare?ids=s01-nato-article-5&sort=colour')).json.error.code).toBe(
      'usage.sort',
    );
    const f = await call(a, 'GET', '/api/scenarios/s08-reassurance-force/forces?samples=ten');
    expect(f.status).toBe(400);
    expect(f.json.error.diagnostics[0].path).toEqual(['query', 'samples']);
  });

  it('sources equal `sources --json`; one source lists its citations; unknown is 404', async () => {
    const all = await call(a, 'GET', '/api/sources');
    expect(all.json).toEqual(await cliJson(['sources']));
    const seeds = await call(a, 'GET', '/api/sources?kind=seed');
    expect(seeds.json).toEqual(await cliJson(['sources', '--kind', 'seed']));
    const id = (all.json as unknown as { id: string }[])[0]!.id;
    expect((await call(a, 'GET', `/api/sources/${id}`)).json).toEqual(await cliJson(['sources', id]));
    expect((await call(a, 'GET', '/api/sources/not-a-source')).json.error.code).toBe('source.not-found');
  });

  it('serves a JSON-serialisable bundle with an ETag and answers 304 when it matches', async () => {
    const r = await call(a, 'GET', '/api/bundle');
    expect(r.status).toBe(200);
    const etag = r.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const b = r.json;
    expect(Object.keys(b).sort()).toEqual([
      'actors',
      'catalogIds',
      'forces',
      'parties',
      'priors',
      'sources',
      'version',
    ]);
    expect(b.actors.length).toBeGreaterThan(20);
    expect(b.catalogIds).toContain('s01-nato-article-5');
    expect(b.forces.archetypes.length).toBeGreaterThan(0);
    // the browser rebuilds Maps from the arrays and simulates: same inputs as loadPriors()/loadCatalog()
    expect(JSON.parse(JSON.stringify(b))).toEqual(b);
    const again = await call(a, 'GET', '/api/bundle', undefined, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect((await call(a, 'GET', '/api/bundle', undefined, { 'if-none-match': '"other"' })).status).toBe(200);
  });

  it('survives malformed requests: bad JSON, wrong types, unknown fields, too large, unknown routes', async () => {
    const bad = await call(a, 'POST', '/api/scenarios', '{"yaml": ');
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('request.malformed-json');
    const empty = await call(a, 'POST', '/api/scenarios', '');
    expect(empty.json.error.code).toBe('request.malformed-json');
    const wrong = await call(a, 'POST', '/api/scenarios', { yaml: 42 });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error).toMatchObject({
      code: 'request.invalid',
      diagnostics: [{ path: ['body', 'yaml'] }],
    });
    const extra = await call(a, 'POST', '/api/scenarios', { yaml: 'id: a', admin: true });
    expect(extra.json.error.code).toBe('request.invalid');
    const array = await call(a, 'POST', '/api/scenarios/validate', [1, 2]);
    expect(array.status).toBe(400);
    const huge = await call(a, 'POST', '/api/scenarios/validate', { yaml: 'x'.repeat(1_200_000) });
    expect(huge.status).toBe(413);
    expect(huge.json.error.code).toBe('request.too-large');
    const form = await call(a, 'POST', '/api/scenarios', 'yaml=id: a', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    expect(form.json.error.code).toBe('request.unsupported-media-type');
    const foreign = await call(
      a,
      'POST',
      '/api/scenarios',
      { yaml: 'id: a' },
      { origin: 'https://evil.example' },
    );
    expect(foreign.status).toBe(403);
    expect(foreign.json.error.code).toBe('request.cross-origin');
    const same = await call(
      a,
      'POST',
      '/api/scenarios/validate',
      { yaml: 'id: a' },
      { origin: 'http://localhost' },
    );
    expect(same.status).toBe(200);
    const nowhere = await call(a, 'GET', '/api/nowhere');
    expect(nowhere.status).toBe(404);
    expect(nowhere.json.error.code).toBe('route.not-found');
    expect((await call(a, 'PATCH', '/api/scenarios/s01-nato-article-5')).status).toBe(404);
    // still healthy afterwards, and nothing leaked a stack
    expect((await call(a, 'GET', '/api/health')).status).toBe(200);
    for (const r of [bad, wrong, extra, huge]) expect(r.text).not.toMatch(/at .+\.(ts|js):\d+/);
  });

  it('turns an unexpected error into 500 internal without its message or stack', async () => {
    const broken = createApp({
      db,
      log: (t) => logged.push(t),
      catalog: () => {
        throw new Error('disk on fire at /secret/path');
      },
    });
    const r = await call(broken, 'GET', '/api/scenarios');
    expect(r.status).toBe(500);
    expect(r.json).toEqual({ error: { code: 'internal', message: 'internal error' } });
    expect(r.text).not.toContain('secret');
    expect(logged.join('\n')).toContain('disk on fire');
  });

  it('GET /api/report downloads a report; ids are ids, never paths', async () => {
    const r = await call(a, 'GET', '/api/report?ids=s01-nato-article-5&format=md&simulate=0');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(r.headers.get('content-disposition')).toBe(
      'attachment; filename="guarantor-report-s01-nato-article-5.md"',
    );
    expect(r.text).toContain('NATO membership with Article 5');
    expect((await call(a, 'GET', '/api/report?ids=nope&simulate=0')).status).toBe(404);
    const traversal = await call(a, 'GET', '/api/report?ids=../../etc/passwd.yaml&simulate=0');
    expect(traversal.status).toBe(400);
    expect(traversal.json.error.code).toBe('request.invalid');
    expect((await call(a, 'GET', '/api/report?ids=s01-nato-article-5&format=docx')).status).toBe(400);
  });

  it('answers / with a build hint when dist/web is missing', async () => {
    const r = await call(a, 'GET', '/');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
    expect(r.text).toContain('npm run build:web');
  });
});
