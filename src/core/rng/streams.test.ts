import { describe, expect, it } from 'vitest';
import { hashString, mix32 } from './splitmix32.js';
import { streamIdOf, streamRng } from './streams.js';
import { Xoshiro128 } from './xoshiro128.js';

describe('xoshiro128**', () => {
  it('matches the reference output for state (1, 2, 3, 4)', () => {
    // reference values from the C implementation (prng.di.unimi.it/xoshiro128starstar.c) seeded s = {1, 2, 3, 4}
    const g = Xoshiro128.fromState(1, 2, 3, 4);
    const out = Array.from({ length: 6 }, () => g.nextU32());
    expect(out).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  it('gives uniforms strictly inside (0, 1) that pass a chi-square test on 100 bins', () => {
    const g = new Xoshiro128(12345);
    const bins = new Array<number>(100).fill(0);
    const n = 200_000;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = g.nextFloat();
      if (!(u > 0 && u < 1)) outside++;
      bins[Math.floor(u * 100)]!++;
    }
    expect(outside).toBe(0);
    const e = n / 100;
    const chi2 = bins.reduce((s, b) => s + (b - e) ** 2 / e, 0);
    // 99 degrees of freedom: the 99.9th percentile is 148.2
    expect(chi2).toBeLessThan(148.2);
  });
});

describe('streams', () => {
  it('are reproducible for the same (seed, stream, chunk)', () => {
    const a = streamRng(42, 7, 3);
    const b = streamRng(42, 7, 3);
    for (let i = 0; i < 100; i++) expect(a.nextI32()).toBe(b.nextI32());
  });

  it('differ when any key part changes, including seeds above 2^32', () => {
    const first = (s: number, st: number, c: number) => streamRng(s, st, c).nextU32();
    const base = first(42, 7, 3);
    const variants = [first(43, 7, 3), first(42, 8, 3), first(42, 7, 4), first(42 + 2 ** 32, 7, 3)];
    for (const v of variants) expect(v).not.toBe(base);
    expect(new Set(variants).size).toBe(variants.length);
  });

  it('neighbouring chunks are uncorrelated (sample correlation of first 10k uniforms)', () => {
    const a = streamRng(1, streamIdOf('x'), 0);
    const b = streamRng(1, streamIdOf('x'), 1);
    const n = 10_000;
    let sa = 0;
    let sb = 0;
    let sab = 0;
    let saa = 0;
    let sbb = 0;
    for (let i = 0; i < n; i++) {
      const x = a.nextFloat();
      const y = b.nextFloat();
      sa += x;
      sb += y;
      sab += x * y;
      saa += x * x;
      sbb += y * y;
    }
    const r =
      (sab / n - (sa / n) * (sb / n)) / Math.sqrt((saa / n - (sa / n) ** 2) * (sbb / n - (sb / n) ** 2));
    // sd of r under independence is 1/sqrt(n) = 0.01; 5 sd
    expect(Math.abs(r)).toBeLessThan(0.05);
  });

  it('stream ids are FNV-1a of the name', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
    expect(streamIdOf('budget')).toBe(hashString('budget'));
    expect(mix32(0)).toBe(0);
    expect(mix32(1)).not.toBe(1);
  });
});
