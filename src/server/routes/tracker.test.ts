// the tracker over HTTP on each backend: raw-file imports (all or nothing, located errors, size limit) and reports
// equal to `guarantor track <sub> --json` on the same database
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, repoRoot } from '../../../test/support/fake-io.js';
import { trackDb } from '../../cli/commands/track.js';
import type { Db } from '../../store/db.js';
import { testBackends } from '../../store/test-backends.js';
import { type App, createApp } from '../app.js';
import { call } from '../test-client.js';

const CSV = [
  'pledge_id,donor,category,stage,date,instrument,item,unit,quantity,value_eur,due,source',
  'be-f16-2025,Belgium,military,committed,2024-05-28,bsa-bel-2024,F-16 fighter aircraft,aircraft,30,,2028-12-31,be-ukraine-agreement-2024',
  'be-f16-2025,Belgium,military,delivered,2025-09-30,bsa-bel-2024,F-16 fighter aircraft,aircraft,2,,2028-12-31,press report',
].join('\n');

const AS_OF = '2026-06-30';

describe.each(testBackends())('tracker API on $name', (backend) => {
  let db: Db;
  let a: App;
  const open = trackDb.open;
  const track = async (args: string[]) =>
    JSON.parse((await cli(['track', ...args, '--json'], { env: { NO_COLOR: '1' } })).stdout);
  beforeAll(async () => {
    db = await backend.open();
    a = createApp({ db, log: () => undefined, actor: 'tester', now: () => new Date(`${AS_OF}T12:00:00Z`) });
    // the CLI reads the same database: its JSON must equal the API's
    trackDb.open = async () => ({ ...db, close: async () => undefined });
  });
  afterAll(async () => {
    trackDb.open = open;
    await db?.close();
  });

  const upload = (query: string, body: string | Uint8Array) =>
    Promise.resolve(
      a.app.request(`/api/tracker/import?${query}`, { method: 'POST', body: body as BodyInit }),
    ).then(async (r: Response) => ({
      status: r.status,
      // biome-ignore lint/suspicious/noExplicitAny: tests inspect response fields one by one
      json: (await r.json()) as Record<string, any>,
    }));

  it('an empty ledger reports as the CLI does', async () => {
    const r = await call(a, 'GET', `/api/tracker/status?asOf=${AS_OF}`);
    expect(r.status).toBe(200);
    expect(r.json).toEqual(await track(['status', '--as-of', AS_OF]));
    expect(r.json.counts.releases).toBe(0);
  });

  it('imports the agreements YAML and our CSV from a raw body; a re-import changes nothing', async () => {
    const yaml = readFileSync(join(repoRoot, 'data', 'agreements', 'bilateral.yaml'));
    const agreements = await upload('name=bilateral.yaml', new Uint8Array(yaml));
    expect(agreements.status).toBe(200);
    expect(agreements.json).toMatchObject({ file: 'bilateral.yaml', kind: 'agreements', status: 'imported' });
    const dry = await upload('name=deliveries.csv&dryRun=1', CSV);
    expect(dry.json).toMatchObject({ dryRun: true, kind: 'csv', rows: 1 });
    const csv = await upload('name=deliveries.csv', CSV);
    expect(csv.json).toMatchObject({ kind: 'csv', status: 'imported', added: 1 });
    const again = await upload('name=deliveries.csv', CSV);
    expect(again.json).toMatchObject({ status: 'unchanged', releaseId: null });
  });

  it('refuses a bad CSV with located diagnostics and writes nothing', async () => {
    const before = (await call(a, 'GET', `/api/tracker/status?asOf=${AS_OF}`)).json.counts;
    const bad = await upload(
      'name=bad.csv',
      'pledge_id,donor,category,stage,date,quantity\nx,Untied Kingdom,military,delivered,2025-02-29,-4\n',
    );
    expect(bad.status).toBe(422);
    expect(bad.json.error.diagnostics.map((d: { code: string; line: number }) => [d.code, d.line])).toEqual([
      ['tracker.unknown-donor', 2],
      ['tracker.bad-date', 2],
      ['tracker.negative', 2],
    ]);
    expect((await call(a, 'GET', `/api/tracker/status?asOf=${AS_OF}`)).json.counts).toEqual(before);
    expect((await upload('name=x.csv&kind=kiel-explorr', CSV)).json.error.code).toBe('usage.unknown-kind');
    expect((await upload('name=x.csv', '')).json.error.code).toBe('request.empty-body');
  });

  it('refuses a body over 64 MB with 413', async () => {
    const r = await upload('name=huge.csv', new Uint8Array(64 * 1024 * 1024 + 1));
    expect(r.status).toBe(413);
    expect(r.json.error.code).toBe('request.too-large');
  });

  it('status, donor, agreements, export and capability equal the CLI --json', async () => {
    const same = async (path: string, args: string[]) =>
      expect((await call(a, 'GET', path)).json).toEqual(await track(args));
    await same(`/api/tracker/status?asOf=${AS_OF}`, ['status', '--as-of', AS_OF]);
    await same(`/api/tracker/donor/Belgium?asOf=${AS_OF}`, ['donor', 'Belgium', '--as-of', AS_OF]);
    await same('/api/tracker/agreement', ['agreement']);
    await same(`/api/tracker/agreement/bsa-bel-2024?asOf=${AS_OF}`, [
      'agreement',
      'bsa-bel-2024',
      '--as-of',
      AS_OF,
    ]);
    await same(`/api/tracker/export?what=metrics&by=category&asOf=${AS_OF}`, [
      'export',
      '--what',
      'metrics',
      '--by',
      'category',
      '--as-of',
      AS_OF,
    ]);
    await same('/api/tracker/export?what=pledges', ['export', '--what', 'pledges']);
    await same(`/api/tracker/capability?shift=6&basis=ledger&asOf=${AS_OF}`, [
      'capability',
      '--shift',
      '6',
      '--basis',
      'ledger',
      '--as-of',
      AS_OF,
    ]);
  });

  it('answers unknown donors and agreements with 404, bad options with 400', async () => {
    expect((await call(a, 'GET', '/api/tracker/donor/Atlantis')).json.error.code).toBe('usage.unknown-donor');
    expect((await call(a, 'GET', '/api/tracker/donor/Atlantis')).status).toBe(404);
    expect((await call(a, 'GET', '/api/tracker/agreement/bsa-xyz')).status).toBe(404);
    expect((await call(a, 'GET', '/api/tracker/status?asOf=yesterday')).status).toBe(400);
    expect((await call(a, 'GET', '/api/tracker/status?asOf=2025-02-30')).json.error.code).toBe(
      'usage.bad-date',
    );
    expect((await call(a, 'GET', '/api/tracker/export?what=everything')).status).toBe(400);
    expect((await call(a, 'GET', '/api/tracker/capability?fromYear=2030&toYear=2020')).status).toBe(400);
  });
});
