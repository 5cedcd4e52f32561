// bernoulli(p): 1 with probability p, else 0

import type { Xoshiro128 } from '../rng/xoshiro128.js';
import { type Dist, fmt, type Support } from './dist.js';

export class Bernoulli implements Dist {
  readonly kind = 'bernoulli';
  readonly discrete = true;
  constructor(readonly p: number) {}
  describe(): string {
    return `bernoulli(${fmt(this.p)})`;
  }
  support(): Support {
    return { lo: this.p === 1 ? 1 : 0, hi: this.p === 0 ? 0 : 1, loOpen: false, hiOpen: false };
  }
  mean(): number {
    return this.p;
  }
  variance(): number {
    return this.p * (1 - this.p);
  }
  cdf(x: number): number {
    return x < 0 ? 0 : x < 1 ? 1 - this.p : 1;
  }
  quantile(u: number): number {
    return u > 1 - this.p ? 1 : 0;
  }
  sample(rng: Xoshiro128, out: Float64Array, offset: number, n: number): void {
    const p = this.p;
    for (let i = offset; i < offset + n; i++) out[i] = rng.nextFloat() < p ? 1 : 0;
  }
}
