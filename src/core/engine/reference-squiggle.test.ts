// the reference 20-input model gives the same summaries as Squiggle 0.10 within Monte Carlo error
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../test/support/fake-io.js';
import { runSquiggle, toSquiggle } from '../../../test/support/squiggle-model.js';
import { evaluateModel } from './model.js';
import { parseModelFile } from './model-file.js';
import { compilePlan } from './plan.js';

const file = 'examples/models/reference-20.yaml';

describe('reference model vs Squiggle', () => {
  it('mean, sd and quantiles agree within 5 combined standard errors', async () => {
    const parsed = parseModelFile(readFileSync(`${repoRoot}${file}`, 'utf8'), file);
    if (!parsed.ok) throw new Error('reference model does not parse');
    const def = parsed.value;
    const N = 200_000;
    const M = 100_000;
    const ours = (await evaluateModel(def, { samples: N, seed: 2026 })).outputs.total!;

    // local density for quantile standard errors, from an exact sort of our own draws
    const p = compilePlan({
      inputs: [...def.inputs, { name: 'total', spec: def.outputs![0]!.expr! }],
      chunkSize: N,
    });
    if (!p.ok) throw new Error('no plan');
    const sorted = p.value.sampleChunk(2026, { index: 0, start: 0, n: N }).get('total').slice().sort();
    const q = (pp: number) => sorted[Math.round(pp * (N - 1))]!;

    const levels = [0.05, 0.25, 0.5, 0.75, 0.95];
    const sq = await runSquiggle(toSquiggle(def, 'total', levels), M);

    const sd = ours.sd;
    // mean: SE = sd * sqrt(1/N + 1/M)
    expect(Math.abs(ours.mean - sq.mean)).toBeLessThan(5 * sd * Math.sqrt(1 / N + 1 / M));
    // sd: SE of a sample sd ~ sd * sqrt((kurtosis - 1) / 4n); kurtosis of this near-normal sum is < 4
    expect(Math.abs(ours.sd - sq.sd)).toBeLessThan(5 * sd * Math.sqrt((3 / 4) * (1 / N + 1 / M)));
    for (const lv of levels) {
      const density = 0.02 / (q(lv + 0.01) - q(lv - 0.01));
      const se = Math.sqrt(lv * (1 - lv) * (1 / N + 1 / M)) / density;
      const key = `p${Math.round(lv * 100)}` as keyof typeof ours.quantiles;
      expect(Math.abs(ours.quantiles[key] - sq.quantiles[`q${Math.round(lv * 1000)}`]!)).toBeLessThan(5 * se);
    }
  }, 120_000);
});
