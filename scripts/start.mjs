// `npm start`: build what is missing (TypeScript, then the web UI) and serve the
// workbench; flags pass through (`npm start -- --port 5000`), SIGINT/SIGTERM are forwarded for a clean shutdown
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildIfStale, buildWebIfStale } from './build-if-stale.mjs';

buildIfStale();
buildWebIfStale();

const bin = fileURLToPath(new URL('../bin/guarantor.mjs', import.meta.url));
const child = spawn(process.execPath, [bin, 'serve', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) {
  // the child shuts down in order (jobs, pool, database) and exits; we exit with its code
  process.on(sig, () => child.kill(sig));
}
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
