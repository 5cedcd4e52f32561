// which inputs and which instruments move P(no attack): a tornado (each uncertain input fixed at its 10th and 90th
// percentile, all else sampled) and per-instrument attribution (ablation; exact Shapley values for <= 12
// instruments). Every variant runs on the same chunks with the same named streams: common random numbers.

import { compilePlan } from '../engine/plan.js';
import type { DeterrenceVariant } from './job.js';
import { type DeterrenceSetup, type RunOptions, runVariantsFor } from './simulate.js';

export const SHAPLEY_MAX_INSTRUMENTS = 12;

export interface TornadoBar {
  name: string;
  group: string;
  /** the input's 10th and 90th percentiles */
  low: number;
  high: number;
  /** P(no attack) with the input fixed at low / high */
  atLow: number;
  atHigh: number;
  /** |atHigh - atLow| */
  swing: number;
}

export interface Tornado {
  samples: number;
  seed: number;
  baseline: number;
  bars: TornadoBar[];
}

/**
 * Tornado of P(no attack within the horizon). Inputs that are constants or expressions are skipped.
 * @example const t = await tornado(setup, { samples: 20_000, seed: 1 }); t.bars[0].name
 */
export async function tornado(setup: DeterrenceSetup, o: RunOptions): Promise<Tornado> {
  const compiled = compilePlan({ inputs: setup.inputs.inputs });
  if (!compiled.ok) throw new Error('inputs were checked in setupDeterrence');
  const plan = compiled.value;
  const rows = setup.inputs.assumptions.filter((a) => plan.input(a.name)?.kind === 'dist');
  const variants: DeterrenceVariant[] = [{ effects: 0, full: false }];
  const bounds = rows.map((a) => {
    const d = plan.input(a.name)!.dist!;
    const low = d.quantile(0.1);
    const high = d.quantile(0.9);
    variants.push({ effects: 0, full: false, overrides: { [a.name]: low } });
    variants.push({ effects: 0, full: false, overrides: { [a.name]: high } });
    return { low, high };
  });
  const rs = await runVariantsFor(setup, [setup.base], variants, o);
  const bars = rows.map((a, k) => {
    const atLow = rs[1 + 2 * k]!.pNoAttack;
    const atHigh = rs[2 + 2 * k]!.pNoAttack;
    return {
      name: a.name,
      group: a.group,
      low: round(bounds[k]!.low),
      high: round(bounds[k]!.high),
      atLow: round(atLow),
      atHigh: round(atHigh),
      swing: round(Math.abs(atHigh - atLow)),
    };
  });
  bars.sort((x, y) => y.swing - x.swing || x.name.localeCompare(y.name));
  return { samples: o.samples, seed: o.seed, baseline: round(rs[0]!.pNoAttack), bars };
}

export interface InstrumentAttribution {
  id: string;
  title: string;
  /** P(all) - P(all but this one) */
  ablation: number;
  /** P(this one alone) - P(none) */
  alone: number;
  /** exact Shapley value (absent above SHAPLEY_MAX_INSTRUMENTS) */
  shapley?: number;
}

export interface Attribution {
  samples: number;
  shapleySamples: number | null;
  seed: number;
  /** P(no attack) with every instrument, and with none (the aggressor facing Ukraine alone) */
  all: number;
  none: number;
  instruments: InstrumentAttribution[];
  method: string;
}

/** Shapley coalition samples: keep 2^n x samples x work bounded (about 2e8 commitment-years) */
export function shapleySampleBudget(
  n: number,
  horizon: number,
  commitments: number,
  samples: number,
): number {
  const per = 2 ** n * horizon * Math.max(1, commitments);
  return Math.max(1000, Math.min(samples, Math.floor(2e8 / per)));
}

/**
 * Per-instrument attribution on common random numbers.
 * @example const a = await attribution(setup, { samples: 20_000, seed: 1 }); a.instruments.map((i) => i.shapley)
 */
export async function attribution(setup: DeterrenceSetup, o: RunOptions): Promise<Attribution> {
  const st = setup.prepared.structure;
  const n = st.instruments.length;
  const all = [...Array(n).keys()];
  const variants: DeterrenceVariant[] = [
    { effects: 0, full: false },
    { effects: 0, full: false, enabled: [] },
    ...all.map((i) => ({ effects: 0, full: false, enabled: all.filter((j) => j !== i) })),
    ...all.map((i) => ({ effects: 0, full: false, enabled: [i] })),
  ];
  const rs = await runVariantsFor(setup, [setup.base], variants, o);
  const pAll = rs[0]!.pNoAttack;
  const pNone = rs[1]!.pNoAttack;
  const instruments: InstrumentAttribution[] = st.instruments.map((ins, i) => ({
    id: ins.id,
    title: ins.title,
    ablation: round(pAll - rs[2 + i]!.pNoAttack),
    alone: round(rs[2 + n + i]!.pNoAttack - pNone),
  }));
  let shapleySamples: number | null = null;
  if (n <= SHAPLEY_MAX_INSTRUMENTS) {
    shapleySamples = shapleySampleBudget(n, st.horizon, st.commitments.length, o.samples);
    const masks = 2 ** n;
    const sv: DeterrenceVariant[] = [];
    for (let m = 0; m < masks; m++)
      sv.push({ effects: 0, full: false, enabled: all.filter((i) => (m >> i) & 1) });
    const vs = await runVariantsFor(setup, [setup.base], sv, { ...o, samples: shapleySamples });
    const v = vs.map((r) => r.pNoAttack);
    const phi = shapley(n, v);
    phi.forEach((x, i) => {
      instruments[i]!.shapley = round(x);
    });
  }
  return {
    samples: o.samples,
    shapleySamples,
    seed: o.seed,
    all: round(pAll),
    none: round(pNone),
    instruments,
    method:
      n <= SHAPLEY_MAX_INSTRUMENTS
        ? 'ablation, stand-alone and exact Shapley values over all 2^n instrument subsets, on common random numbers'
        : `ablation and stand-alone effects on common random numbers (Shapley values need <= ${SHAPLEY_MAX_INSTRUMENTS} instruments)`,
  };
}

/** exact Shapley values from v[mask] (bit i = player i): phi_i = sum_S |S|!(n-|S|-1)!/n! (v(S+i) - v(S)) */
export function shapley(n: number, v: readonly number[]): number[] {
  const fact = [1];
  for (let k = 1; k <= n; k++) fact.push(fact[k - 1]! * k);
  const phi = new Array<number>(n).fill(0);
  for (let m = 0; m < 2 ** n; m++) {
    let size = 0;
    for (let i = 0; i < n; i++) if ((m >> i) & 1) size++;
    if (size === n) continue;
    const w = (fact[size]! * fact[n - size - 1]!) / fact[n]!;
    for (let i = 0; i < n; i++) {
      if ((m >> i) & 1) continue;
      phi[i]! += w * (v[m | (1 << i)]! - v[m]!);
    }
  }
  return phi;
}

const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : x);
