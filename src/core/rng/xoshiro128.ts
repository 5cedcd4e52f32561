// xoshiro128** (Blackman and Vigna 2018): fast 32-bit generator with 2^128-1 period, good for doubles via 32 bits

import { splitmix32 } from './splitmix32.js';

const TWO_POW_M32 = 2 ** -32;

export class Xoshiro128 {
  s0: number;
  s1: number;
  s2: number;
  s3: number;

  /** seeds the four state words from a splitmix32 sequence (never all zero) */
  constructor(seed: number) {
    const next = splitmix32(seed);
    // state words are kept as signed int32 so V8 stores them unboxed
    this.s0 = next() | 0;
    this.s1 = next() | 0;
    this.s2 = next() | 0;
    this.s3 = next() | 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** a generator with the given 128-bit state (all-zero is replaced, as it is a fixed point) */
  static fromState(s0: number, s1: number, s2: number, s3: number): Xoshiro128 {
    const g = new Xoshiro128(0);
    g.s0 = s0 | 0;
    g.s1 = s1 | 0;
    g.s2 = s2 | 0;
    g.s3 = s3 | 0;
    if ((g.s0 | g.s1 | g.s2 | g.s3) === 0) g.s0 = 1;
    return g;
  }

  /**
   * next 32 random bits as a signed int32 (a small integer in V8, never boxed): rotl(s1 * 5, 7) * 9.
   * (A buffered variant that refills 256 outputs from locals measured slower: this method inlines at call sites.)
   */
  nextI32(): number {
    const s0 = this.s0;
    const s1 = this.s1;
    const s2 = this.s2 ^ s0;
    const s3 = this.s3 ^ s1;
    const r = Math.imul(s1, 5);
    const result = Math.imul((r << 7) | (r >>> 25), 9);
    this.s1 = s1 ^ s2;
    this.s0 = s0 ^ s3;
    this.s2 = s2 ^ (s1 << 9);
    this.s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  }

  /** next unsigned 32-bit integer */
  nextU32(): number {
    return this.nextI32() >>> 0;
  }

  /** uniform on the open interval (0, 1) with 32-bit resolution: never exactly 0 or 1, so log() and 1/u are safe */
  nextFloat(): number {
    return (this.nextI32() + 2147483648.5) * TWO_POW_M32;
  }
}
