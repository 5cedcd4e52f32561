// evaluateModel keeps recently compiled models and their column buffers: reuse must never change a result, also
// for runs that overlap (the evaluator yields to the event loop between chunks; each chunk uses the shared buffers
// synchronously, from sampling to its summary)
import { describe, expect, it } from 'vitest';
import { evaluateModel, type ModelDef } from './model.js';

const def: ModelDef = {
  inputs: [
    { name: 'a', spec: 'normal(10, 2)' },
    { name: 'b', spec: 'beta(2, 5)' },
    { name: 'c', spec: 'lognormal(0, 0.4)' },
  ],
  outputs: [{ name: 'y', expr: 'a + b + c * 3' }],
  chunkSize: 4096,
};

describe('evaluateModel reuse', () => {
  it('gives identical summaries on a fresh and on a cached model, and for a smaller then larger run', async () => {
    const first = await evaluateModel(def, { samples: 20_000, seed: 3 });
    await evaluateModel(def, { samples: 500, seed: 9 }); // reuses the 4096-sample buffers for a 500-sample chunk
    const again = await evaluateModel(def, { samples: 20_000, seed: 3 });
    expect(again).toEqual(first);
    // a different (equal-content) object hits the same cache entry and still agrees
    const copy = JSON.parse(JSON.stringify(def)) as ModelDef;
    expect(await evaluateModel(copy, { samples: 20_000, seed: 3 })).toEqual(first);
  });

  it('overlapping runs of one model give the same results as sequential runs', async () => {
    const n = 400_000; // long enough (> 50 ms) that each run yields to the event loop between chunks
    const seq = [
      await evaluateModel(def, { samples: n, seed: 1 }),
      await evaluateModel(def, { samples: n, seed: 2 }),
    ];
    const order: number[] = [];
    const both = await Promise.all(
      [1, 2].map((seed) => evaluateModel(def, { samples: n, seed, onProgress: () => order.push(seed) })),
    );
    // the runs really interleaved: run 2 made progress before run 1 finished
    expect(order.indexOf(2)).toBeLessThan(order.lastIndexOf(1));
    expect(both).toEqual(seq);
    expect(both[0]!.outputs.y!.mean).not.toBe(both[1]!.outputs.y!.mean);
  });
});
