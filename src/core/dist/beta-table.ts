// the tabulated inverse CDF of beta(a, b), built once per shape and kept for the process (a sensitivity run or a
// catalog comparison samples the same shapes many times). Shapes below 1 have an unbounded density at an end,
// where an interpolant in u cannot bound the u-error; they keep the exact gamma-ratio sampler.

import { buildInverseTable, type InverseTable, type SmoothTarget } from './inverse-table.js';
import { betaCdf, betaQuantile, logGamma } from './special.js';

/** tables kept per process; the oldest is dropped beyond this (a table is ~15-25 KB) */
const MAX_TABLES = 64;
const tables = new Map<string, InverseTable | null>();

export function betaTarget(a: number, b: number): SmoothTarget {
  const lnorm = logGamma(a + b) - logGamma(a) - logGamma(b);
  return {
    cdf: (x) => betaCdf(x, a, b),
    pdf: (x) => Math.exp(lnorm + (a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x)),
    dLogPdf: (x) => (a - 1) / x - (b - 1) / (1 - x),
    quantile: (p) => betaQuantile(p, a, b),
    // Q(1 - q; a, b) = 1 - Q(q; b, a): keeps the upper tail's resolution
    upperQuantile: (q) => 1 - betaQuantile(q, b, a),
  };
}

/** the table for beta(a, b), or undefined when the shape is not tabulated (a or b < 1, or too extreme) */
export function betaTable(a: number, b: number): InverseTable | undefined {
  if (!(a >= 1 && b >= 1 && Number.isFinite(a) && Number.isFinite(b))) return undefined;
  const key = `${a},${b}`;
  let t = tables.get(key);
  if (t === undefined) {
    t = buildInverseTable(betaTarget(a, b)) ?? null;
    if (tables.size >= MAX_TABLES) tables.delete(tables.keys().next().value!);
    tables.set(key, t);
  }
  return t ?? undefined;
}
