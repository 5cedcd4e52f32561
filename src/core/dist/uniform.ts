// uniform(min, max)

import type { Xoshiro128 } from '../rng/xoshiro128.js';
import { closedSupport, type Dist, fmt, type Support } from './dist.js';

export class Uniform implements Dist {
  readonly kind = 'uniform';
  readonly discrete = false;
  constructor(
    readonly a: number,
    readonly b: number,
  ) {}
  describe(): string {
    return `uniform(${fmt(this.a)}, ${fmt(this.b)})`;
  }
  support(): Support {
    return closedSupport(this.a, this.b);
  }
  mean(): number {
    return (this.a + this.b) / 2;
  }
  variance(): number {
    return (this.b - this.a) ** 2 / 12;
  }
  cdf(x: number): number {
    return x <= this.a ? 0 : x >= this.b ? 1 : (x - this.a) / (this.b - this.a);
  }
  quantile(p: number): number {
    return this.a + p * (this.b - this.a);
  }
  sample(rng: Xoshiro128, out: Float64Array, offset: number, n: number): void {
    const a = this.a;
    const w = this.b - this.a;
    for (let i = offset; i < offset + n; i++) out[i] = a + w * rng.nextFloat();
  }
}
