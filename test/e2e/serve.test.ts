// the built CLI's `serve`: binds a free port (--port 0), prints the URL, answers /api/health and /openapi.json, takes
// the PGlite lock (a concurrent CLI on the same directory is refused) and on SIGTERM exits 0 and releases the lock
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale } from '../../scripts/build-if-stale.mjs';
import { repoRoot } from '../support/fake-io.js';

const tmp = mkdtempSync(join(tmpdir(), 'guarantor-e2e-serve-'));
const dbDir = join(tmp, 'db');
const { DATABASE_URL: _ignored, PORT: _port, ...rest } = process.env;
const env = { ...rest, NO_COLOR: '1', GUARANTOR_DB_DIR: dbDir };

let child: ChildProcess | undefined;
afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  rmSync(tmp, { recursive: true, force: true });
});

/** resolves with the URL the server prints, or rejects with what it wrote when it exits first */
function urlFrom(p: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    p.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Guarantor workbench: (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    p.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
    });
    p.on('exit', (code) => reject(new Error(`serve exited ${code} before printing its URL: ${out}${err}`)));
  });
}

describe('guarantor serve (built)', () => {
  beforeAll(() => {
    buildIfStale({ quiet: true });
  });

  it('serves, refuses a second opener of the database, and shuts down cleanly on SIGTERM', async () => {
    child = spawn(process.execPath, ['bin/guarantor.mjs', 'serve', '--port', '0', '--threads', '1'], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await urlFrom(child);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(existsSync(`${dbDir}.lock`)).toBe(true);

    const health = await fetch(`${url}api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, version: expect.any(String), db: 'pglite' });

    const doc = (await (await fetch(`${url}openapi.json`)).json()) as { openapi: string; paths: object };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/simulate');

    const bad = await fetch(`${url}api/scenarios`, {
      method: 'POST',
      body: '{',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('request.malformed-json');

    // the CLI may not open the directory the server holds
    const track = spawnSync(process.execPath, ['bin/guarantor.mjs', 'track', 'status'], {
      cwd: repoRoot,
      env,
      encoding: 'utf8',
    });
    expect(track.status).toBe(1);
    expect(track.stderr).toContain('store.locked');

    const exited = new Promise<{ code: number | null; signal: string | null }>((r) =>
      child!.on('exit', (code, signal) => r({ code, signal })),
    );
    child.kill('SIGTERM');
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(existsSync(`${dbDir}.lock`)).toBe(false);
    await expect(fetch(`${url}api/health`)).rejects.toThrow();
  }, 240_000); // a fresh PGlite directory takes its initdb first: tens of seconds on a busy machine
});
