// GET /api/backtest: the CLI's `backtest --json`, run in a worker thread so the server keeps answering meanwhile
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../../test/support/fake-io.js';
import type { Db } from '../../store/db.js';
import { testBackends } from '../../store/test-backends.js';
import { type App, createApp } from '../app.js';
import { call } from '../test-client.js';

describe('GET /api/backtest', () => {
  let db: Db;
  let a: App;
  beforeAll(async () => {
    db = await testBackends()[0]!.open();
    a = createApp({ db, log: () => undefined });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('equals `backtest --json` for the same options, and the server answers while it runs', async () => {
    const pending = call(a, 'GET', '/api/backtest?samples=256&seed=3');
    // a timer set now fires before the answer: the event loop is not held by the computation (run inline, the
    // back-test's awaits are microtasks only, and it would answer first)
    let timerFired = false;
    setTimeout(() => {
      timerFired = true;
    }, 0);
    const r = await pending;
    const firedBeforeAnswer = timerFired;
    expect(firedBeforeAnswer).toBe(true);
    expect((await call(a, 'GET', '/api/health')).status).toBe(200);
    expect(r.status).toBe(200);
    const expected = JSON.parse(
      (await cli(['backtest', '--json', '--samples', '256', '--seed', '3'])).stdout,
    );
    expect(r.json).toEqual(expected);
  }, 300_000);

  it('refuses bad options with 400', async () => {
    expect((await call(a, 'GET', '/api/backtest?samples=lots')).status).toBe(400);
    const label = await call(a, 'GET', '/api/backtest?label=forever&samples=16');
    expect(label.status).toBe(400);
    expect(label.json.error.code).toBe('usage.backtest');
  }, 120_000);
});
