// a process killed in the middle of an import leaves nothing partial behind, and the next process can open the
// database (the stale lock of the dead process is taken over)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../store/open-db.js';
import { importFile } from './import-file.js';

const root = new URL('../../', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'guarantor-kill-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const dir = join(tmp, 'db');
const env = { GUARANTOR_DB_DIR: dir };

async function state() {
  const db = await openDb({ env, cwd: tmp });
  try {
    const q = async (sql: string) => db.query<Record<string, unknown>>(sql);
    return {
      keys: (await q('select key from pledges order by key')).map((r) => r.key),
      events: (await q('select count(*)::int as n from pipeline_events'))[0]!.n,
      releases: (await q('select count(*)::int as n from releases'))[0]!.n,
      audit: (await q('select count(*)::int as n from audit_log'))[0]!.n,
    };
  } finally {
    await db.close();
  }
}

describe('an import killed mid-way', () => {
  it('commits nothing partial; the ledger keeps the previous release and accepts the import afterwards', async () => {
    const release28 = join(root, 'test/fixtures/kiel/release28_activities.csv');
    const db = await openDb({ env, cwd: tmp });
    await importFile(db, { path: release28, actor: 'test' });
    await db.close();
    const before = await state();
    expect(before.keys.length).toBe(161);

    // the next release: every value revised, so every row is removed and re-added (322 writes)
    const lines = readFileSync(release28, 'utf8').trim().split(/\r?\n/);
    const next = join(tmp, 'release29_activities.csv');
    writeFileSync(
      next,
      `${[lines[0], ...lines.slice(1).map((l) => l.replace(/,([0-9.]+)$/, (_m, v) => `,${Number(v) + 1}`))].join('\n')}\n`,
    );

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(root, 'test/fixtures/tracker/import-child.ts'), dir, next],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        out += d;
        if (out.includes('MID-IMPORT')) resolve();
      });
      child.on('exit', () => reject(new Error(`child exited before the kill point: ${out} ${err}`)));
    });
    child.kill('SIGKILL');
    expect(await exit).toEqual({ code: null, signal: 'SIGKILL' });
    expect(out).not.toContain('FINISHED');

    expect(await state()).toEqual(before);

    const db2 = await openDb({ env, cwd: tmp });
    const r = await importFile(db2, { path: next, actor: 'test', kind: 'kiel-activities' });
    await db2.close();
    // 160: the one negative correction row is left unrevised by the regex above
    expect(r.outcome).toMatchObject({ status: 'imported', added: 160, removed: 160 });
  });
});
