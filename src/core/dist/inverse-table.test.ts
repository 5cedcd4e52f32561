// the tabulated inverse CDF: its u-error against the exact incomplete beta, monotonicity, the exact tails, the
// shapes it refuses, and a Kolmogorov-Smirnov check of the sampler itself
import { describe, expect, it } from 'vitest';
import { streamRng } from '../rng/streams.js';
import type { Xoshiro128 } from '../rng/xoshiro128.js';
import { Beta } from './beta.js';
import { betaTable, betaTarget } from './beta-table.js';
import { buildInverseTable, TAIL_COUNT, U_ERROR_TARGET } from './inverse-table.js';
import { Pert } from './pert.js';
import { betaCdf, betaQuantile } from './special.js';

// shapes from the reference model, PERT's range ([1, 5]), the edges of the tabulated domain and some extremes
const SHAPES: [number, number][] = [
  [1, 1],
  [1, 3],
  [3, 1],
  [1.01, 5],
  [2, 2],
  [2, 7],
  [3, 6],
  [4, 5],
  [5, 4],
  [6, 3],
  [7, 2],
  [1.3, 4.7],
  [50, 50],
  [200, 2],
  [1, 5],
  [5, 1],
  [2.5, 1.2],
];

/** the u-error tolerance between the build's check points: the spacing of the 32-bit uniforms */
const U_TOLERANCE = 2 ** -32;

describe('tabulated beta inverse CDF', () => {
  it.each(SHAPES)('beta(%s, %s): u-error below 2^-32 at 20,000 random points and near both ends', (a, b) => {
    const t = betaTable(a, b);
    expect(t).toBeDefined();
    const tab = t!;
    const lo = tab.U[0]!;
    const hi = tab.U[tab.U.length - 1]!;
    const rng = streamRng(11, 3, 0);
    let worst = 0;
    const check = (u: number) => {
      const e = Math.abs(betaCdf(tab.at(u), a, b) - u);
      if (e > worst) worst = e;
    };
    for (let i = 0; i < 20_000; i++) check(lo + rng.nextFloat() * (hi - lo));
    // geometric points towards each end, where Q has its power behaviour
    for (let s = lo; s < 0.01; s *= 1.07) {
      check(s);
      check(1 - s - 2 ** -40);
    }
    expect(worst).toBeLessThan(U_TOLERANCE);
  });

  it('maps the 32-bit uniforms to nondecreasing values, across interval boundaries too', () => {
    // the sampler only ever sees u = (j + 0.5) 2^-32; at each breakpoint the two polynomials meet to rounding
    // (a few ulp), far below the change between neighbouring uniforms, so the draw -> value map is monotone
    const lattice = (j: number) => (j + 0.5) * 2 ** -32;
    for (const [a, b] of [
      [2, 7],
      [1, 1],
      [200, 2],
      [1.01, 5],
    ] as const) {
      const tab = betaTable(a, b)!;
      const target = betaTarget(a, b);
      const first = TAIL_COUNT;
      const last = 2 ** 32 - TAIL_COUNT - 1;
      let drops = 0;
      let prev = -1;
      for (let i = 0; i <= 100_000; i++) {
        const x = tab.at(lattice(first + Math.floor(((last - first) * i) / 100_000)));
        if (x < prev) drops++;
        prev = x;
      }
      for (let k = 1; k < tab.U.length - 1; k++) {
        const j = Math.floor(tab.U[k]! * 2 ** 32 - 0.5);
        let p = tab.at(lattice(j - 3));
        for (let i = j - 2; i <= j + 3; i++) {
          const x = tab.at(lattice(i));
          if (x < p) drops++;
          p = x;
        }
        // the polynomials meet: the gap at the breakpoint, in u (times the density), is under a quarter of the
        // uniforms' spacing
        const u = tab.U[k]!;
        const x = tab.at(u);
        expect(Math.abs(x - tab.at(u - 2 ** -53)) * target.pdf(x)).toBeLessThan(2 ** -34);
      }
      expect(drops).toBe(0);
    }
  });

  it('the build meets its target at its own check points and is deterministic', () => {
    const t1 = buildInverseTable(betaTarget(3, 6))!;
    const t2 = buildInverseTable(betaTarget(3, 6))!;
    expect(Array.from(t1.C)).toEqual(Array.from(t2.C));
    expect(Array.from(t1.U)).toEqual(Array.from(t2.U));
    for (let k = 0; k < t1.intervals; k++) {
      const u = 0.5 * (t1.U[k]! + t1.U[k + 1]!);
      expect(Math.abs(betaCdf(t1.at(u), 3, 6) - u)).toBeLessThanOrEqual(U_ERROR_TARGET);
    }
    // a few hundred intervals, not thousands: the table stays in L1/L2 cache
    expect(t1.intervals).toBeGreaterThan(20);
    expect(t1.intervals).toBeLessThan(1000);
  });

  it('samples the outer 2^-24 of each tail by exact inversion with extra uniform bits', () => {
    const tab = betaTable(2, 7)!;
    const out = new Float64Array(4);
    // a stub generator: the first draw picks the tail, the second refines the probability inside it
    const stub = (draws: number[]): Xoshiro128 => {
      let i = 0;
      return {
        nextI32: () => draws[i++]!,
        nextFloat: () => (draws[i++]! + 2147483648.5) * 2 ** -32,
      } as unknown as Xoshiro128;
    };
    const half = (0 + 2147483648.5) * 2 ** -32; // the stub's nextFloat for a refinement draw of 0
    // lowest 32-bit draw (0 unsigned): p = (0 + refinement) * 2^-32
    tab.fill(stub([-2147483648, 0]), out, 0, 1, 0, 1);
    expect(out[0]).toBe(betaQuantile(half * 2 ** -32, 2, 7));
    // the last draw of the lower tail
    tab.fill(stub([TAIL_COUNT - 1 - 2147483648, 0]), out, 1, 1, 0, 1);
    expect(out[1]).toBe(betaQuantile((TAIL_COUNT - 1 + half) * 2 ** -32, 2, 7));
    expect(out[1]!).toBeLessThan(tab.at(tab.U[0]!));
    expect(out[0]!).toBeLessThan(out[1]!);
    // highest draw: upper tail, through the mirrored quantile
    tab.fill(stub([2147483647, 0]), out, 2, 1, 0, 1);
    expect(out[2]).toBe(1 - betaQuantile(half * 2 ** -32, 7, 2));
    expect(out[2]!).toBeGreaterThan(tab.at(tab.U[tab.U.length - 1]! - 2 ** -40));
    // the first draw inside the table uses no refinement draw and matches at()
    tab.fill(stub([TAIL_COUNT - 2147483648, 12345]), out, 3, 1, 0, 1);
    expect(out[3]).toBe(tab.at((TAIL_COUNT + 0.5) * 2 ** -32));
  });

  it('refuses shapes below 1 (unbounded density) so they keep the exact gamma-ratio sampler', () => {
    expect(betaTable(0.5, 0.5)).toBeUndefined();
    expect(betaTable(0.2, 3)).toBeUndefined();
    expect(betaTable(3, 0.99)).toBeUndefined();
    expect(new Beta(0.5, 2).tabulated()).toBeUndefined();
    expect(new Beta(2, 7).tabulated()).toBeDefined();
    // PERT shapes lie in [1, 5]: always tabulated
    expect(new Pert(0, 0, 10).tabulated()).toBeDefined();
    expect(new Pert(0, 10, 10).tabulated()).toBeDefined();
  });

  it('beta(2, 7) sampler: Kolmogorov-Smirnov distance at 10^6 draws below the 99.9% critical value', () => {
    const n = 1_000_000;
    const x = new Float64Array(n);
    new Beta(2, 7).sample(streamRng(5, 9, 0), x, 0, n);
    x.sort();
    let d = 0;
    for (let i = 0; i < n; i++) {
      const f = betaCdf(x[i]!, 2, 7);
      d = Math.max(d, Math.abs(f - i / n), Math.abs(f - (i + 1) / n));
    }
    // Kolmogorov's 99.9% critical value is 1.95 / sqrt(n) = 0.00195; the table's own u-error (< 2^-32) is 10^6
    // times smaller, so a failure here would be a sampling bug, not interpolation
    expect(d).toBeLessThan(1.95 / Math.sqrt(n));
  });

  it('PERT through the table: KS distance and the copula inverse agree with the exact quantile', () => {
    const p = new Pert(10, 14, 30);
    const n = 400_000;
    const x = new Float64Array(n);
    p.sample(streamRng(6, 2, 0), x, 0, n);
    x.sort();
    let d = 0;
    for (let i = 0; i < n; i += 3) {
      const f = p.cdf(x[i]!);
      d = Math.max(d, Math.abs(f - i / n), Math.abs(f - (i + 1) / n));
    }
    expect(d).toBeLessThan(1.95 / Math.sqrt(n));
    for (const u of [1e-9, 0.001, 0.3, 0.5, 0.9, 0.999999]) {
      // inverse (table) vs quantile (exact Newton): equal up to the table's u-error times the slope
      expect(Math.abs(p.cdf(p.inverse(u)) - u)).toBeLessThan(U_TOLERANCE);
    }
  });
});
