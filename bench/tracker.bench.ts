// tracker speed: importing Kiel's release28_activities.csv + data_explorer.csv into a fresh PGlite directory
// (target < 5 s), and the `track status` queries' p95 latency (target < 50 ms)
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDb } from '../src/store/open-db.js';
import { donorStatus, latestReleases, ledgerCounts } from '../src/store/tracker-repo.js';
import { importFile } from '../src/tracker/import-file.js';
import { kielDir } from '../src/tracker/seed.js';

const line = (name: string, value: number, unit: string) =>
  process.stdout.write(`${JSON.stringify({ name, value: Number(value.toPrecision(4)), unit })}\n`);

const shared = kielDir(process.env);
const dir = existsSync(join(shared, 'data_explorer.csv'))
  ? shared
  : new URL('../test/fixtures/kiel/', import.meta.url).pathname;
// the fixture sample is tiny: name the figures differently so nobody mistakes them for the real ones
const tag = dir === shared ? '' : '.fixture-sample';
const tmp = mkdtempSync(join(tmpdir(), 'guarantor-bench-'));
try {
  const env = { GUARANTOR_DB_DIR: join(tmp, 'db') };
  let t0 = performance.now();
  const db = await openDb({ env, cwd: tmp });
  line(`tracker.pglite.open_fresh_dir${tag}`, performance.now() - t0, 'ms');
  t0 = performance.now();
  const a = await importFile(db, { path: join(dir, 'release28_activities.csv'), actor: 'bench' });
  const b = await importFile(db, { path: join(dir, 'data_explorer.csv'), actor: 'bench' });
  const importMs = performance.now() - t0;
  line(`tracker.import.activities_plus_explorer${tag}`, importMs, 'ms');
  line(`tracker.import.rows_per_s${tag}`, (a.outcome.rows + b.outcome.rows) / (importMs / 1000), 'rows/s');
  t0 = performance.now();
  await importFile(db, { path: join(dir, 'release28_activities.csv'), actor: 'bench' });
  await importFile(db, { path: join(dir, 'data_explorer.csv'), actor: 'bench' });
  line(`tracker.reimport_unchanged${tag}`, performance.now() - t0, 'ms');

  const status = async () => {
    await ledgerCounts(db);
    await latestReleases(db);
    await donorStatus(db, '2026-11-23');
  };
  for (let i = 0; i < 5; i++) await status(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < 100; i++) {
    const s = performance.now();
    await status();
    times.push(performance.now() - s);
  }
  times.sort((x, y) => x - y);
  line(`tracker.status.p50${tag}`, times[49]!, 'ms');
  line(`tracker.status.p95${tag}`, times[94]!, 'ms');
  await db.close();
  t0 = performance.now();
  const again = await openDb({ env, cwd: tmp });
  line(`tracker.pglite.reopen${tag}`, performance.now() - t0, 'ms');
  await again.close();
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
