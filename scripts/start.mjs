// `npm start`: build what is missing, then run the main job
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build-if-stale.mjs';

buildIfStale();
const bin = fileURLToPath(new URL('../bin/guarantor.mjs', import.meta.url));
const args = process.argv.slice(2);
const r = spawnSync(process.execPath, [bin, ...(args.length ? args : ['compare', '--all'])], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
