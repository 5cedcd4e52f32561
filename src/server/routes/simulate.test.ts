// simulation over HTTP: jobs with progress over server-sent events, cancellation (inline and on the worker pool),
// the synchronous stress endpoint, and bad input; results equal the CLI's --json for the same samples and seed
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../../test/support/fake-io.js';
import { WorkerPool } from '../../node/pool/pool.js';
import type { Db } from '../../store/db.js';
import { testBackends } from '../../store/test-backends.js';
import { type App, createApp } from '../app.js';
import { JobManager } from '../jobs.js';
import { call, copyAs } from '../test-client.js';

const cliJson = async (args: string[]) =>
  JSON.parse((await cli([...args, '--json', '--no-progress'])).stdout);

interface SseEvent {
  event: string;
  data: unknown;
}

/** reads a whole SSE body (the stream ends after done, failed or cancelled) */
async function readSse(res: Response): Promise<SseEvent[]> {
  const text = await res.text();
  return text
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const lines = block.split('\n');
      const event = lines
        .find((l) => l.startsWith('event:'))!
        .slice(6)
        .trim();
      const data = lines
        .filter((l) => l.startsWith('data:'))
        .map((l) => l.slice(5).trim())
        .join('\n');
      return { event, data: JSON.parse(data) };
    });
}

async function waitFor(a: App, jobId: string, status: string) {
  for (let i = 0; i < 600; i++) {
    const r = await call(a, 'GET', `/api/jobs/${jobId}`);
    if (r.json.status === status) return r.json;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job ${jobId} never reached ${status}`);
}

const BAD_ASSUMPTIONS = [
  'id: bad-inputs',
  'title: Bad',
  'summary: x',
  'status: draft',
  'asOf: 2025-01-01',
  'sources: [kuleba-2025]',
  'assumptions:',
  '  honor_base: 0.5',
  'instruments:',
  '  - id: pledge',
  '    title: Pledge',
  '    guarantors: [USA]',
  '    obligations: [defence]',
  '    strength: ground-combat',
  '    automaticity: automatic',
  '    trigger: { timing: on-attack, domains: [land] }',
  '    legal: { form: treaty, ratification: ratified, status: hypothetical }',
  '    duration: { years: null }',
  '    decision: { rule: each-guarantor }',
  '    sources: [kuleba-2025]',
  '',
].join('\n');

describe('simulation API', () => {
  let db: Db;
  let a: App;
  beforeAll(async () => {
    db = await testBackends()[0]!.open();
    a = createApp({ db, log: () => undefined });
  });
  afterAll(async () => {
    await a.deps.jobs.cancelAll();
    await db?.close();
  });

  it('runs a job: 202, progress events then done over SSE, result equal to `simulate --json`', async () => {
    const start = await call(a, 'POST', '/api/simulate', {
      scenario: 's08-reassurance-force',
      samples: 50_000,
      seed: 7,
    });
    expect(start.status).toBe(202);
    const { jobId } = start.json;
    const res = await a.app.request(`/api/jobs/${jobId}/events`);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const events = await readSse(res);
    const progress = events
      .filter((e) => e.event === 'progress')
      .map((e) => e.data as { done: number; total: number });
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.every((p) => p.total === 50_000)).toBe(true);
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((x, y) => x - y));
    expect(progress.at(-1)!.done).toBe(50_000);
    expect(events.at(-1)!.event).toBe('done');
    const result = (events.at(-1)!.data as { result: unknown }).result;
    expect(result).toEqual(
      await cliJson([
        'simulate',
        's08-reassurance-force',
        '--samples',
        '50000',
        '--seed',
        '7',
        '--threads',
        '1',
      ]),
    );
    const job = await call(a, 'GET', `/api/jobs/${jobId}`);
    expect(job.json).toMatchObject({
      id: jobId,
      kind: 'simulate',
      status: 'done',
      progress: { done: 50_000 },
    });
    expect(job.json.result).toEqual(result);
    // a late listener gets the end at once
    const late = await readSse(await a.app.request(`/api/jobs/${jobId}/events`));
    expect(late.map((e) => e.event)).toEqual(['progress', 'done']);
  });

  it('sensitivity: one monotone progress bar over every pass, result equal to `sensitivity --json`', async () => {
    const { jobId } = (
      await call(a, 'POST', '/api/simulate', {
        scenario: 's03-budapest-memorandum',
        kind: 'sensitivity',
        samples: 2000,
      })
    ).json;
    const events = await readSse(await a.app.request(`/api/jobs/${jobId}/events`));
    const progress = events
      .filter((e) => e.event === 'progress')
      .map((e) => e.data as { done: number; total: number });
    const dones = progress.map((p) => p.done);
    expect(dones).toEqual([...dones].sort((x, y) => x - y));
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
    expect(progress.at(-1)!.total).toBeGreaterThan(2 * 2000);
    expect((events.at(-1)!.data as { result: unknown }).result).toEqual(
      await cliJson(['sensitivity', 's03-budapest-memorandum', '--samples', '2000', '--threads', '1']),
    );
  });

  it('cancels a running job (DELETE): status cancelled, the SSE stream ends with cancelled', async () => {
    const { jobId } = (
      await call(a, 'POST', '/api/simulate', { scenario: 's01-nato-article-5', samples: 2_000_000 })
    ).json;
    const stream = Promise.resolve(a.app.request(`/api/jobs/${jobId}/events`)).then(readSse);
    await new Promise((r) => setTimeout(r, 200));
    const del = await call(a, 'DELETE', `/api/jobs/${jobId}`);
    expect(del.json).toEqual({ id: jobId, status: 'cancelled' });
    const events = await stream;
    expect(events.at(-1)).toEqual({ event: 'cancelled', data: {} });
    const job = await call(a, 'GET', `/api/jobs/${jobId}`);
    expect(job.json.status).toBe('cancelled');
    expect(job.json.progress.done).toBeLessThan(2_000_000);
  });

  it('cancels a job on the worker pool: the AbortSignal reaches the workers', async () => {
    const pool = new WorkerPool(2);
    const pooled = createApp({
      db,
      pool: () => pool,
      threads: 2,
      jobs: new JobManager(),
      log: () => undefined,
    });
    try {
      const { jobId } = (
        await call(pooled, 'POST', '/api/simulate', { scenario: 's01-nato-article-5', samples: 3_000_000 })
      ).json;
      await waitFor(pooled, jobId, 'running');
      await new Promise((r) => setTimeout(r, 300));
      const del = await call(pooled, 'DELETE', `/api/jobs/${jobId}`);
      expect(del.json.status).toBe('cancelled');
      // the pool is free again: a small pooled job completes with the same numbers as the inline one
      const { jobId: next } = (
        await call(pooled, 'POST', '/api/simulate', { scenario: 's01-nato-article-5', samples: 40_000 })
      ).json;
      const done = await waitFor(pooled, next, 'done');
      const inline = await cliJson([
        'simulate',
        's01-nato-article-5',
        '--samples',
        '40000',
        '--threads',
        '1',
      ]);
      expect(done.result).toEqual(inline);
    } finally {
      await pool.close();
    }
  });

  it('stress: synchronous, equal to `stress --json`; large runs are refused', async () => {
    const r = await call(a, 'POST', '/api/stress', {
      scenario: 's01-nato-article-5',
      samples: 3000,
      shocks: ['government-change:USA@2'],
    });
    expect(r.status).toBe(200);
    const expected = await cliJson([
      'stress',
      's01-nato-article-5',
      '--samples',
      '3000',
      '--shock',
      'government-change:USA@2',
    ]);
    // the extra test is named after where its shocks came from
    expected.tests.at(-1).name = 'request';
    expect(r.json).toEqual(expected);
    const big = await call(a, 'POST', '/api/stress', { scenario: 's01-nato-article-5', samples: 500_000 });
    expect(big.status).toBe(400);
    expect(big.json.error.code).toBe('request.too-many-samples');
  });

  it('validates before starting: 4xx for bad samples, kinds, shocks, inputs, ids; 422 located for a bad draft', async () => {
    const post = (body: unknown) => call(a, 'POST', '/api/simulate', body);
    expect((await post({ scenario: 's01-nato-article-5', samples: 0 })).json.error.code).toBe(
      'request.invalid',
    );
    expect((await post({ scenario: 's01-nato-article-5', samples: 'many' })).status).toBe(400);
    expect((await post({ scenario: 's01-nato-article-5', kind: 'bogus' })).status).toBe(400);
    expect((await post({ scenario: 'nope' })).status).toBe(404);
    const shock = await post({ scenario: 's01-nato-article-5', shocks: ['earthquake:9'] });
    expect(shock.status).toBe(400);
    expect(shock.json.error.code).toBe('usage.shock');
    const set = await post({ scenario: 's01-nato-article-5', set: { no_such_input: '0.3' } });
    expect(set.status).toBe(400);
    expect(set.json.error.code).toMatch(/^usage\./);
    const draft = await post({ scenario: 'bad-inputs', yaml: BAD_ASSUMPTIONS });
    expect(draft.status).toBe(422);
    expect(draft.json.error.code).toBe('scenario.invalid');
    expect(draft.json.error.diagnostics[0]).toMatchObject({ file: 'bad-inputs.yaml', line: 8 });
    expect((await call(a, 'GET', '/api/jobs/no-such-job')).status).toBe(404);
    expect((await call(a, 'DELETE', '/api/jobs/no-such-job')).json.error.code).toBe('job.not-found');
    expect((await a.app.request('/api/jobs/no-such-job/events')).status).toBe(404);
  });

  it('simulates an unsaved draft and a stored user scenario', async () => {
    const yaml = copyAs('s03-budapest-memorandum', 'budapest-copy');
    const draft = await call(a, 'POST', '/api/simulate', { scenario: 'budapest-copy', yaml, samples: 1000 });
    const r1 = await waitFor(a, draft.json.jobId, 'done');
    expect(r1.result.scenario).toBe('budapest-copy');
    await call(a, 'POST', '/api/scenarios', { yaml });
    const stored = await call(a, 'POST', '/api/simulate', { scenario: 'budapest-copy', samples: 1000 });
    const r2 = await waitFor(a, stored.json.jobId, 'done');
    expect(r2.result).toEqual(r1.result);
  });

  it('refuses a third concurrent job with 429 job.too-many', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 2; i++)
      ids.push(
        (await call(a, 'POST', '/api/simulate', { scenario: 's01-nato-article-5', samples: 2_000_000 })).json
          .jobId,
      );
    const third = await call(a, 'POST', '/api/simulate', { scenario: 's01-nato-article-5', samples: 1000 });
    expect(third.status).toBe(429);
    expect(third.json.error.code).toBe('job.too-many');
    for (const id of ids) await call(a, 'DELETE', `/api/jobs/${id}`);
  });
});
