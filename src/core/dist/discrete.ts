// discrete([values], [weights]): a categorical over numbers, sampled in O(1) with Walker's alias method

import type { Xoshiro128 } from '../rng/xoshiro128.js';
import { type Dist, fmt, type Support } from './dist.js';

export class Discrete implements Dist {
  readonly kind = 'discrete';
  readonly discrete = true;
  /** values sorted ascending, with their normalised probabilities */
  readonly values: Float64Array;
  readonly probs: Float64Array;
  private readonly cum: Float64Array;
  private readonly aliasProb: Float64Array;
  private readonly alias: Int32Array;

  constructor(values: readonly number[], weights: readonly number[]) {
    const order = values.map((_, i) => i).sort((i, j) => values[i]! - values[j]!);
    const total = weights.reduce((s, w) => s + w, 0);
    const k = values.length;
    this.values = Float64Array.from(order, (i) => values[i]!);
    this.probs = Float64Array.from(order, (i) => weights[i]! / total);
    this.cum = new Float64Array(k);
    let c = 0;
    for (let i = 0; i < k; i++) {
      c += this.probs[i]!;
      this.cum[i] = c;
    }
    this.cum[k - 1] = 1;
    // Vose's stable construction of the alias table
    this.aliasProb = new Float64Array(k);
    this.alias = new Int32Array(k);
    const scaled = Float64Array.from(this.probs, (p) => p * k);
    const small: number[] = [];
    const large: number[] = [];
    for (const [i, p] of scaled.entries()) (p < 1 ? small : large).push(i);
    while (small.length && large.length) {
      const s = small.pop()!;
      const l = large.pop()!;
      this.aliasProb[s] = scaled[s]!;
      this.alias[s] = l;
      scaled[l] = scaled[l]! + scaled[s]! - 1;
      (scaled[l]! < 1 ? small : large).push(l);
    }
    for (const i of [...large, ...small]) {
      this.aliasProb[i] = 1;
      this.alias[i] = i;
    }
  }
  describe(): string {
    return `discrete([${Array.from(this.values, fmt).join(', ')}], [${Array.from(this.probs, fmt).join(', ')}])`;
  }
  support(): Support {
    return { lo: this.values[0]!, hi: this.values[this.values.length - 1]!, loOpen: false, hiOpen: false };
  }
  /** whether value v has positive probability (used to check division by zero) */
  hasAtom(v: number): boolean {
    return this.values.some((x, i) => x === v && this.probs[i]! > 0);
  }
  mean(): number {
    let m = 0;
    for (let i = 0; i < this.values.length; i++) m += this.values[i]! * this.probs[i]!;
    return m;
  }
  variance(): number {
    const m = this.mean();
    let v = 0;
    for (let i = 0; i < this.values.length; i++) v += (this.values[i]! - m) ** 2 * this.probs[i]!;
    return v;
  }
  cdf(x: number): number {
    let c = 0;
    for (let i = 0; i < this.values.length && this.values[i]! <= x; i++) c = this.cum[i]!;
    return c;
  }
  quantile(p: number): number {
    for (let i = 0; i < this.values.length; i++) if (p <= this.cum[i]!) return this.values[i]!;
    return this.values[this.values.length - 1]!;
  }
  sample(rng: Xoshiro128, out: Float64Array, offset: number, n: number): void {
    const k = this.values.length;
    const { values, aliasProb, alias } = this;
    for (let i = offset; i < offset + n; i++) {
      const u = rng.nextFloat() * k;
      const col = Math.floor(u);
      out[i] = values[u - col < aliasProb[col]! ? col : alias[col]!]!;
    }
  }
}
