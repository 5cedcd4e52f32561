// guarantor track in-process, on one shared in-memory PGlite (tech notes C1d): imports, reports, JSON field
// names, CSV and markdown, and usage errors
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, repoRoot } from '../../../test/support/fake-io.js';
import type { Db } from '../../store/db.js';
import { testBackends } from '../../store/test-backends.js';
import { trackDb } from './track.js';

const tmp = mkdtempSync(join(tmpdir(), 'guarantor-track-'));
const env = {
  NO_COLOR: '1',
  GUARANTOR_KIEL_DIR: join(repoRoot, 'test/fixtures/kiel'),
  GUARANTOR_ACTOR: 'tester',
};
const run = (args: string[]) => cli(['track', ...args], { env });
let db: Db;

beforeAll(async () => {
  db = await testBackends()[0]!.open();
  // commands close what they open; the shared instance stays open for the next command
  trackDb.open = async () => ({ ...db, close: async () => undefined });
});
afterAll(async () => {
  await db?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('guarantor track', () => {
  it('says how to fill an empty ledger', async () => {
    const r = await run(['status']);
    expect(r).toEqual({
      code: 0,
      stdout:
        'the ledger is empty: run `guarantor track seed` (shipped agreements and Kiel data) or `guarantor track import <file>`\n',
      stderr: '',
    });
  });

  it('seeds the shipped agreements and the Kiel data, and a second seed changes nothing', async () => {
    const r = await run(['seed']);
    expect(r.code).toBe(0);
    expect(r.stdout.replaceAll(env.GUARANTOR_KIEL_DIR, '<kiel>')).toMatchInlineSnapshot(`
      "file                                         kind             status    added  changed  removed
      -------------------------------------------  ---------------  --------  -----  -------  -------
      data/agreements/bilateral.yaml               agreements       imported  43     0        0
      test/fixtures/kiel/data_explorer.csv         kiel-explorer    imported  66     0        0
      test/fixtures/kiel/weapons.csv               kiel-weapons     imported  9      0        0
      test/fixtures/kiel/release28_activities.csv  kiel-activities  imported  161    0        0
      "
    `);
    const again = await run(['import', '--shipped', '--json']);
    expect(JSON.parse(again.stdout).steps.map((s: { status: string }) => s.status)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
  });

  it('imports our CSV and reports what changed', async () => {
    const file = join(tmp, 'deliveries.csv');
    writeFileSync(
      file,
      [
        'pledge_id,donor,category,stage,date,instrument,item,unit,quantity,value_eur,due,source',
        'be-f16-2025,Belgium,military,committed,2024-05-28,bsa-bel-2024,F-16 fighter aircraft,aircraft,30,,2028-12-31,be-ukraine-agreement-2024',
        'be-f16-2025,Belgium,military,delivered,2025-09-30,bsa-bel-2024,F-16 fighter aircraft,aircraft,2,,2028-12-31,press report',
        'es-2024,Spain,military,committed,2024-05-27,bsa-esp-2024,,,,1000000000,2024-12-31,es-ukraine-agreement-reports-2024',
        'es-2024,Spain,military,delivered,2025-02-28,bsa-esp-2024,,,,1000000000,2024-12-31,example',
      ].join('\n'),
    );
    const r = await run(['import', file]);
    expect(r.code).toBe(0);
    expect(r.stdout.replace(file, '<file>')).toBe(
      '<file> (csv): 2 records; imported as release #5: +2 ~0 -0\n',
    );
    const same = await run(['import', file, '--json']);
    expect(JSON.parse(same.stdout)).toMatchObject({
      kind: 'csv',
      status: 'unchanged',
      releaseId: null,
      added: 0,
    });
  });

  it('refuses a bad file with every problem located, writing nothing (exit 1)', async () => {
    const file = join(tmp, 'bad.csv');
    writeFileSync(
      file,
      'pledge_id;donor;category;stage;date;quantity\nx;Untied Kingdom;military;delivered;2025-02-29;-4\n',
    );
    const r = await cli(['track', 'import', 'bad.csv'], { env });
    expect(r.code).toBe(1);
    const r2 = await run(['import', file]);
    expect(r2.code).toBe(1);
    expect(r2.stdout).toBe('');
    expect(r2.stderr.replaceAll(file, 'bad.csv')).toMatchInlineSnapshot(`
      "bad.csv:2:3 tracker.unknown-donor unknown donor 'Untied Kingdom' (column 'donor')
        hint: did you mean 'United Kingdom'?
      bad.csv:2:37 tracker.bad-date '2025-02-29' is not a real date: February 2025 has 28 days (column 'date')
        hint: write dates as YYYY-MM-DD
      bad.csv:2:48 tracker.negative -4 is negative; expected 0 or more (column 'quantity')
        hint: record a reduction as a new event or a correction note, not a negative amount
      "
    `);
  });

  it('treats unknown kinds, donors and agreements as usage errors with a suggestion (exit 2)', async () => {
    const kind = await run(['import', 'x.csv', '--kind', 'kiel-explorr']);
    expect([kind.code, kind.stderr]).toEqual([
      2,
      "--kind usage.unknown-kind unknown --kind 'kiel-explorr'\n  hint: did you mean 'kiel-explorer'?\n",
    ]);
    const donor = await run(['donor', 'Belgum']);
    expect([donor.code, donor.stderr]).toEqual([
      2,
      "donor usage.unknown-donor unknown donor 'Belgum'\n  hint: did you mean 'Belgium'?\n",
    ]);
    const agr = await run(['agreement', 'bsa-bel']);
    expect([agr.code, agr.stderr]).toEqual([
      2,
      "id usage.unknown-agreement no agreement 'bsa-bel'\n  hint: did you mean 'bsa-bel-2024'?\n",
    ]);
  });

  it('shows an agreement: deliverables, deliveries, Kiel allocations in the period and the forecast', async () => {
    const r = await run(['agreement', 'bsa-bel-2024', '--as-of', '2026-11-23']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatchInlineSnapshot(`
      "Agreement on security cooperation and long-term support between Belgium and Ukraine (bsa-bel-2024)
      Belgium, signed 2024-05-28, 10 years; source be-ukraine-agreement-2024 [secondary]

      deliverable  pledged      due         delivered  status   Kiel allocated in period                  evidence
      -----------  -----------  ----------  ---------  -------  ----------------------------------------  ---------
      f16          30 aircraft  2028-12-31  -          open                                               secondary
      mil-2024     0.977bn EUR  2024-12-31  -          overdue  €1.25bn military 2024-01..2024-12 (128%)  secondary
      be-f16-2025  30 aircraft  2028-12-31  2          open                                               verified

      forecast completion of open deliverables: p10 2029-02-27, p50 2029-02-27, p90 2029-02-27 (observed-slippage)
      Kiel allocations are not deliveries: Kiel records no delivery dates. Record deliveries with \`track import\` (docs/tracker.md).
      "
    `);
    const j = JSON.parse(
      (await run(['agreement', 'bsa-bel-2024', '--as-of', '2026-11-23', '--json'])).stdout,
    );
    expect(Object.keys(j)).toEqual([
      'id',
      'donor',
      'title',
      'signed',
      'durationYears',
      'source',
      'evidence',
      'asOf',
      'metrics',
      'deliverables',
    ]);
    // Kiel's 2024 military allocations for Belgium, summed straight from the fixture
    const kiel2024 = readFileSync(join(repoRoot, 'test/fixtures/kiel/data_explorer.csv'), 'utf8')
      .split(/\r?\n/)
      .map((l) => l.split(','))
      .filter((c) => c[0] === '"Belgium"' && c[2] === '2024')
      .reduce((s, c) => s + Number(c[7]), 0);
    const mil = j.deliverables.find((d: { key: string }) => d.key.endsWith(':mil-2024'));
    expect(mil).toMatchObject({
      key: 'agr:bsa-bel-2024:mil-2024',
      valueEurBn: 0.977,
      overdue: true,
      kielAllocated: { aidType: 'military', from: '2024-01', to: '2024-12' },
    });
    expect(mil.kielAllocated.ratio).toBeCloseTo(kiel2024 / 0.977, 3);
  });

  it('reports status per donor as JSON with stable field names, and as markdown', async () => {
    const j = JSON.parse((await run(['status', '--as-of', '2026-11-23', '--json'])).stdout);
    expect(Object.keys(j)).toEqual(['asOf', 'counts', 'releases', 'donors']);
    const be = j.donors.find((d: { donor: string }) => d.donor === 'Belgium');
    expect(Object.keys(be)).toEqual([
      'donor',
      'kielCommittedEurBn',
      'kielAllocatedEurBn',
      'kielAllocationRatio',
      'agreements',
      'deliverables',
      'pledgedEurBn',
      'deliveredEurBn',
      'overdue',
    ]);
    expect(be).toMatchObject({ agreements: 1, deliverables: 3, overdue: 1 });
    const md = await run(['status', '--as-of', '2026-11-23', '--markdown']);
    expect(md.stdout).toContain('| donor | Kiel committed €bn |');
  });

  it('reports a donor by category and agreement, with slippage observed from recorded deliveries', async () => {
    const j = JSON.parse((await run(['donor', 'ESP', '--as-of', '2026-11-23', '--json'])).stdout);
    expect(j.donor).toBe('Spain');
    const agr = j.byAgreement.find((g: { key: string }) => g.key === 'bsa-esp-2024');
    expect(agr).toMatchObject({ pledges: 3, onTime: 0, late: 2, due: 2 });
    expect(agr.slippageMonths.n).toBe(1);
    expect(agr.slippageMonths.p50).toBeCloseTo(1.9, 1);
  });

  it('exports monthly totals by donor and aid type in EUR bn as JSON, and metrics as CSV', async () => {
    const j = JSON.parse((await run(['export', '--what', 'monthly', '--json'])).stdout);
    expect(j.unit).toBe('EUR bn');
    expect(Object.keys(j.rows[0])).toEqual(['donor', 'month', 'aidType', 'measure', 'eurBn']);
    expect(new Set(j.rows.map((r: { aidType: string }) => r.aidType))).toEqual(
      new Set(['financial', 'humanitarian', 'military', 'total']),
    );
    const csv = await run(['export', '--what', 'metrics', '--by', 'category', '--as-of', '2026-11-23']);
    expect(csv.stdout.split('\n')[0]).toBe(
      'group,pledges,committed €bn,allocated €bn,delivered €bn,fulfilment,backlog €bn,on time,overdue p50 (mo),forecast p50,forecast p90',
    );
    const audit = JSON.parse((await run(['export', '--what', 'audit', '--limit', '2', '--json'])).stdout);
    expect(audit.audit).toHaveLength(2);
    expect(audit.audit[0]).toMatchObject({ actor: 'tester', action: 'insert' });
  });

  it('shows that delaying open pledges lowers the capability index in the years they are missing', async () => {
    const j = JSON.parse(
      (await run(['capability', '--shift', '12', '--as-of', '2026-11-23', '--json'])).stdout,
    );
    expect(j.planned).toBeGreaterThan(0);
    const y2027 = j.years.find((y: { year: number }) => y.year === 2027);
    const y2025 = j.years.find((y: { year: number }) => y.year === 2025);
    expect(y2027.shiftedIndex).toBeLessThan(y2027.promisedIndex);
    expect(y2025.shiftedIndex).toBe(y2025.promisedIndex);
  });
  it('validates without writing on --dry-run, and prints status as CSV', async () => {
    const file = join(tmp, 'dry.csv');
    writeFileSync(file, 'pledge_id,donor,category,stage,date\nnew-1,Poland,military,committed,2025-01-01\n');
    const before = (await db.query<{ n: number }>('select count(*)::int as n from pledges'))[0]!.n;
    const r = await run(['import', file, '--dry-run']);
    expect(r.stdout.replace(file, '<file>')).toBe(
      '<file>: csv, 1 records valid (dry run, nothing written)\n',
    );
    expect((await db.query<{ n: number }>('select count(*)::int as n from pledges'))[0]!.n).toBe(before);
    const csv = await run(['status', '--as-of', '2026-11-23', '--csv']);
    const [head, ...lines] = csv.stdout.trim().split('\n');
    expect(head).toBe(
      'donor,Kiel committed €bn,Kiel allocated €bn,allocated/committed,agreements,deliverables,pledged €bn,delivered €bn,overdue',
    );
    expect(lines.length).toBeGreaterThanOrEqual(28);
    expect(lines.find((l) => l.startsWith('EU (Commission and Council),'))).toBeDefined();
  });
});
