// the Db contract on every backend: migrations, transactions, the append-only audit log; plus the PGlite dir lock
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './db.js';
import { acquireDirLock } from './lock.js';
import { loadMigrations, migrate } from './migrate.js';
import { dbDirFor } from './open-db.js';
import { redactUrl } from './pg-db.js';
import { testBackends } from './test-backends.js';

describe.each(testBackends())('Db on $name', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('applied every migration once; a second run applies none', async () => {
    const rows = await db.query<{ version: number }>(
      'select version from schema_migrations order by version',
    );
    expect(rows.map((r) => Number(r.version))).toEqual(loadMigrations().map((m) => m.version));
    expect(await migrate(db)).toEqual([]);
  });

  it('rolls back everything a failed transaction wrote', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query(
          `insert into releases (kind, origin, file_name, sha256, row_count, imported_by) values ('csv', 'csv:t', 't.csv', 'x', 0, 'test')`,
        );
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const [r] = await db.query<{ n: number }>(
      `select count(*)::int as n from releases where origin = 'csv:t'`,
    );
    expect(r!.n).toBe(0);
  });

  it('commits a transaction that resolves and returns its value', async () => {
    const id = await db.transaction(async (tx) => {
      const [row] = await tx.query<{ id: number }>(
        `insert into releases (kind, origin, file_name, sha256, row_count, imported_by) values ('csv', 'csv:ok', 'ok.csv', 'y', 0, 'test') returning id`,
      );
      return Number(row!.id);
    });
    const [r] = await db.query<{ origin: string }>('select origin from releases where id = $1', [id]);
    expect(r!.origin).toBe('csv:ok');
  });

  it('refuses to update or delete audit entries', async () => {
    await db.query(
      `insert into audit_log (actor, action, entity, entity_key, after) values ('test', 'insert', 'pledges', 'k', '{"a":1}'::jsonb)`,
    );
    await expect(db.query(`update audit_log set actor = 'mallory'`)).rejects.toThrow(/append-only/);
    await expect(db.query('delete from audit_log')).rejects.toThrow(/append-only/);
    const [r] = await db.query<{ n: number }>(
      `select count(*)::int as n from audit_log where actor = 'test'`,
    );
    expect(r!.n).toBe(1);
  });

  it('enforces the ledger constraints (negative quantity, unknown stage)', async () => {
    await expect(
      db.query(
        `insert into pledges (key, origin, donor, category, quantity, record, content_hash, release_id)
         values ('neg', 'csv:x', 'Belgium', 'military', -1, '{}'::jsonb, 'h', (select min(id) from releases))`,
      ),
    ).rejects.toThrow();
  });
});

describe('PGlite directory lock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'guarantor-lock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second holder while the first is alive, and frees the lock on release', () => {
    const db = join(dir, 'db');
    // simulate another live process: our parent is alive for the whole test
    writeFileSync(`${db}.lock`, `${process.ppid}\n`);
    expect(() => acquireDirLock(db)).toThrow(/in use by process/);
    rmSync(`${db}.lock`);
    const release = acquireDirLock(db);
    expect(() => acquireDirLock(db)).toThrow(/already open in this process/);
    release();
    acquireDirLock(db)();
  });

  it('creates the parent folder of a data directory that does not exist yet (a fresh checkout)', () => {
    const db = join(dir, 'fresh', '.guarantor', 'db');
    const release = acquireDirLock(db);
    expect(existsSync(`${db}.lock`)).toBe(true);
    release();
    expect(existsSync(`${db}.lock`)).toBe(false);
  });

  it('takes over a stale lock left by a dead process', () => {
    const db = join(dir, 'stale');
    // pid 2^22+1 is above Linux's default pid_max, so no live process has it
    writeFileSync(`${db}.lock`, `${2 ** 22 + 1}\n`);
    const release = acquireDirLock(db);
    release();
  });

  it('resolves the data directory from GUARANTOR_DB_DIR or the default', () => {
    expect(dbDirFor({ env: {}, cwd: '/w' })).toBe('/w/.guarantor/db');
    expect(dbDirFor({ env: { GUARANTOR_DB_DIR: 'x/y' }, cwd: '/w' })).toBe('/w/x/y');
    expect(dbDirFor({ env: { GUARANTOR_DB_DIR: '/abs' }, cwd: '/w' })).toBe('/abs');
  });

  it('never prints a password from DATABASE_URL', () => {
    expect(redactUrl('postgres://u:secret@h:5432/db')).toBe('postgres://u:***@h:5432/db');
  });
});
