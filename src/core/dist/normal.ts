// normal(mean, sd)

import type { Xoshiro128 } from '../rng/xoshiro128.js';
import { closedSupport, type Dist, fmt, type Support } from './dist.js';
import { normalCdf, normalQuantile } from './special.js';
import { fillNormal } from './ziggurat.js';

export class Normal implements Dist {
  readonly kind = 'normal';
  readonly discrete = false;
  constructor(
    readonly mu: number,
    readonly sigma: number,
  ) {}
  describe(): string {
    return `normal(${fmt(this.mu)}, ${fmt(this.sigma)})`;
  }
  support(): Support {
    return this.sigma === 0 ? closedSupport(this.mu, this.mu) : closedSupport(-Infinity, Infinity);
  }
  mean(): number {
    return this.mu;
  }
  variance(): number {
    return this.sigma * this.sigma;
  }
  cdf(x: number): number {
    if (this.sigma === 0) return x < this.mu ? 0 : 1;
    return normalCdf((x - this.mu) / this.sigma);
  }
  quantile(p: number): number {
    return this.mu + this.sigma * normalQuantile(p);
  }
  sample(rng: Xoshiro128, out: Float64Array, offset: number, n: number): void {
    fillNormal(rng, out, offset, n, this.mu, this.sigma);
  }
}
