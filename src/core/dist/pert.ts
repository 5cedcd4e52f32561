// pert(min, mode, max): the beta-PERT, a scaled beta with alpha = 1 + 4 (m - a)/(b - a), beta = 1 + 4 (b - m)/(b - a)

import type { Xoshiro128 } from '../rng/xoshiro128.js';
import { Beta } from './beta.js';
import { closedSupport, type Dist, fmt, type Support } from './dist.js';
import type { InverseTable } from './inverse-table.js';

export class Pert implements Dist {
  readonly kind = 'pert';
  readonly discrete = false;
  readonly alpha: number;
  readonly beta: number;
  /** the unit beta this PERT scales to [a, b] */
  private readonly unit: Beta;
  constructor(
    readonly a: number,
    readonly m: number,
    readonly b: number,
  ) {
    this.alpha = 1 + (4 * (m - a)) / (b - a);
    this.beta = 1 + (4 * (b - m)) / (b - a);
    this.unit = new Beta(this.alpha, this.beta);
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
    return this.unit.cdf((x - this.a) / (this.b - this.a));
  }
  quantile(p: number): number {
    return this.a + (this.b - this.a) * this.unit.quantile(p);
  }
  /** the sampler's own inverse CDF (the beta table when tabulated): what the copula uses */
  inverse(p: number): number {
    return this.a + (this.b - this.a) * this.unit.inverse(p);
  }
  /** alpha and beta lie in [1, 5], so the table always applies in practice (the gamma ratio remains as a fallback) */
  tabulated(): InverseTable | undefined {
    return this.unit.tabulated();
  }
  sample(rng: Xoshiro128, out: Float64Array, offset: number, n: number): void {
    this.unit.fillScaled(rng, out, offset, n, this.a, this.b - this.a);
  }
}
