// PostgreSQL adapter over `pg`: a small pool; a transaction holds one client from BEGIN to COMMIT/ROLLBACK
import pg from 'pg';
import type { Db, DbQueryable, SqlParam } from './db.js';

function wrapClient(c: pg.PoolClient | pg.Pool): DbQueryable {
  return {
    async query<T>(sql: string, params: SqlParam[] = []) {
      const r = await c.query(sql, params);
      return r.rows as T[];
    },
    async exec(sql: string) {
      await c.query(sql);
    },
  };
}

/** the URL without its password, for messages */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '<unparseable DATABASE_URL>';
  }
}

/** `schema` isolates test runs that share one server: every connection gets that search_path */
export async function openPostgres(
  url: string,
  opts: { schema?: string; dropSchemaOnClose?: boolean } = {},
): Promise<Db> {
  if (opts.schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`create schema if not exists "${opts.schema.replace(/"/g, '')}"`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  // fail now, with the server's reason, rather than on the first query
  const probe = await pool.connect();
  probe.release();
  let closed = false;
  return {
    kind: 'postgres',
    location: redactUrl(url),
    ...wrapClient(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const out = await fn(wrapClient(client));
        await client.query('commit');
        return out;
      } catch (e) {
        await client.query('rollback').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      if (opts.schema && opts.dropSchemaOnClose)
        await pool.query(`drop schema if exists "${opts.schema.replace(/"/g, '')}" cascade`);
      await pool.end();
    },
  };
}
