// streaming summaries: per-chunk moments + quantile sketch, merged in chunk order in O(K log chunks) memory

import { radixSortFloat64 } from './radix-sort.js';
import {
  mergeSketches,
  SKETCH_SIZE,
  type Sketch,
  sketchCdf,
  sketchQuantile,
  sketchSorted,
} from './sketch.js';

/** what one chunk contributes for one output; plain data (structured-clone friendly for worker threads) */
export interface ChunkSummary {
  /** finite-or-infinite samples counted (NaN excluded) */
  count: number;
  nan: number;
  mean: number;
  /** sum of squared deviations from the mean */
  m2: number;
  min: number;
  max: number;
  sketch: Sketch;
}

/** the standard quantile levels reported by every summary */
export const QUANTILE_LEVELS = [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99] as const;
export type QuantileKey = 'p1' | 'p5' | 'p10' | 'p25' | 'p50' | 'p75' | 'p90' | 'p95' | 'p99';

export interface Summary {
  /** samples summarised (NaN excluded) */
  count: number;
  /** samples that were NaN (e.g. log of a negative), excluded from everything else */
  nan: number;
  mean: number;
  sd: number;
  min: number;
  max: number;
  quantiles: Record<QuantileKey, number>;
  /** equal-width bins over [p0.5, p99.5] with the fraction of samples in each, estimated from the sketch */
  histogram: { edges: number[]; fractions: number[]; below: number; above: number };
  /** the CDF on 101 equally spaced points from min to max */
  cdf: { x: number[]; p: number[] };
}

/**
 * Summarises the first n values of a column (the column is not modified).
 * @example summarizeChunk(cols.get('cost'))
 */
export function summarizeChunk(
  values: Float64Array,
  n = values.length,
  scratch?: Float64Array,
): ChunkSummary {
  // scratch must hold 2n: a copy of the values and the radix sort's buffer
  const space = scratch && scratch.length >= 2 * n ? scratch : new Float64Array(2 * n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v)) space[count++] = v;
  }
  const sorted = space.subarray(0, count);
  radixSortFloat64(sorted, space.subarray(n, n + count));
  // two-pass moments on the chunk: exact and stable; chunks combine with Chan's formula
  let sum = 0;
  for (let i = 0; i < count; i++) sum += sorted[i]!;
  const mean = count ? sum / count : Number.NaN;
  let m2 = 0;
  for (let i = 0; i < count; i++) {
    const d = sorted[i]! - mean;
    m2 += d * d;
  }
  return {
    count,
    nan: n - count,
    mean,
    m2,
    min: count ? sorted[0]! : Number.NaN,
    max: count ? sorted[count - 1]! : Number.NaN,
    sketch: sketchSorted(sorted, SKETCH_SIZE),
  };
}

/** merges chunk summaries in the order they are added; the result depends only on that order */
export class SummaryAccumulator {
  private count = 0;
  private nan = 0;
  private mean = 0;
  private m2 = 0;
  private min = Number.POSITIVE_INFINITY;
  private max = Number.NEGATIVE_INFINITY;
  /** binary counter of sketches: levels[i] holds 2^i chunks' worth (or is empty) */
  private levels: (Sketch | undefined)[] = [];

  add(c: ChunkSummary): void {
    this.nan += c.nan;
    if (c.count === 0) return;
    const n = this.count + c.count;
    const delta = c.mean - this.mean;
    this.mean = this.count === 0 ? c.mean : this.mean + (delta * c.count) / n;
    this.m2 = this.count === 0 ? c.m2 : this.m2 + c.m2 + (delta * delta * this.count * c.count) / n;
    this.count = n;
    if (c.min < this.min) this.min = c.min;
    if (c.max > this.max) this.max = c.max;
    let carry = c.sketch;
    let i = 0;
    for (; this.levels[i]; i++) {
      carry = mergeSketches(this.levels[i]!, carry);
      this.levels[i] = undefined;
    }
    this.levels[i] = carry;
  }

  /** the merged sketch (older chunks on the left at every merge) */
  sketch(): Sketch | undefined {
    let acc: Sketch | undefined;
    for (let i = this.levels.length - 1; i >= 0; i--) {
      const s = this.levels[i];
      if (s) acc = acc ? mergeSketches(acc, s) : s;
    }
    return acc;
  }

  finish(): Summary {
    const s = this.sketch();
    const count = this.count;
    const q = (p: number) => (s ? sketchQuantile(s, p) : Number.NaN);
    const quantiles = {} as Record<QuantileKey, number>;
    for (const p of QUANTILE_LEVELS) quantiles[`p${Math.round(p * 100)}` as QuantileKey] = q(p);
    const bins = 40;
    const lo = q(0.005);
    const hi = q(0.995);
    const edges: number[] = [];
    const fractions: number[] = [];
    let below = 0;
    let above = 0;
    if (s && count) {
      const w = hi > lo ? (hi - lo) / bins : 0;
      for (let b = 0; b <= bins; b++) edges.push(lo + b * w);
      below = sketchCdf(s, lo) - 0;
      above = 1 - sketchCdf(s, hi);
      for (let b = 0; b < bins; b++)
        fractions.push(
          w > 0 ? sketchCdf(s, edges[b + 1]!) - sketchCdf(s, edges[b]!) : b === 0 ? 1 - below - above : 0,
        );
    }
    const cx: number[] = [];
    const cp: number[] = [];
    if (s && count) {
      for (let i = 0; i <= 100; i++) {
        const x = this.min + ((this.max - this.min) * i) / 100;
        cx.push(x);
        cp.push(i === 100 ? 1 : sketchCdf(s, x));
      }
    }
    return {
      count,
      nan: this.nan,
      mean: count ? this.mean : Number.NaN,
      sd: count > 1 ? Math.sqrt(this.m2 / (count - 1)) : count === 1 ? 0 : Number.NaN,
      min: count ? this.min : Number.NaN,
      max: count ? this.max : Number.NaN,
      quantiles,
      histogram: { edges, fractions, below, above },
      cdf: { x: cx, p: cp },
    };
  }
}

/** quantile at any level from a merged accumulator (e.g. p2.5 for an interval) */
export function summaryQuantile(acc: SummaryAccumulator, p: number): number {
  const s = acc.sketch();
  return s ? sketchQuantile(s, p) : Number.NaN;
}
