// a point mass: plain numbers in the spec language

import type { Xoshiro128 } from '../rng/xoshiro128.js';
import { type Dist, fmt, type Support } from './dist.js';

export class Constant implements Dist {
  readonly kind = 'constant';
  readonly discrete = true;
  constructor(readonly value: number) {}
  describe(): string {
    return fmt(this.value);
  }
  support(): Support {
    return { lo: this.value, hi: this.value, loOpen: false, hiOpen: false };
  }
  mean(): number {
    return this.value;
  }
  variance(): number {
    return 0;
  }
  cdf(x: number): number {
    return x < this.value ? 0 : 1;
  }
  quantile(_p: number): number {
    return this.value;
  }
  sample(_rng: Xoshiro128, out: Float64Array, offset: number, n: number): void {
    out.fill(this.value, offset, offset + n);
  }
}
