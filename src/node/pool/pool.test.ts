import { afterAll, describe, expect, it } from 'vitest';
import { planChunks } from '../../core/engine/chunks.js';
import type { ModelDef } from '../../core/engine/model.js';
import { evaluateModel } from '../../core/engine/model.js';
import { evaluateModelThreaded } from './evaluate-model.js';
import { moduleUrl } from './module-url.js';
import { runPooled, WorkerPool } from './pool.js';

const model: ModelDef = {
  inputs: [
    { name: 'a', spec: 'normal(10, 2)' },
    { name: 'b', spec: 'beta(2, 8)' },
    { name: 'c', spec: '1 to 5' },
    { name: 'd', spec: 'pert(0, 1, 4)' },
  ],
  correlation: {
    names: ['a', 'c'],
    matrix: [
      [1, 0.6],
      [0.6, 1],
    ],
  },
  outputs: [{ name: 'y', expr: 'a * b + c / (d + 1)' }, { name: 'a' }],
  chunkSize: 20_000,
};

describe('worker pool', () => {
  const pool = new WorkerPool(2);
  afterAll(() => pool.close());

  it('gives bit-identical summaries on 1 and 2 threads, and in the core evaluator', async () => {
    const opts = { samples: 210_000, seed: 17 };
    const one = await evaluateModelThreaded(model, { ...opts, threads: 1 });
    const two = await evaluateModelThreaded(model, { ...opts, threads: 2 });
    const reused = await evaluateModelThreaded(model, { ...opts, threads: 2, pool });
    const core = await evaluateModel(model, opts);
    expect(two).toEqual(one);
    expect(reused).toEqual(one);
    expect(core).toEqual(one);
    // and two runs with one seed agree, while another seed does not
    expect(await evaluateModelThreaded(model, { ...opts, threads: 2, pool })).toEqual(one);
    const other = await evaluateModelThreaded(model, { ...opts, seed: 18, threads: 2, pool });
    expect(other.outputs.y!.mean).not.toBe(one.outputs.y!.mean);
  });

  it('runs a caller-supplied job module and merges in chunk order', async () => {
    const job = {
      module: moduleUrl('../../../test/support/sum-job.js', import.meta.url),
      payload: { seed: 3, spec: 'uniform(0, 1)' },
    };
    const chunks = planChunks(100_000, 10_000);
    const reduce = (acc: number[], r: { index: number }) => [...acc, r.index];
    const order = await runPooled({ job, chunks, threads: 2, reduce, init: [] as number[] });
    expect(order).toEqual(chunks.map((c) => c.index));
    const sum = (threads: number) =>
      runPooled({ job, chunks, threads, reduce: (a: number, r: { sum: number }) => a + r.sum, init: 0 });
    const [s1, s2] = [await sum(1), await sum(2)];
    expect(s2).toBe(s1);
    // mean of 100k uniforms: SE 0.00091; 5 SE
    expect(Math.abs(s1 / 100_000 - 0.5)).toBeLessThan(0.0046);
  });

  it('reports progress in order and can be cancelled', async () => {
    const seen: number[] = [];
    const first = await evaluateModelThreaded(model, {
      samples: 100_000,
      seed: 1,
      threads: 2,
      pool,
      onProgress: (p) => seen.push(p.chunksDone),
    });
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    const ac = new AbortController();
    const run = evaluateModelThreaded(model, {
      samples: 2_000_000,
      seed: 1,
      threads: 2,
      pool,
      signal: ac.signal,
      onProgress: () => ac.abort(),
    });
    await expect(run).rejects.toMatchObject({ code: 'engine.cancelled' });
    // the pool keeps working after a cancellation (its workers finish their chunk; none is terminated)
    const again = await evaluateModelThreaded(model, { samples: 100_000, seed: 1, threads: 2, pool });
    expect(again).toEqual(first);
  });

  it('rejects bad thread counts', () => {
    expect(() => new WorkerPool(0)).toThrowError(/threads must be an integer from 1 to 256, got 0/);
  });
});
