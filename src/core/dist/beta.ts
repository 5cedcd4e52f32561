// beta(alpha, beta) on [0, 1]. Shapes >= 1 are sampled by a tabulated inverse CDF (beta-table.ts, u-error below
// 2^-33, exact inversion in the outer tails; ~5x faster). Shapes below 1, or too extreme to tabulate, use
// X / (X + Y) with X, Y Marsaglia-Tsang gammas. Cheng's algorithm BB (one log + one exp per try) measured 1.7x
// slower than the gamma ratio here: Math.log/exp dominate on this machine

import type { Xoshiro128 } from '../rng/xoshiro128.js';
import { betaTable } from './beta-table.js';
import { type Dist, fmt, type Support } from './dist.js';
import { gammaConst, gammaDraw } from './gamma.js';
import type { InverseTable } from './inverse-table.js';
import { betaCdf, betaQuantile } from './special.js';

export class Beta implements Dist {
  readonly kind = 'beta';
  readonly discrete = false;
  private readonly ka;
  private readonly kb;
  private table: InverseTable | null | undefined;
  constructor(
    readonly alpha: number,
    readonly beta: number,
  ) {
    this.ka = gammaConst(alpha);
    this.kb = gammaConst(beta);
  }
  describe(): string {
    return `beta(${fmt(this.alpha)}, ${fmt(this.beta)})`;
  }
  support(): Support {
    // gamma draws can underflow to 0 for small shapes, so the ends are attainable in floating point
    return { lo: 0, hi: 1, loOpen: false, hiOpen: false };
  }
  mean(): number {
    return this.alpha / (this.alpha + this.beta);
  }
  variance(): number {
    const s = this.alpha + this.beta;
    return (this.alpha * this.beta) / (s * s * (s + 1));
  }
  cdf(x: number): number {
    return betaCdf(x, this.alpha, this.beta);
  }
  quantile(p: number): number {
    return betaQuantile(p, this.alpha, this.beta);
  }
  /** the sampler's own inverse CDF (the table when tabulated): what the copula uses */
  inverse(p: number): number {
    const t = this.tabulated();
    return t ? t.quantile(p) : betaQuantile(p, this.alpha, this.beta);
  }
  /** the inverse-CDF table (built on first use, shared per shape), or undefined for the gamma-ratio sampler */
  tabulated(): InverseTable | undefined {
    if (this.table === undefined) this.table = betaTable(this.alpha, this.beta) ?? null;
    return this.table ?? undefined;
  }
  sample(rng: Xoshiro128, out: Float64Array, offset: number, n: number): void {
    this.fillScaled(rng, out, offset, n, 0, 1);
  }
  /** draws lo + width * X for X ~ beta(alpha, beta): the PERT and other scaled betas share this sampler */
  fillScaled(rng: Xoshiro128, out: Float64Array, offset: number, n: number, lo: number, width: number): void {
    const t = this.tabulated();
    if (t) {
      t.fill(rng, out, offset, n, lo, width);
      return;
    }
    const { ka, kb } = this;
    fillBeta(rng, out, offset, n, ka.d, ka.c, ka.boost, kb.d, kb.c, kb.boost, lo, width);
  }
}

/** fills out with lo + (hi - lo) * Beta draws; shared by beta and PERT */
export function fillBeta(
  rng: Xoshiro128,
  out: Float64Array,
  offset: number,
  n: number,
  da: number,
  ca: number,
  ba: number,
  db: number,
  cb: number,
  bb: number,
  lo: number,
  width: number,
): void {
  const end = offset + n;
  for (let i = offset; i < end; i++) {
    const x = gammaDraw(rng, da, ca, ba);
    const y = gammaDraw(rng, db, cb, bb);
    out[i] = lo + width * (x / (x + y));
  }
}
