// triangular(min, mode, max), sampled by its closed-form inverse CDF

import type { Xoshiro128 } from '../rng/xoshiro128.js';
import { closedSupport, type Dist, fmt, type Support } from './dist.js';

export class Triangular implements Dist {
  readonly kind = 'triangular';
  readonly discrete = false;
  constructor(
    readonly a: number,
    readonly c: number,
    readonly b: number,
  ) {}
  describe(): string {
    return `triangular(${fmt(this.a)}, ${fmt(this.c)}, ${fmt(this.b)})`;
  }
  support(): Support {
    return closedSupport(this.a, this.b);
  }
  mean(): number {
    return (this.a + this.b + this.c) / 3;
  }
  variance(): number {
    const { a, b, c } = this;
    return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
  }
  cdf(x: number): number {
    const { a, b, c } = this;
    if (x <= a) return 0;
    if (x >= b) return 1;
    if (x <= c) return ((x - a) * (x - a)) / ((b - a) * (c - a));
    return 1 - ((b - x) * (b - x)) / ((b - a) * (b - c));
  }
  quantile(p: number): number {
    const { a, b, c } = this;
    const fc = (c - a) / (b - a);
    return p < fc ? a + Math.sqrt(p * (b - a) * (c - a)) : b - Math.sqrt((1 - p) * (b - a) * (b - c));
  }
  sample(rng: Xoshiro128, out: Float64Array, offset: number, n: number): void {
    const { a, b, c } = this;
    const fc = (c - a) / (b - a);
    const kl = (b - a) * (c - a);
    const kr = (b - a) * (b - c);
    for (let i = offset; i < offset + n; i++) {
      const p = rng.nextFloat();
      out[i] = p < fc ? a + Math.sqrt(p * kl) : b - Math.sqrt((1 - p) * kr);
    }
  }
}
