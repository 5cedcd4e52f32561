// a fixed-size quantile sketch: the piecewise-linear quantile function sampled at K equally spaced probabilities.
// Chunks are summarised exactly (sorted data, type-7 quantiles), and sketches merge by inverting the exact
// count-weighted mixture of the two piecewise-linear CDFs, so memory stays O(K) per output at any sample count.

/** grid points per sketch: probabilities i / (K - 1) */
export const SKETCH_SIZE = 2049;

export interface Sketch {
  /** samples represented (NaNs excluded) */
  count: number;
  /** q[i] = quantile at i / (K - 1); nondecreasing */
  q: Float64Array;
}

/** exact sketch of sorted, NaN-free values (type-7 interpolation, as in R and numpy's default) */
export function sketchSorted(sorted: Float64Array, k = SKETCH_SIZE): Sketch {
  const m = sorted.length;
  const q = new Float64Array(k);
  if (m === 0) return { count: 0, q: q.fill(Number.NaN) };
  for (let i = 0; i < k; i++) {
    const h = ((m - 1) * i) / (k - 1);
    const lo = Math.floor(h);
    const f = h - lo;
    const a = sorted[lo]!;
    q[i] = f === 0 || lo + 1 >= m ? a : a + f * (sorted[lo + 1]! - a);
  }
  return { count: m, q };
}

/** quantile of a sketch at probability p, by linear interpolation between grid points */
export function sketchQuantile(s: Sketch, p: number): number {
  const k = s.q.length;
  const h = Math.min(1, Math.max(0, p)) * (k - 1);
  const lo = Math.floor(h);
  if (lo >= k - 1) return s.q[k - 1]!;
  const f = h - lo;
  return s.q[lo]! + f * (s.q[lo + 1]! - s.q[lo]!);
}

/** P(X <= x) under a sketch's piecewise-linear CDF */
export function sketchCdf(s: Sketch, x: number): number {
  const q = s.q;
  const k = q.length;
  if (x < q[0]!) return 0;
  if (x >= q[k - 1]!) return 1;
  // last i with q[i] <= x
  let lo = 0;
  let hi = k - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (q[mid]! <= x) lo = mid;
    else hi = mid;
  }
  const d = q[lo + 1]! - q[lo]!;
  return (lo + (d > 0 ? (x - q[lo]!) / d : 0)) / (k - 1);
}

/**
 * Merges two sketches (weights = counts). The mixture CDF of two piecewise-linear CDFs is piecewise linear on the
 * union of their breakpoints, so it is evaluated there exactly (right values and left limits, to handle ties)
 * and inverted at the K grid probabilities in one walk. O(K).
 */
export function mergeSketches(a: Sketch, b: Sketch): Sketch {
  if (a.count === 0) return b;
  if (b.count === 0) return a;
  const k = a.q.length;
  const wa = a.count / (a.count + b.count);
  const wb = 1 - wa;
  // union of breakpoints, sorted, deduplicated
  const v = new Float64Array(2 * k);
  let i = 0;
  let j = 0;
  let m = 0;
  while (i < k || j < k) {
    const x = j >= k || (i < k && a.q[i]! <= b.q[j]!) ? a.q[i++]! : b.q[j++]!;
    if (m === 0 || x !== v[m - 1]) v[m++] = x;
  }
  // G(v) and G(v-) at each breakpoint
  const gRight = new Float64Array(m);
  const gLeft = new Float64Array(m);
  const ca = cursor(a.q);
  const cb = cursor(b.q);
  for (let t = 0; t < m; t++) {
    const x = v[t]!;
    gLeft[t] = wa * ca.below(x) + wb * cb.below(x);
    gRight[t] = wa * ca.atOrBelow(x) + wb * cb.atOrBelow(x);
  }
  const q = new Float64Array(k);
  let t = 0;
  for (let g = 0; g < k; g++) {
    const p = g / (k - 1);
    if (p <= 0) {
      q[g] = v[0]!;
      continue;
    }
    // first breakpoint whose right value reaches p
    while (t < m - 1 && gRight[t]! < p) t++;
    if (t === 0 || p > gLeft[t]!) q[g] = v[t]!;
    else {
      const g0 = gRight[t - 1]!;
      const g1 = gLeft[t]!;
      q[g] = g1 > g0 ? v[t - 1]! + ((p - g0) / (g1 - g0)) * (v[t]! - v[t - 1]!) : v[t]!;
    }
  }
  return { count: a.count + b.count, q };
}

/** monotone evaluation of a sketch's CDF at nondecreasing x: P(X < x) and P(X <= x) */
function cursor(q: Float64Array) {
  const k = q.length;
  const step = 1 / (k - 1);
  let lt = 0; // first index with q >= x
  let le = 0; // first index with q > x
  return {
    below(x: number): number {
      while (lt < k && q[lt]! < x) lt++;
      if (lt === 0) return 0;
      if (lt === k) return 1;
      const d = q[lt]! - q[lt - 1]!;
      return (lt - 1 + (d > 0 ? (x - q[lt - 1]!) / d : 1)) * step;
    },
    atOrBelow(x: number): number {
      while (le < k && q[le]! <= x) le++;
      if (le === 0) return 0;
      if (le === k) return 1;
      const d = q[le]! - q[le - 1]!;
      return (le - 1 + (d > 0 ? (x - q[le - 1]!) / d : 0)) * step;
    },
  };
}
