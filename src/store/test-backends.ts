// the databases the test suites run against: PGlite always, PostgreSQL when GUARANTOR_TEST_DATABASE_URL is set
// (never DATABASE_URL, which may point at real data). Each PostgreSQL run gets its own schema, dropped on close.
import type { Db } from './db.js';
import { migrate } from './migrate.js';
import { openPostgres } from './pg-db.js';
import { openPglite } from './pglite-db.js';

export interface TestBackend {
  name: 'pglite' | 'postgres';
  open(): Promise<Db>;
}

let counter = 0;

export function testBackends(env: Record<string, string | undefined> = process.env): TestBackend[] {
  const out: TestBackend[] = [
    {
      name: 'pglite',
      open: async () => {
        const db = await openPglite();
        await migrate(db);
        return db;
      },
    },
  ];
  const url = env.GUARANTOR_TEST_DATABASE_URL;
  if (url) {
    out.push({
      name: 'postgres',
      open: async () => {
        const schema = `guarantor_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
        const db = await openPostgres(url, { schema, dropSchemaOnClose: true });
        await migrate(db);
        return db;
      },
    });
  }
  return out;
}
