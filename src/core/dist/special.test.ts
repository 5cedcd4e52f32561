// biome-ignore-all lint/correctness/noPrecisionLoss: reference values are kept digit for digit, as tabulated
import { describe, expect, it } from 'vitest';
import { betaCdf, betaQuantile, erf, erfc, logGamma, normalCdf, normalQuantile } from './special.js';

// reference values: Abramowitz & Stegun tables / high-precision evaluations (scipy.special)
describe('special functions', () => {
  it('erf and erfc to ~1e-14 relative', () => {
    const cases: [number, number, number][] = [
      [0.1, 0.1124629160182849, 0.8875370839817151],
      [0.6, 0.6038560908479259, 0.3961439091520741],
      [1, 0.8427007929497149, 0.1572992070502851],
      [2, 0.9953222650189527, 0.004677734981047266],
      [3.9, 0.9999999652077514, 3.479224859723177e-8],
      [5, 0.9999999999984626, 1.537459794428035e-12],
    ];
    for (const [x, e, c] of cases) {
      expect(Math.abs(erf(x) - e) / e).toBeLessThan(1e-14);
      expect(Math.abs(erfc(x) - c) / c).toBeLessThan(1e-13);
      expect(erf(-x)).toBe(-erf(x));
    }
    expect(Math.abs(erfc(10) - 2.088487583762545e-45) / 2.088487583762545e-45).toBeLessThan(1e-13);
  });

  it('normal cdf and quantile invert each other, including far tails', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
    expect(Math.abs(normalCdf(-8) - 6.22096057427178e-16) / 6.22096057427178e-16).toBeLessThan(1e-12);
    for (const p of [1e-12, 1e-6, 0.01, 0.3, 0.5, 0.77, 0.999]) {
      expect(Math.abs(normalCdf(normalQuantile(p)) - p) / p).toBeLessThan(1e-12);
    }
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
  });

  it('logGamma', () => {
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 13);
  });

  it('incomplete beta and its inverse', () => {
    // I_0.3(2, 8) = 1 - sum_{k<2} C(9,k) 0.3^k 0.7^(9-k)
    const exact = 1 - 0.7 ** 9 - 9 * 0.3 * 0.7 ** 8;
    expect(betaCdf(0.3, 2, 8)).toBeCloseTo(exact, 14);
    for (const [a, b] of [
      [2, 8],
      [0.5, 0.5],
      [5, 1.5],
      [30, 40],
    ] as const) {
      for (const p of [0.001, 0.05, 0.5, 0.95, 0.999])
        expect(betaCdf(betaQuantile(p, a, b), a, b)).toBeCloseTo(p, 11);
    }
  });
});
