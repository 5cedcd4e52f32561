// `npm run bench`: runs every bench/*.bench.ts in its own process (clean heap, honest RSS) and relays its
// JSON lines ({"name","value","unit"}); pass names to run a subset, e.g. `npm run bench -- engine`
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build-if-stale.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const filter = process.argv.slice(2);
buildIfStale({ quiet: true });
const files = readdirSync(`${root}/bench`)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filter.length === 0 || filter.some((x) => f.includes(x)))
  .sort();
let failed = 0;
for (const f of files) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `bench/${f}`], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=4096' },
  });
  if (r.status !== 0) {
    failed++;
    process.stderr.write(`bench ${f} failed (exit ${r.status ?? r.signal})\n`);
  }
}
process.exit(failed ? 1 : 0);
