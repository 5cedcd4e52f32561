// the built web UI: files with content types, immutable caching for hashed assets, the SPA fallback to index.html for
// client routes, 404 for missing assets, no escape from the web root, and /api never answered with HTML
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.js';
import { testBackends } from '../store/test-backends.js';
import { type App, createApp } from './app.js';
import { call } from './test-client.js';

describe('static web UI', () => {
  const root = mkdtempSync(join(tmpdir(), 'guarantor-web-'));
  const web = join(root, 'web');
  let db: Db;
  let a: App;
  beforeAll(async () => {
    mkdirSync(join(web, 'assets'), { recursive: true });
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>app</title><div id="root"></div>');
    writeFileSync(join(web, 'assets', 'index-B4x9kQ2a.js'), 'console.log(1)');
    writeFileSync(join(web, 'assets', 'style-Dd8fk2Lm.css'), 'body{}');
    writeFileSync(join(web, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(root, 'secret.txt'), 'do not serve');
    db = await testBackends()[0]!.open();
    a = createApp({ db, webDir: web, log: () => undefined });
  });
  afterAll(async () => {
    await db?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves index.html at / without long caching', async () => {
    const r = await call(a, 'GET', '/');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(r.headers.get('cache-control')).toBe('no-cache');
    expect(r.text).toContain('<div id="root">');
  });

  it('serves hashed assets with their types and immutable caching; other files revalidate', async () => {
    const js = await call(a, 'GET', '/assets/index-B4x9kQ2a.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(js.text).toBe('console.log(1)');
    expect((await call(a, 'GET', '/assets/style-Dd8fk2Lm.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
    const svg = await call(a, 'GET', '/favicon.svg');
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(svg.headers.get('cache-control')).toBe('no-cache');
  });

  it('falls back to index.html for client-side routes, not for missing files or the API', async () => {
    for (const p of ['/scenarios/s01-nato-article-5', '/compare', '/tracker/donor/Belgium']) {
      const r = await call(a, 'GET', p);
      expect(r.status, p).toBe(200);
      expect(r.text, p).toContain('<div id="root">');
    }
    expect((await call(a, 'GET', '/assets/missing-abcdef12.js')).status).toBe(404);
    const api = await call(a, 'GET', '/api/not-a-route');
    expect(api.status).toBe(404);
    expect(api.json.error.code).toBe('route.not-found');
  });

  it('never serves files outside the web root', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
      const r = await call(a, 'GET', p);
      expect(r.text, p).not.toContain('do not serve');
    }
  });

  it('HEAD answers without a body; POST outside /api is 404', async () => {
    const head = await a.app.request('/assets/index-B4x9kQ2a.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await call(a, 'POST', '/somewhere', {})).status).toBe(404);
  });
});
