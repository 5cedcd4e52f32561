import { describe, expect, it } from 'vitest';
import { streamRng } from '../rng/streams.js';
import { expInPlace, fastExp } from './fast-exp.js';

/** one unit in the last place of x (its binade's spacing) */
const ulp = (x: number) => 2 ** (Math.floor(Math.log2(Math.abs(x))) - 52);

describe('table exp (lognormal sampler)', () => {
  it('is within 2 ulp of Math.exp over its table range, in bulk and scalar', () => {
    const rng = streamRng(3, 1, 0);
    const n = 200_000;
    const xs = new Float64Array(n);
    // half over the lognormal range of practical models, half over the whole table range
    for (let i = 0; i < n; i++) xs[i] = (rng.nextFloat() - 0.5) * (i % 2 ? 1399.98 : 60);
    const bulk = Float64Array.from(xs);
    expInPlace(bulk, 0, n);
    let worst = 0;
    let scalarDiffers = 0;
    for (let i = 0; i < n; i++) {
      const want = Math.exp(xs[i]!);
      if (fastExp(xs[i]!) !== bulk[i]) scalarDiffers++;
      worst = Math.max(worst, Math.abs(bulk[i]! - want) / ulp(want));
    }
    expect(scalarDiffers).toBe(0);
    expect(worst).toBeLessThanOrEqual(2);
  });

  it('is exact at 0 and hands the edges to Math.exp', () => {
    expect(fastExp(0)).toBe(1);
    for (const x of [Number.NaN, Infinity, -Infinity, 700, 709.7, -700, -745, 1e6])
      expect(fastExp(x)).toBe(Math.exp(x));
    const out = Float64Array.from([Number.NaN, 710, -746, 1]);
    expInPlace(out, 1, 2);
    expect(Number.isNaN(out[0]!)).toBe(true); // outside [offset, offset + n): untouched
    expect(out[1]).toBe(Infinity);
    expect(out[2]).toBe(0);
    expect(out[3]).toBe(1);
  });
});
