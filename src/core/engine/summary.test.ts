import { describe, expect, it } from 'vitest';
import { Lognormal } from '../dist/lognormal.js';
import { streamRng } from '../rng/streams.js';
import { radixSortFloat64 } from './radix-sort.js';
import { mergeSketches, sketchQuantile, sketchSorted } from './sketch.js';
import { SummaryAccumulator, summarizeChunk } from './summary.js';

/** fraction of sorted data <= q */
function rankOf(sorted: Float64Array, q: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (sorted[m]! <= q) lo = m + 1;
    else hi = m;
  }
  return lo / sorted.length;
}

/** type-7 quantile of sorted data */
function exactQuantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < sorted.length ? sorted[lo]! + (h - lo) * (sorted[lo + 1]! - sorted[lo]!) : sorted[lo]!;
}

function lognormalDraws(n: number, seed: number): Float64Array {
  const x = new Float64Array(n);
  new Lognormal(0, 1).sample(streamRng(seed, 1, 0), x, 0, n);
  return x;
}

describe('radix sort', () => {
  it('sorts like the built-in sort, with negatives, zeros, infinities and duplicates', () => {
    const rng = streamRng(3, 3, 3);
    for (const n of [0, 1, 2, 3, 17, 1000, 70_000]) {
      // narrow: many values share their high 32 bits, so the low-word finishing step does real work
      const a = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const u = rng.nextFloat();
        a[i] =
          i % 11 === 0
            ? 0
            : i % 13 === 0
              ? a[i >> 1]!
              : i % 3 === 0
                ? 1 + u * 1e-9
                : (u - 0.5) * 10 ** Math.floor(u * 40 - 20);
      }
      if (n > 3) {
        a[0] = Number.POSITIVE_INFINITY;
        a[1] = Number.NEGATIVE_INFINITY;
        a[2] = -0;
      }
      const expected = a.slice().sort();
      radixSortFloat64(a, new Float64Array(n));
      expect(Array.from(a)).toEqual(Array.from(expected));
    }
  });
});

describe('radix sort, narrow ranges', () => {
  it('sorts data whose values all share the high word (one long run)', () => {
    const rng = streamRng(4, 4, 4);
    const a = Float64Array.from({ length: 5000 }, () => 1 + rng.nextFloat() * 1e-10);
    const expected = a.slice().sort();
    radixSortFloat64(a, new Float64Array(a.length));
    expect(Array.from(a)).toEqual(Array.from(expected));
  });
});

describe('quantile sketch', () => {
  it('a single chunk reproduces exact quantiles to within 2 data points in rank (grid interpolation)', () => {
    const x = lognormalDraws(10_000, 1);
    const sorted = x.slice().sort();
    const s = summarizeChunk(x);
    for (const p of [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99]) {
      expect(Math.abs(rankOf(sorted, sketchQuantile(s.sketch, p)) - p)).toBeLessThanOrEqual(2e-4);
    }
    expect(sketchQuantile(s.sketch, 0.5)).toBeCloseTo(exactQuantile(sorted, 0.5), 2);
    expect(s.min).toBe(sorted[0]);
    expect(s.max).toBe(sorted[sorted.length - 1]);
  });

  it('merged chunks match the exact quantiles of all data within a small fraction of their Monte Carlo error', () => {
    // 40 chunks of 5,000: the sketch error must be far below the sampling error of a quantile at n = 200k
    const all = new Float64Array(200_000);
    const acc = new SummaryAccumulator();
    for (let c = 0; c < 40; c++) {
      const x = lognormalDraws(5000, 100 + c);
      all.set(x, c * 5000);
      acc.add(summarizeChunk(x));
    }
    const sorted = all.slice().sort();
    const s = acc.finish();
    for (const [k, p] of [
      ['p1', 0.01],
      ['p5', 0.05],
      ['p25', 0.25],
      ['p50', 0.5],
      ['p75', 0.75],
      ['p95', 0.95],
      ['p99', 0.99],
    ] as const) {
      // rank error below 2.5e-4, i.e. below the quantile's own Monte Carlo sd sqrt(p(1-p)/n) (2.2e-4 at p1 and
      // 1.1e-3 at p50 for n = 200k); measured ~1.3e-4 here and ~1.3e-5 for 150 chunks of 65,536
      expect(Math.abs(rankOf(sorted, s.quantiles[k]) - p)).toBeLessThan(2.5e-4);
    }
    // moments are exact up to rounding
    const mean = all.reduce((a, v) => a + v, 0) / all.length;
    const sd = Math.sqrt(all.reduce((a, v) => a + (v - mean) ** 2, 0) / (all.length - 1));
    expect(s.mean).toBeCloseTo(mean, 10);
    expect(s.sd).toBeCloseTo(sd, 10);
    expect(s.count).toBe(200_000);
    // histogram fractions and the cdf are consistent
    const total = s.histogram.fractions.reduce((a, f) => a + f, 0) + s.histogram.below + s.histogram.above;
    expect(total).toBeCloseTo(1, 9);
    expect(s.cdf.p[0]).toBeGreaterThanOrEqual(0);
    expect(s.cdf.p[100]).toBe(1);
  });

  it('merging is exact for point masses and ties (discrete data)', () => {
    const a = sketchSorted(Float64Array.from([0, 0, 0, 1]));
    const b = sketchSorted(Float64Array.from([0, 1, 1, 1]));
    const m = mergeSketches(a, b);
    expect(m.count).toBe(8);
    expect(sketchQuantile(m, 0)).toBe(0);
    expect(sketchQuantile(m, 1)).toBe(1);
    expect(sketchQuantile(m, 0.25)).toBe(0);
  });

  it('counts NaN separately', () => {
    const s = summarizeChunk(Float64Array.from([1, Number.NaN, 3, Number.NaN]));
    expect(s.count).toBe(2);
    expect(s.nan).toBe(2);
    expect(s.mean).toBe(2);
  });

  it('merge order is fixed, so the result is reproducible bit for bit', () => {
    const run = () => {
      const acc = new SummaryAccumulator();
      for (let c = 0; c < 13; c++) acc.add(summarizeChunk(lognormalDraws(3000, c)));
      return acc.finish();
    };
    expect(run()).toEqual(run());
  });
});
