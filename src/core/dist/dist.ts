// the distribution contract: closed-form moments for tests, cdf/quantile for the copula and truncation,
// and a bulk sampler that fills a slice of a Float64Array (no per-sample allocation)

import type { Xoshiro128 } from '../rng/xoshiro128.js';

export type DistKind =
  | 'normal'
  | 'lognormal'
  | 'beta'
  | 'gamma'
  | 'triangular'
  | 'pert'
  | 'uniform'
  | 'discrete'
  | 'bernoulli'
  | 'truncated'
  | 'constant';

/** the closed hull of the values a distribution can produce, with whether each end can actually occur */
export interface Support {
  lo: number;
  hi: number;
  /** true when lo itself is never produced (e.g. lognormal at 0) */
  loOpen: boolean;
  hiOpen: boolean;
}

export interface Dist {
  readonly kind: DistKind;
  /** canonical spec text, e.g. `normal(0, 1)` */
  describe(): string;
  support(): Support;
  mean(): number;
  variance(): number;
  cdf(x: number): number;
  /** inverse CDF on (0, 1); used by the copula and by truncation */
  quantile(p: number): number;
  /**
   * the sampler's own inverse CDF when it has a faster one than quantile (beta and PERT: their table, u-error
   * below 2^-33); the copula uses it
   */
  inverse?(p: number): number;
  /** true for distributions with atoms (discrete, bernoulli, constant) */
  readonly discrete: boolean;
  /** fills out[offset, offset + n) with independent draws from rng */
  sample(rng: Xoshiro128, out: Float64Array, offset: number, n: number): void;
}

export function closedSupport(lo: number, hi: number): Support {
  return { lo, hi, loOpen: !Number.isFinite(lo), hiOpen: !Number.isFinite(hi) };
}

/** compact number formatting for describe(): integers stay integers, others keep up to 6 significant digits */
export function fmt(x: number): string {
  if (x === Number.POSITIVE_INFINITY) return 'inf';
  if (x === Number.NEGATIVE_INFINITY) return '-inf';
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6)));
}
