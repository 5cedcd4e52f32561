// lognormal(mu, sigma): exp of normal(mu, sigma); mu and sigma are on the log scale (as in Squiggle)

import type { Xoshiro128 } from '../rng/xoshiro128.js';
import type { Dist, Support } from './dist.js';
import { fmt } from './dist.js';
import { expInPlace } from './fast-exp.js';
import { normalCdf, normalQuantile } from './special.js';
import { fillNormal } from './ziggurat.js';

export class Lognormal implements Dist {
  readonly kind = 'lognormal';
  readonly discrete = false;
  constructor(
    readonly mu: number,
    readonly sigma: number,
  ) {}
  describe(): string {
    return `lognormal(${fmt(this.mu)}, ${fmt(this.sigma)})`;
  }
  support(): Support {
    if (this.sigma === 0) {
      const v = Math.exp(this.mu);
      return { lo: v, hi: v, loOpen: false, hiOpen: false };
    }
    return { lo: 0, hi: Infinity, loOpen: true, hiOpen: true };
  }
  mean(): number {
    return Math.exp(this.mu + (this.sigma * this.sigma) / 2);
  }
  variance(): number {
    const s2 = this.sigma * this.sigma;
    return Math.expm1(s2) * Math.exp(2 * this.mu + s2);
  }
  cdf(x: number): number {
    if (x <= 0) return 0;
    if (this.sigma === 0) return x < Math.exp(this.mu) ? 0 : 1;
    return normalCdf((Math.log(x) - this.mu) / this.sigma);
  }
  quantile(p: number): number {
    return Math.exp(this.mu + this.sigma * normalQuantile(p));
  }
  sample(rng: Xoshiro128, out: Float64Array, offset: number, n: number): void {
    // two simple loops (ziggurat, then exp in place) measured faster than one fused loop; the table exp
    // (fast-exp.ts, within 2 ulp of Math.exp) costs ~3.5 ns against ~13 for Math.exp
    fillNormal(rng, out, offset, n, this.mu, this.sigma);
    expInPlace(out, offset, n);
  }
}
