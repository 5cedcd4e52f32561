// uncertainty: every defaulted range is sampled (beta-PERT on low / central / high), the formulas run per
// sample, and each output gets a central value (the point estimate) and a 90% interval (5th-95th percentile).
// Uses the engine's distributions and seeded streams, so the same seed gives the same interval.

import { Pert } from '../dist/pert.js';
import { GuarantorError } from '../errors.js';
import { streamIdOf, streamRng } from '../rng/streams.js';
import { type MissionPlan, type MissionPoint, pointOf, type ValueKey } from './size-mission.js';

export interface Interval {
  /** the deterministic point estimate (central inputs) */
  central: number;
  p05: number;
  p50: number;
  p95: number;
  mean: number;
}

export const OUTPUTS = ['deployed', 'committed', 'aircraft', 'ships', 'yearlyCost', 'lifetimeCost'] as const;
export type OutputKey = (typeof OUTPUTS)[number];
export type OutputColumns = Record<OutputKey, Float64Array>;

export interface UncertaintyOptions {
  samples?: number;
  seed?: number;
}

export interface MissionEstimate extends MissionPoint {
  intervals: Record<OutputKey, Interval>;
  uncertainty: { method: 'pert-monte-carlo'; samples: number; seed: number; sampled: ValueKey[] };
}

export const DEFAULT_SAMPLES = 10_000;
export const DEFAULT_SEED = 1;

/** one column per input: a constant for user values and fixed defaults, PERT draws for sourced ranges */
export function sampleInputs(
  plan: MissionPlan,
  n: number,
  seed: number,
): { columns: Record<ValueKey, Float64Array>; sampled: ValueKey[] } {
  const columns = {} as Record<ValueKey, Float64Array>;
  const sampled: ValueKey[] = [];
  for (const [key, input] of Object.entries(plan.inputs) as [ValueKey, MissionPlan['inputs'][ValueKey]][]) {
    const col = new Float64Array(n);
    const r = input.range;
    if (input.origin === 'default' && r && r.low.value < r.high.value) {
      // the stream is keyed by the input's name, so scenario groups share cost draws (common random numbers)
      new Pert(r.low.value, r.central.value, r.high.value).sample(
        streamRng(seed, streamIdOf(`forces.${key}`), 0),
        col,
        0,
        n,
      );
      if (plan.used.includes(key)) sampled.push(key);
    } else col.fill(input.value);
    columns[key] = col;
  }
  return { columns, sampled };
}

/** run the formulas over the sampled columns: the columnar twin of computeSizing (tested to agree) */
export function sampleOutputs(
  plan: MissionPlan,
  n: number,
  seed: number,
): { outputs: OutputColumns; sampled: ValueKey[] } {
  const { columns: c, sampled } = sampleInputs(plan, n, seed);
  return { outputs: computeColumns(plan.archetype.sizing, c, plan.troopsOverride, n), sampled };
}

export function computeColumns(
  sizing: MissionPlan['archetype']['sizing'],
  c: Record<ValueKey, Float64Array>,
  troopsOverride: boolean,
  n: number,
): OutputColumns {
  const o = Object.fromEntries(OUTPUTS.map((k) => [k, new Float64Array(n)])) as OutputColumns;
  const mode = troopsOverride ? 0 : sizing === 'per-km' ? 1 : sizing === 'formation' ? 2 : 0;
  for (let i = 0; i < n; i++) {
    const deployed =
      mode === 1
        ? c.frontKm[i]! * c.density[i]!
        : mode === 2
          ? c.formations[i]! * c.troopsPerFormation[i]!
          : c.troops[i]!;
    const years = c.years[i]!;
    const contingents = Math.max(1, Math.ceil((years * 12) / c.tourMonths[i]! - 1e-9));
    const mult = Math.min(c.rotation[i]!, contingents);
    const yearly =
      deployed * c.costPerTroopYear[i]! +
      c.aircraft[i]! * c.costPerAircraftYear[i]! +
      c.ships[i]! * c.costPerShipYear[i]!;
    o.deployed[i] = deployed;
    o.committed[i] = deployed > 0 ? (deployed * mult) / c.readiness[i]! : 0;
    o.aircraft[i] = c.aircraft[i]!;
    o.ships[i] = c.ships[i]!;
    o.yearlyCost[i] = yearly;
    o.lifetimeCost[i] = yearly * years;
  }
  return o;
}

/** type-7 quantile of an ascending array */
export function quantileSorted(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export function summarise(col: Float64Array, central: number): Interval {
  const sorted = Float64Array.from(col).sort();
  let sum = 0;
  for (let i = 0; i < col.length; i++) sum += col[i]!;
  return {
    central,
    p05: quantileSorted(sorted, 0.05),
    p50: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
    mean: sum / col.length,
  };
}

export function checkSampling(opts: UncertaintyOptions): { samples: number; seed: number } {
  const samples = opts.samples ?? DEFAULT_SAMPLES;
  const seed = opts.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(samples) || samples < 100 || samples > 1_000_000) {
    throw new GuarantorError(
      'usage.forces-samples',
      `samples must be a whole number from 100 to 1,000,000, got ${samples}`,
    );
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > Number.MAX_SAFE_INTEGER) {
    throw new GuarantorError(
      'usage.forces-seed',
      `seed must be a whole number from 0 to 2^53-1, got ${seed}`,
    );
  }
  return { samples, seed };
}

/** point estimate plus 90% intervals for one planned mission */
export function estimatePlan(plan: MissionPlan, opts: UncertaintyOptions = {}): MissionEstimate {
  const { samples, seed } = checkSampling(opts);
  const point = pointOf(plan);
  const { outputs, sampled } = sampleOutputs(plan, samples, seed);
  const intervals = Object.fromEntries(OUTPUTS.map((k) => [k, summarise(outputs[k], point[k])])) as Record<
    OutputKey,
    Interval
  >;
  return { ...point, intervals, uncertainty: { method: 'pert-monte-carlo', samples, seed, sampled } };
}
