// imports on every backend: all-or-nothing, idempotent, and a new release records exactly what changed
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic, GuarantorError } from '../core/errors.js';
import type { Db } from '../store/db.js';
import { testBackends } from '../store/test-backends.js';
import { donorStatus, loadPledges } from '../store/tracker-repo.js';
import { SHIPPED_AGREEMENTS } from './agreements-file.js';
import { importFile, prepareImport } from './import-file.js';

const fixtures = new URL('../../test/fixtures/kiel/', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'guarantor-import-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const actor = 'test';

const count = async (db: Db, sql: string) => Number((await db.query<{ n: number }>(sql))[0]!.n);
const snapshot = async (db: Db) => ({
  pledges: await count(db, 'select count(*)::int as n from pledges'),
  events: await count(db, 'select count(*)::int as n from pipeline_events'),
  months: await count(db, 'select count(*)::int as n from kiel_monthly'),
  releases: await count(db, 'select count(*)::int as n from releases'),
  audit: await count(db, 'select count(*)::int as n from audit_log'),
});

async function failure(p: Promise<unknown>): Promise<GuarantorError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof GuarantorError) return e;
    throw e;
  }
  throw new Error('expected the import to fail');
}

describe.each(testBackends())('imports on $name', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('imports the Kiel sample with release provenance, and a second import changes nothing', async () => {
    const explorer = join(fixtures, 'data_explorer.csv');
    const first = await importFile(db, { path: explorer, actor });
    expect(first.prepared.kind).toBe('kiel-explorer');
    expect(first.prepared.label).toBe('Ukraine Support Tracker, Release 29 (04/2026)');
    expect(first.outcome).toMatchObject({ status: 'imported', added: 66, changed: 0, removed: 0 });
    const before = await snapshot(db);
    const again = await importFile(db, { path: explorer, actor });
    expect(again.outcome).toMatchObject({ status: 'unchanged', releaseId: null, added: 0 });
    expect(await snapshot(db)).toEqual(before);

    const acts = await importFile(db, { path: join(fixtures, 'release28_activities.csv'), actor });
    expect(acts.outcome.added).toBe(161);
    expect(acts.prepared.label).toBe('Release 28');
    const w = await importFile(db, { path: join(fixtures, 'weapons.csv'), actor });
    expect(w.outcome.added).toBe(9);
    const [rel] = await db.query<{ sha256: string; imported_by: string; row_count: number }>(
      `select sha256, imported_by, row_count from releases where kind = 'kiel-weapons'`,
    );
    expect(rel).toMatchObject({ imported_by: 'test', row_count: 9 });
    expect(rel!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('records a new release as changes, with before and after in the audit log', async () => {
    const lines = readFileSync(join(fixtures, 'data_explorer.csv'), 'utf8').trim().split(/\r?\n/);
    const header = lines[0]!;
    // release 30: one value revised, one month dropped, one month added
    const cells = lines[1]!.split(',');
    cells[4] = '0.5';
    const revised = cells.join(',');
    const added = lines[1]!.replace(',2024,', ',2030,');
    const next = [header, revised, ...lines.slice(3), added].join('\n');
    const file = join(tmp, 'explorer-r30.csv');
    writeFileSync(file, `${next}\n`);
    const before = await snapshot(db);
    const r = await importFile(db, { path: file, actor, kind: 'kiel-explorer', release: 'Release 30' });
    expect(r.outcome).toMatchObject({ status: 'imported', added: 1, changed: 1, removed: 1 });
    const after = await snapshot(db);
    expect(after.audit - before.audit).toBe(3);
    expect(after.releases - before.releases).toBe(1);
    const [upd] = await db.query<{ before: { total: number }; after: { total: number } }>(
      `select before, after from audit_log where action = 'update' and entity = 'kiel_monthly' order by id desc limit 1`,
    );
    expect(upd!.after.total).toBe(0.5);
    expect(upd!.before.total).not.toBe(0.5);
  });

  it('writes nothing when any row is bad, and reports each problem with file:line:col', async () => {
    const good = readFileSync(join(fixtures, 'release28_activities.csv'), 'utf8').trim().split(/\r?\n/);
    const bad = [...good.slice(0, 40), 'Belgum,2024-02-30,Military,Allocation,-5', ...good.slice(40)].join(
      '\n',
    );
    const file = join(tmp, 'bad-activities.csv');
    writeFileSync(file, bad);
    const before = await snapshot(db);
    const e = await failure(importFile(db, { path: file, display: 'bad-activities.csv', actor }));
    expect(
      e.diagnostics.filter((d) => (d.severity ?? 'error') === 'error').map(formatDiagnostic),
    ).toMatchInlineSnapshot(`
      [
        "bad-activities.csv:41:1 tracker.unknown-donor unknown donor 'Belgum' (column 'donor')
        hint: did you mean 'Belgium'?",
        "bad-activities.csv:41:8 tracker.bad-date '2024-02-30' is not a real date: February 2024 has 29 days (column 'announcement_date')
        hint: write dates as YYYY-MM-DD",
      ]
    `);
    expect(await snapshot(db)).toEqual(before);
  });

  it('rolls back an import that fails half-way through writing', async () => {
    const before = await snapshot(db);
    const lines = readFileSync(join(fixtures, 'release28_activities.csv'), 'utf8').trim().split(/\r?\n/);
    const file = join(tmp, 'activities-r29.csv');
    writeFileSync(
      file,
      `${[lines[0], ...lines.slice(1).map((l) => l.replace(/,([0-9.]+)$/, (_m, v) => `,${Number(v) + 1}`))].join('\n')}\n`,
    );
    let calls = 0;
    const e = await importFile(
      db,
      { path: file, actor, kind: 'kiel-activities' },
      {
        batchSize: 20,
        onProgress: () => {
          if (++calls === 3) throw new Error('disk full');
        },
      },
    ).catch((x: Error) => x);
    expect(e instanceof Error ? e.message : 'resolved').toBe('disk full');
    expect(calls).toBe(3);
    expect(await snapshot(db)).toEqual(before);
  });

  it('imports our CSV and refuses a pledge id another file already owns', async () => {
    const csv = [
      'pledge_id,donor,category,stage,date,instrument,item,unit,quantity,due',
      'be-f16,Belgium,military,committed,2024-05-28,bsa-bel-2024,F-16,aircraft,30,2028-12-31',
      'be-f16,Belgium,military,delivered,2025-06-30,bsa-bel-2024,F-16,aircraft,2,2028-12-31',
    ].join('\n');
    writeFileSync(join(tmp, 'ledger.csv'), csv);
    const r = await importFile(db, { path: join(tmp, 'ledger.csv'), actor });
    expect(r.outcome).toMatchObject({ status: 'imported', added: 1 });
    const [p] = await loadPledges(db, { instrument: 'bsa-bel-2024' });
    expect(p!.events.map((x) => [x.stage, x.on, x.quantity])).toEqual([
      ['committed', '2024-05-28', 30],
      ['delivered', '2025-06-30', 2],
    ]);
    writeFileSync(join(tmp, 'other.csv'), csv);
    const e = await failure(importFile(db, { path: join(tmp, 'other.csv'), actor }));
    expect(e.code).toBe('tracker.key-owned-elsewhere');
  });

  it('accepts Windows-1252, UTF-16 and BOM files of the same content identically', async () => {
    const text =
      'pledge_id;donor;category;stage;date;value;currency\r\ntr-1;Türkiye;humanitarian;committed;2024-03-01;1,5;EUR\r\n';
    const latin1 = Buffer.from(text, 'latin1');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    const results = [];
    for (const [name, bytes] of [
      ['enc.csv', latin1],
      ['enc.csv', utf16],
      ['enc.csv', bom],
    ] as const) {
      const file = join(tmp, name);
      writeFileSync(file, bytes);
      const prep = await prepareImport({ path: file, display: name, actor });
      results.push({
        encoding: prep.encoding,
        warnings: prep.warnings.map((w) => w.code),
        record: prep.batches[0]!.rows[0]!.record,
      });
    }
    expect(results.map((r) => r.encoding)).toEqual(['windows-1252', 'utf-16le', 'utf-8']);
    expect(results[0]!.warnings).toEqual(['tracker.encoding-fallback']);
    expect(results[1]!.record).toEqual(results[0]!.record);
    expect(results[2]!.record).toEqual(results[0]!.record);
    expect(results[0]!.record).toMatchObject({ donor: 'Turkiye', valueEur: 1.5 });
    const r = await importFile(db, { path: join(tmp, 'enc.csv'), actor });
    expect(r.outcome.added).toBe(1);
  });

  it('imports the shipped agreements and links them to Kiel data in the status query', async () => {
    const r = await importFile(db, { path: SHIPPED_AGREEMENTS, display: 'bilateral.yaml', actor });
    expect(r.outcome.byEntity.instruments).toEqual({ added: 28, changed: 0, removed: 0 });
    const st = await donorStatus(db, '2026-11-23');
    const be = st.find((d) => d.donor === 'Belgium')!;
    expect(be.agreements).toBe(1);
    // two stated in the agreement, one recorded against it by the CSV import above
    expect(be.deliverables).toBe(3);
    // the mil-2024 deliverable has no recorded delivery and was due in 2024; the F-16s are not due yet
    expect(be.overdue).toBe(1);
    expect(Number(be.kiel_allocated_bn)).toBeGreaterThan(0);
  });

  describe('the Kiel workbook', () => {
    const columns = [
      'donor',
      'announcement_date',
      'aid_type_general',
      'measure',
      'tot_sub_activity_value_EUR',
      'activity_id',
      'item',
      'item_numb',
      'item_numb_deliv',
    ];
    async function workbook(
      name: string,
      header: string[],
      rows: unknown[][],
      sheet = 'Bilateral Assistance, MAIN DATA',
    ): Promise<string> {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('ReadMe').addRow(['Kiel Ukraine Support Tracker']);
      const ws = wb.addWorksheet(sheet);
      // Release 28 layout: two title rows, then the header, with an empty column A
      ws.addRow(['', 'Ukraine Support Tracker - bilateral assistance']);
      ws.addRow([]);
      ws.addRow(['', ...header]);
      for (const r of rows) ws.addRow(['', ...r]);
      const file = join(tmp, name);
      await wb.xlsx.writeFile(file);
      return file;
    }
    const rows = [
      [
        'Germany',
        new Date(Date.UTC(2024, 1, 16)),
        'Military',
        'Allocation',
        125000000,
        'DE-1',
        'Leopard 1 tank',
        25,
        10,
      ],
      [
        'Germany',
        new Date(Date.UTC(2024, 1, 16)),
        'Military ',
        'Allocation',
        5000000,
        'DE-1',
        'ammunition',
        null,
        null,
      ],
      ['Belgium', '2024-05-28', 'Humanitarian ', 'Commitment', 0, 'BE-7', null, null, null],
    ];

    it('imports the main sheet with header offset and a blank column A, delivered counts as events', async () => {
      const file = await workbook('Ukraine_Support_Tracker_Release_30.xlsx', columns, rows);
      const r = await importFile(db, { path: file, actor });
      expect(r.prepared).toMatchObject({ kind: 'kiel-xlsx', label: 'Release 30' });
      expect(r.outcome.added).toBe(3);
      const [leo] = await loadPledges(db, { origin: 'kiel-xlsx', donor: 'Germany' });
      expect(leo).toMatchObject({
        key: 'kiel-xlsx:DE-1#1',
        quantity: 25,
        valueEur: 125000000,
        announcedOn: '2024-02-16',
      });
      expect(leo!.events.map((e) => [e.stage, e.quantity])).toEqual([
        ['allocated', 25],
        ['delivered', 10],
      ]);
      expect((await importFile(db, { path: file, actor })).outcome.status).toBe('unchanged');
    });

    it('names missing and renamed columns before importing anything', async () => {
      const renamed = columns
        .map((c) => (c === 'tot_sub_activity_value_EUR' ? 'tot_sub_activity_value_EURO' : c))
        .filter((c) => c !== 'activity_id');
      const file = await workbook(
        'drifted.xlsx',
        renamed,
        rows.map((r) => r.filter((_, i) => i !== 5)),
      );
      const e = await failure(importFile(db, { path: file, display: 'drifted.xlsx', actor }));
      expect(e.diagnostics.map(formatDiagnostic)).toMatchInlineSnapshot(`
        [
          "drifted.xlsx[Bilateral Assistance, MAIN DATA]:3:6 tracker.missing-column required column 'tot_sub_activity_value_EUR' is missing; column 'tot_sub_activity_value_EURO' looks like it was renamed
          hint: expected columns: donor, announcement_date, aid_type_general, measure, tot_sub_activity_value_EUR, activity_id, item_type, item, item_numb, item_numb_deliv, explanation",
          "drifted.xlsx[Bilateral Assistance, MAIN DATA]:3:10 tracker.missing-column required column 'activity_id' is missing from the 'Bilateral Assistance, MAIN DATA' header
          hint: expected columns: donor, announcement_date, aid_type_general, measure, tot_sub_activity_value_EUR, activity_id, item_type, item, item_numb, item_numb_deliv, explanation",
        ]
      `);
    });

    it('reports a missing sheet and a file that is not a workbook', async () => {
      const file = await workbook('wrong-sheet.xlsx', columns, rows, 'Country Summary (€)');
      const e = await failure(importFile(db, { path: file, display: 'wrong-sheet.xlsx', actor }));
      expect(e.diagnostics[0]).toMatchObject({
        code: 'tracker.missing-sheet',
        hint: 'sheets found: ReadMe, Country Summary (€)',
      });
      writeFileSync(join(tmp, 'cut.xlsx'), readFileSync(file).subarray(0, 300));
      expect(
        (await failure(importFile(db, { path: join(tmp, 'cut.xlsx'), display: 'cut.xlsx', actor }))).code,
      ).toBe('tracker.bad-workbook');
    });
  });
});
