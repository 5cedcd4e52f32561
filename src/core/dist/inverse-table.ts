// A tabulated inverse CDF for smooth continuous distributions (used by beta and PERT), after Hoermann and
// Leydold's Hermite interpolation of the inverse CDF on adaptively split intervals (`hormann-leydold-2003-hinv`).
// On each interval in u, Q is a quintic matching Q, Q' = 1/f and Q'' = -f'/f^3 at both ends. Accuracy is the
// u-error |F(x(u)) - u|: the build splits an interval until the error at 1/4, 1/2 and 3/4 of it is below
// U_ERROR_TARGET (half the spacing of the 32-bit uniforms), so the sampler is as exact as its uniforms allow. The
// outer 2^-24 of mass on each side is sampled by exact numerical inversion with extra uniform bits, where a
// polynomial in u is poor (Q has a power singularity there). A draw costs one 32-bit uniform, a guide-table lookup
// and a degree-5 polynomial (~11-14 ns against ~50-100 for two gamma variates), and the map u -> x is monotone.

import type { Xoshiro128 } from '../rng/xoshiro128.js';

/** the u-error the build guarantees at its check points: half the 2^-32 spacing of the uniforms */
export const U_ERROR_TARGET = 2 ** -33;
/** draws whose 32-bit uniform falls below this count (out of 2^32), or above 2^32 minus it, use exact inversion */
export const TAIL_COUNT = 256;
const TWO_POW_M32 = 2 ** -32;
/** more intervals than this means the shape is too extreme for the table: the caller keeps its exact sampler */
const MAX_INTERVALS = 4096;

/** what the build needs from a distribution on (lo, hi): exact cdf and quantiles, and the log density's slope */
export interface SmoothTarget {
  cdf(x: number): number;
  /** density at x (finite and > 0 inside the tabulated range) */
  pdf(x: number): number;
  /** d/dx log f(x) */
  dLogPdf(x: number): number;
  /** exact quantile for small p (lower tail) */
  quantile(p: number): number;
  /** exact Q(1 - q) for small q (upper tail), computed without forming 1 - q */
  upperQuantile(q: number): number;
}

export class InverseTable {
  /** @internal */
  constructor(
    /** breakpoints in u: U[0] = TAIL_COUNT / 2^32 ... U[m] = 1 - TAIL_COUNT / 2^32 */
    readonly U: Float64Array,
    /** 6 coefficients per interval, in powers of (u - U[k]) */
    readonly C: Float64Array,
    /** guide: G[j] = last interval starting at or below j / G.length */
    readonly G: Int32Array,
    private readonly target: SmoothTarget,
  ) {}

  get intervals(): number {
    return this.U.length - 1;
  }

  /** the tabulated quantile at u in [U[0], U[m]) (no tails): for tests and the copula */
  at(u: number): number {
    const { U, C, G } = this;
    let k = G[(u * G.length) | 0]!;
    while (U[k + 1]! <= u) k++;
    const d = u - U[k]!;
    const c = 6 * k;
    const d2 = d * d;
    // the same expression as the sampler, so at(u) is bit-identical to a draw at u
    return C[c]! + d * C[c + 1]! + d2 * (C[c + 2]! + d * C[c + 3]!) + d2 * d2 * (C[c + 4]! + d * C[c + 5]!);
  }

  /** Q(u) for any u in (0, 1): the table inside, exact inversion in the tails */
  quantile(u: number): number {
    if (u < this.U[0]!) return this.target.quantile(u);
    if (u >= this.U[this.U.length - 1]!) return this.target.upperQuantile(1 - u);
    return this.at(u);
  }

  /** fills out[offset, offset + n) with lo + width * Q(U), U uniform */
  fill(rng: Xoshiro128, out: Float64Array, offset: number, n: number, lo: number, width: number): void {
    fillInverse(this.U, this.C, this.G, this.target, rng, out, offset, n, lo, width);
  }
}

// a free function, not a method: V8 compiled the method's loop ~40% slower here. The polynomial is evaluated in
// Estrin's form (shorter dependency chain than Horner; measured ~10% faster)
function fillInverse(
  U: Float64Array,
  C: Float64Array,
  G: Int32Array,
  target: SmoothTarget,
  rng: Xoshiro128,
  out: Float64Array,
  offset: number,
  n: number,
  lo: number,
  width: number,
): void {
  const m = G.length;
  const end = offset + n;
  // unsigned 32-bit thresholds for the tails, shifted to signed so the hot loop compares int32 values
  const lowCut = TAIL_COUNT - 2147483648;
  const highCut = 2147483647 - TAIL_COUNT;
  for (let i = offset; i < end; i++) {
    const r = rng.nextI32();
    if (r >= lowCut && r <= highCut) {
      const u = (r + 2147483648.5) * TWO_POW_M32;
      let k = G[(u * m) | 0]!;
      while (U[k + 1]! <= u) k++;
      const d = u - U[k]!;
      const c = 6 * k;
      const d2 = d * d;
      out[i] =
        lo +
        width *
          (C[c]! + d * C[c + 1]! + d2 * (C[c + 2]! + d * C[c + 3]!) + d2 * d2 * (C[c + 4]! + d * C[c + 5]!));
    } else out[i] = lo + width * tailDraw(target, rng, r);
  }
}

/** exact inversion in a tail, with 32 more uniform bits so the tail is resolved beyond 2^-32 */
function tailDraw(target: SmoothTarget, rng: Xoshiro128, r: number): number {
  const fine = rng.nextFloat();
  if (r < TAIL_COUNT - 2147483648) return target.quantile((r + 2147483648 + fine) * TWO_POW_M32);
  return target.upperQuantile((2147483647 - r + fine) * TWO_POW_M32);
}

interface Node {
  u: number;
  x: number;
  /** Q'(u) = 1 / f(x) */
  d1: number;
  /** Q''(u) = -f'(x) / f(x)^3 */
  d2: number;
}

function node(t: SmoothTarget, u: number, x: number): Node | undefined {
  const f = t.pdf(x);
  if (!(f > 0 && Number.isFinite(f))) return undefined;
  const d1 = 1 / f;
  const d2 = -t.dLogPdf(x) * d1 * d1;
  if (!Number.isFinite(d2)) return undefined;
  return { u, x, d1, d2 };
}

/** quintic Hermite coefficients in powers of (u - a.u) */
function hermite(a: Node, b: Node): number[] {
  const h = b.u - a.u;
  const a0 = a.x;
  const a1 = h * a.d1;
  const a2 = 0.5 * h * h * a.d2;
  const r0 = b.x - (a0 + a1 + a2);
  const r1 = h * b.d1 - (a1 + 2 * a2);
  const r2 = h * h * b.d2 - 2 * a2;
  const a3 = 10 * r0 - 4 * r1 + 0.5 * r2;
  const a4 = -15 * r0 + 7 * r1 - r2;
  const a5 = 6 * r0 - 3 * r1 + 0.5 * r2;
  const ih = 1 / h;
  return [a0, a1 * ih, a2 * ih ** 2, a3 * ih ** 3, a4 * ih ** 4, a5 * ih ** 5];
}

/** the sampler's evaluation order (Estrin), so the build checks exactly what is sampled */
function evalPoly(c: number[], d: number): number {
  const d2 = d * d;
  return c[0]! + d * c[1]! + d2 * (c[2]! + d * c[3]!) + d2 * d2 * (c[4]! + d * c[5]!);
}

/**
 * Builds the table, or returns undefined when the distribution is too extreme to tabulate within MAX_INTERVALS
 * (the caller then keeps an exact sampler). Deterministic: the same target gives the same table in every thread.
 */
export function buildInverseTable(t: SmoothTarget): InverseTable | undefined {
  const tail = TAIL_COUNT * TWO_POW_M32;
  const first = node(t, tail, t.quantile(tail));
  const last = node(t, 1 - tail, t.upperQuantile(tail));
  if (!first || !last || !(last.x > first.x)) return undefined;
  // intervals are refined depth-first from the left, so `done` stays sorted by u
  const done: Node[] = [first];
  const coefs: number[][] = [];
  const stack: Node[] = [last];
  // a few exact interior quantiles to start from keep the first splits sensible for skewed shapes
  for (const p of [0.75, 0.5, 0.25]) {
    const n = node(t, p, t.quantile(p));
    if (!n || !(n.x > first.x && n.x < stack[stack.length - 1]!.x)) return undefined;
    stack.push(n);
  }
  while (stack.length) {
    const a = done[done.length - 1]!;
    const b = stack[stack.length - 1]!;
    const c = hermite(a, b);
    let split: Node | undefined;
    let bad = false;
    for (const s of [0.5, 0.25, 0.75]) {
      const u = a.u + s * (b.u - a.u);
      let x = evalPoly(c, u - a.u);
      const inside = x > a.x && x < b.x;
      if (inside && Math.abs(t.cdf(x) - u) <= U_ERROR_TARGET) continue;
      // the interpolant's own estimate is a good split point (close to Q(u)); else halve in x
      if (!inside) x = 0.5 * (a.x + b.x);
      if (!(x > a.x && x < b.x)) {
        bad = true;
        break;
      }
      split = node(t, t.cdf(x), x);
      if (!split || !(split.u > a.u && split.u < b.u)) bad = true;
      break;
    }
    if (bad) return undefined;
    if (split) {
      stack.push(split);
      continue;
    }
    coefs.push(c);
    done.push(stack.pop()!);
    if (coefs.length > MAX_INTERVALS) return undefined;
  }
  const m = coefs.length;
  const U = Float64Array.from(done, (n) => n.u);
  const C = new Float64Array(6 * m);
  for (let k = 0; k < m; k++) C.set(coefs[k]!, 6 * k);
  // guide table: a lookup starts at the last interval beginning at or below j / size, then steps right. Eight
  // cells per interval make a step rare (~6% of draws; 2 per interval measured ~15% slower per draw)
  const size = 8 * m;
  const G = new Int32Array(size);
  let k = 0;
  for (let j = 0; j < size; j++) {
    while (k + 1 < m && U[k + 1]! <= j / size) k++;
    G[j] = k;
  }
  return new InverseTable(U, C, G, t);
}
