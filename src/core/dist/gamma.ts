// gamma(shape, scale) and the Marsaglia-Tsang (2000) gamma sampler that beta and PERT build on

import type { Xoshiro128 } from '../rng/xoshiro128.js';
import { type Dist, fmt, type Support } from './dist.js';
import { logGamma } from './special.js';
import { ZIG_K, ZIG_W, zigFix } from './ziggurat.js';

/** precomputed constants for one shape, so the hot loop does no setup */
export interface GammaConst {
  d: number;
  c: number;
  /** 1/shape when shape < 1 (boost by U^(1/shape)), else 0 */
  boost: number;
}

export function gammaConst(shape: number): GammaConst {
  const a = shape < 1 ? shape + 1 : shape;
  const d = a - 1 / 3;
  return { d, c: 1 / Math.sqrt(9 * d), boost: shape < 1 ? 1 / shape : 0 };
}

/** one standard gamma draw (scale 1): squeeze accepts ~98% without a log */
export function gammaDraw(rng: Xoshiro128, d: number, c: number, boost: number): number {
  for (;;) {
    const u0 = rng.nextI32();
    const iz = u0 & 127;
    const j = u0 >> 7;
    const x = Math.abs(j) < ZIG_K[iz]! ? j * ZIG_W[iz]! : zigFix(rng, j, iz);
    let v = 1 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    const u = rng.nextFloat();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
      return boost === 0 ? d * v : d * v * rng.nextFloat() ** boost;
    }
  }
}

export class Gamma implements Dist {
  readonly kind = 'gamma';
  readonly discrete = false;
  private readonly k: GammaConst;
  constructor(
    readonly shape: number,
    readonly scale: number,
  ) {
    this.k = gammaConst(shape);
  }
  describe(): string {
    return `gamma(${fmt(this.shape)}, ${fmt(this.scale)})`;
  }
  support(): Support {
    return { lo: 0, hi: Infinity, loOpen: this.shape >= 1, hiOpen: true };
  }
  mean(): number {
    return this.shape * this.scale;
  }
  variance(): number {
    return this.shape * this.scale * this.scale;
  }
  cdf(x: number): number {
    return x <= 0 ? 0 : lowerRegularizedGamma(this.shape, x / this.scale);
  }
  quantile(p: number): number {
    // bisection on the cdf: only used by the copula and truncation
    if (p <= 0) return 0;
    if (p >= 1) return Infinity;
    let lo = 0;
    let hi = this.mean() + 10 * Math.sqrt(this.variance()) + 1;
    while (this.cdf(hi) < p) hi *= 2;
    for (let i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
      const mid = 0.5 * (lo + hi);
      if (this.cdf(mid) < p) lo = mid;
      else hi = mid;
    }
    return 0.5 * (lo + hi);
  }
  sample(rng: Xoshiro128, out: Float64Array, offset: number, n: number): void {
    const { d, c, boost } = this.k;
    const s = this.scale;
    for (let i = offset; i < offset + n; i++) out[i] = s * gammaDraw(rng, d, c, boost);
  }
}

/** P(a, x): series below a+1, continued fraction above (Numerical Recipes 6.2) */
export function lowerRegularizedGamma(a: number, x: number): number {
  if (x <= 0) return 0;
  const lga = logGamma(a);
  if (x < a + 1) {
    let ap = a;
    let sum = 1 / a;
    let del = sum;
    for (let n = 0; n < 1000; n++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * 1e-16) break;
    }
    return sum * Math.exp(-x + a * Math.log(x) - lga);
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return 1 - Math.exp(-x + a * Math.log(x) - lga) * h;
}
