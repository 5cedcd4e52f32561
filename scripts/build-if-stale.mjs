// rebuilds dist/ when any source file is newer than the last build
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function newest(dir) {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

export function buildIfStale({ quiet = false } = {}) {
  const stamp = join(root, 'dist', '.build-stamp');
  const srcTime = newest(join(root, 'src'));
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= srcTime) return false;
  if (!quiet) process.stderr.write('building guarantor (tsc)...\n');
  execFileSync(
    process.execPath,
    [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  writeFileSync(stamp, String(Date.now()));
  return true;
}

/**
 * rebuilds the web UI (dist/web) with Vite when anything under web/, src/core/, src/charts/ or vite.config.ts is
 * newer than dist/web/.build-stamp; returns true when it built
 */
export function buildWebIfStale({ quiet = false } = {}) {
  const stamp = join(root, 'dist', 'web', '.build-stamp');
  const inputs = [join(root, 'web'), join(root, 'src', 'core'), join(root, 'src', 'charts')].filter(
    existsSync,
  );
  const srcTime = Math.max(statSync(join(root, 'vite.config.ts')).mtimeMs, ...inputs.map(newest));
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= srcTime) return false;
  if (!quiet) process.stderr.write('building the web UI (vite)...\n');
  execFileSync(
    process.execPath,
    [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
      // vitest sets NODE_ENV=test, which would give a development React build
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  writeFileSync(stamp, String(Date.now()));
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildIfStale();
  if (process.argv.includes('--web')) buildWebIfStale();
}
