// `npm test`: lint, typecheck, build, then every vitest suite (unit, property, CLI, e2e)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildIfStale, buildWebIfStale } from './build-if-stale.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));

function step(title, cmd, args) {
  process.stderr.write(`\n== ${title}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (r.status !== 0) {
    process.stderr.write(`\n${title} failed (exit ${r.status ?? r.signal})\n`);
    process.exit(r.status ?? 1);
  }
}

step('lint (biome)', bin('biome'), ['ci', '.']);
step('typecheck (tsc)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
step('typecheck web (tsc)', bin('tsc'), ['-p', 'web/tsconfig.json', '--noEmit']);
process.stderr.write('\n== build\n');
buildIfStale();
buildWebIfStale();
step('tests (vitest)', bin('vitest'), ['run', ...process.argv.slice(2)]);
