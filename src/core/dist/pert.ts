// pert(min, mode, max): the beta-PERT, a scaled beta with alpha = 1 + 4 (m - a)/(b - a), beta = 1 + 4 (b - m)/(b - a)

import type { Xoshiro128 } from '../rng/xoshiro128.js';
import { fillBeta } from './beta.js';
import { betaTable } from './beta-table.js';
import { closedSupport, type Dist, fmt, type Support } from './dist.js';
import { gammaConst } from './gamma.js';
import type { InverseTable } from './inverse-table.js';
import { betaCdf, betaQuantile } from './special.js';

export class Pert implements Dist {
  readonly kind = 'pert';
  readonly discrete = false;
  readonly alpha: number;
  readonly beta: number;
  private table: InverseTable | null | undefined;
  constructor(
    readonly a: number,
    readonly m: number,
    readonly b: number,
  ) {
    this.alpha = 1 + (4 * (m - a)) / (b - a);
    this.beta = 1 + (4 * (b - m)) / (b - a);
  }
  describe(): string {
    return `pert(${fmt(this.a)}, ${fmt(this.m)}, ${fmt(this.b)})`;
  }
  support(): Support {
    return closedSupport(this.a, this.b);
  }
  mean(): number {
    return (this.a + 4 * this.m + this.b) / 6;
  }
  variance(): number {
    const s = this.alpha + this.beta;
    const w = this.b - this.a;
    return (w * w * this.alpha * this.beta) / (s * s * (s + 1));
  }
  cdf(x: number): number {
    return betaCdf((x - this.a) / (this.b - this.a), this.alpha, this.beta);
  }
  quantile(p: number): number {
    return this.a + (this.b - this.a) * betaQuantile(p, this.alpha, this.beta);
  }
  /** the sampler's own inverse CDF (the beta table when tabulated): what the copula uses */
  inverse(p: number): number {
    const t = this.tabulated();
    return t ? this.a + (this.b - this.a) * t.quantile(p) : this.quantile(p);
  }
  /** alpha and beta lie in [1, 5], so the table always applies in practice (the gamma ratio remains as a fallback) */
  tabulated(): InverseTable | undefined {
    if (this.table === undefined) this.table = betaTable(this.alpha, this.beta) ?? null;
    return this.table ?? undefined;
  }
  sample(rng: Xoshiro128, out: Float64Array, offset: number, n: number): void {
    const t = this.tabulated();
    if (t) {
      t.fill(rng, out, offset, n, this.a, this.b - this.a);
      return;
    }
    const ka = gammaConst(this.alpha);
    const kb = gammaConst(this.beta);
    fillBeta(rng, out, offset, n, ka.d, ka.c, ka.boost, kb.d, kb.c, kb.boost, this.a, this.b - this.a);
  }
}
