// plain SQL migrations NNN_name.sql applied in order, each in its own transaction, recorded in schema_migrations
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GuarantorError } from '../core/errors.js';
import { packageRoot } from '../node/paths.js';
import type { Db } from './db.js';

// migrations stay as .sql under src/ so the same files serve tsx and the built dist/
export const migrationsDir = join(packageRoot, 'src', 'store', 'migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function loadMigrations(dir = migrationsDir): Migration[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const out: Migration[] = [];
  for (const f of files) {
    const m = /^(\d{3})_([a-z0-9_-]+)\.sql$/.exec(f);
    if (!m) throw new GuarantorError('store.migration-name', `migration ${f} must be named NNN_name.sql`);
    const version = Number(m[1]);
    if (out.some((x) => x.version === version))
      throw new GuarantorError('store.migration-duplicate', `two migrations share version ${m[1]}`);
    out.push({ version, name: m[2]!, sql: readFileSync(join(dir, f), 'utf8') });
  }
  return out;
}

/** applies pending migrations; returns the versions applied now */
export async function migrate(db: Db, migrations = loadMigrations()): Promise<number[]> {
  await db.exec(
    `create table if not exists schema_migrations (
       version integer primary key, name text not null, applied_at timestamptz not null default now())`,
  );
  const done = new Set(
    (await db.query<{ version: number }>('select version from schema_migrations')).map((r) =>
      Number(r.version),
    ),
  );
  const applied: number[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(m.sql);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
    });
    applied.push(m.version);
  }
  return applied;
}
