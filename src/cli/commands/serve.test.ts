// guarantor serve in-process: binds a free port, prints the URL, holds the database lock while it runs and releases it
// on stop; usage errors exit 2; a non-loopback host warns on stderr
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../../../test/support/fake-io.js';
import type { RunningServer } from '../../server/serve.js';
import { serveHooks } from './serve.js';

const tmp = mkdtempSync(join(tmpdir(), 'guarantor-serve-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('guarantor serve', () => {
  it('refuses a bad port or thread count (exit 2)', async () => {
    const r = await cli(['serve', '--port', 'http']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--port must be a port number 0-65535, got 'http'");
    expect((await cli(['serve', '--port', '70000'])).code).toBe(2);
    expect((await cli(['serve', '--threads', '0'])).code).toBe(2);
    const env = await cli(['serve'], { env: { PORT: 'eighty' } });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain('PORT must be a port number');
  });

  it('serves until stopped, holding the database lock, then releases it and exits 0', async () => {
    const dbDir = join(tmp, 'db');
    let started: (s: RunningServer) => void = () => undefined;
    const up = new Promise<RunningServer>((r) => {
      started = r;
    });
    let stop: (sig: string) => void = () => undefined;
    const saved = { ...serveHooks };
    serveHooks.onStarted = (s) => started(s);
    serveHooks.waitForStop = () =>
      new Promise((r) => {
        stop = r;
      });
    try {
      const run = cli(['serve', '--port', '0', '--host', '0.0.0.0', '--threads', '1'], {
        env: { NO_COLOR: '1', GUARANTOR_DB_DIR: dbDir },
      });
      const server = await up;
      expect(existsSync(`${dbDir}.lock`)).toBe(true);
      const health = await fetch(`${server.url}api/health`);
      expect(await health.json()).toEqual({ ok: true, version: expect.any(String), db: 'pglite' });
      stop('SIGTERM');
      const r = await run;
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Guarantor workbench: http:\/\/127\.0\.0\.1:\d+\/\n$/);
      expect(r.stderr).toContain('warning: binding to 0.0.0.0 exposes the workbench');
      expect(r.stderr).toContain('SIGTERM: shutting down');
      expect(existsSync(`${dbDir}.lock`)).toBe(false);
      await expect(fetch(`${server.url}api/health`)).rejects.toThrow();
    } finally {
      Object.assign(serveHooks, saved);
    }
  });
});
