// truncate(dist, lo, hi): the distribution conditioned on [lo, hi]. Rejection from the base sampler when most mass
// is kept (exact and fast), the inverse CDF on the rescaled probability otherwise (exact, costs a quantile per draw)

import type { Xoshiro128 } from '../rng/xoshiro128.js';
import { type Dist, fmt, type Support } from './dist.js';

/** below this kept mass, rejection would waste too many draws */
const REJECTION_MIN_MASS = 0.3;

export class Truncated implements Dist {
  readonly kind = 'truncated';
  readonly discrete = false;
  readonly pLo: number;
  readonly pHi: number;
  private scratch: Float64Array = new Float64Array(0);
  constructor(
    readonly base: Dist,
    readonly lo: number,
    readonly hi: number,
  ) {
    this.pLo = base.cdf(lo);
    this.pHi = base.cdf(hi);
  }
  /** probability mass the truncation keeps */
  get mass(): number {
    return this.pHi - this.pLo;
  }
  describe(): string {
    return `truncate(${this.base.describe()}, ${fmt(this.lo)}, ${fmt(this.hi)})`;
  }
  support(): Support {
    const b = this.base.support();
    const lo = Math.max(b.lo, this.lo);
    const hi = Math.min(b.hi, this.hi);
    return { lo, hi, loOpen: lo === b.lo ? b.loOpen : false, hiOpen: hi === b.hi ? b.hiOpen : false };
  }
  /** numeric moments by quadrature on the quantile function (midpoint rule in probability, 20k nodes) */
  mean(): number {
    return this.moment(1);
  }
  variance(): number {
    const m = this.moment(1);
    return this.moment(2) - m * m;
  }
  private moment(k: number): number {
    const n = 20000;
    let s = 0;
    for (let i = 0; i < n; i++) s += this.quantile((i + 0.5) / n) ** k;
    return s / n;
  }
  cdf(x: number): number {
    if (x < this.lo) return 0;
    if (x >= this.hi) return 1;
    return (this.base.cdf(x) - this.pLo) / this.mass;
  }
  quantile(p: number): number {
    const x = this.base.quantile(this.pLo + p * this.mass);
    return Math.min(this.hi, Math.max(this.lo, x));
  }
  sample(rng: Xoshiro128, out: Float64Array, offset: number, n: number): void {
    if (this.mass < REJECTION_MIN_MASS) {
      for (let i = offset; i < offset + n; i++) out[i] = this.quantile(rng.nextFloat());
      return;
    }
    if (this.scratch.length < n) this.scratch = new Float64Array(n);
    const buf = this.scratch;
    let filled = 0;
    while (filled < n) {
      const want = n - filled;
      this.base.sample(rng, buf, 0, want);
      for (let i = 0; i < want; i++) {
        const x = buf[i]!;
        if (x >= this.lo && x <= this.hi) out[offset + filled++] = x;
      }
    }
  }
}
