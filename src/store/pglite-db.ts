// PGlite adapter: Postgres compiled to WASM, one connection per instance (tech notes C1)
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Db, DbQueryable, SqlParam } from './db.js';

function wrap(q: Pick<PGlite, 'query' | 'exec'>): DbQueryable {
  return {
    async query<T>(sql: string, params: SqlParam[] = []) {
      const r = await q.query<T>(sql, params);
      return r.rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  };
}

/** `dir` undefined opens an in-memory database (tests); otherwise a persistent data directory */
export async function openPglite(dir?: string, onClose?: () => void): Promise<Db> {
  if (dir) mkdirSync(dir, { recursive: true });
  const pg = dir ? await PGlite.create(dir) : await PGlite.create();
  const base = wrap(pg);
  let closed = false;
  return {
    kind: 'pglite',
    location: dir ?? 'memory',
    ...base,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async close() {
      if (closed) return;
      closed = true;
      try {
        await pg.close();
      } finally {
        onClose?.();
      }
    },
  };
}
