// chooses the backend from the environment: DATABASE_URL -> PostgreSQL, else PGlite in GUARANTOR_DB_DIR (./.guarantor/db)
import { isAbsolute, join } from 'node:path';
import { GuarantorError } from '../core/errors.js';
import type { Db } from './db.js';
import { acquireDirLock } from './lock.js';
import { migrate } from './migrate.js';
import { openPostgres, redactUrl } from './pg-db.js';
import { openPglite } from './pglite-db.js';

export const DEFAULT_DB_DIR = '.guarantor/db';

export interface OpenDbOptions {
  env: Record<string, string | undefined>;
  cwd: string;
}

export function dbDirFor(opts: OpenDbOptions): string {
  const dir = opts.env.GUARANTOR_DB_DIR || DEFAULT_DB_DIR;
  return isAbsolute(dir) ? dir : join(opts.cwd, dir);
}

/** opens and migrates; the caller must `await db.close()` (PGlite keeps the process alive otherwise) */
export async function openDb(opts: OpenDbOptions): Promise<Db> {
  const url = opts.env.DATABASE_URL;
  let db: Db;
  if (url) {
    try {
      db = await openPostgres(url);
    } catch (e) {
      throw new GuarantorError(
        'store.connect',
        `cannot connect to ${redactUrl(url)}: ${e instanceof Error ? e.message : String(e)}. ` +
          'Check DATABASE_URL, or unset it to use the embedded database',
      );
    }
  } else {
    const dir = dbDirFor(opts);
    const release = acquireDirLock(dir);
    try {
      db = await openPglite(dir, release);
    } catch (e) {
      release();
      throw new GuarantorError(
        'store.open',
        `cannot open the embedded database in ${dir}: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }
  try {
    await migrate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}

/** runs fn with an open database and always closes it */
export async function withDb<T>(opts: OpenDbOptions, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb(opts);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
