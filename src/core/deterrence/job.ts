// the deterrence run as a chunk job: the same module runs inline or in worker threads (src/node/pool), and results
// merge in chunk order, so any thread count gives bit-identical results. One job evaluates several variants
// (overrides, shocks, instrument subsets) on the same chunk: variants share random numbers by input name.

import type { ChunkRef } from '../engine/chunks.js';
import { compilePlan, type InputDef, type Plan, Workspace } from '../engine/plan.js';
import { type ChunkSummary, type Summary, SummaryAccumulator, summarizeChunk } from '../engine/summary.js';
import { GuarantorError } from '../errors.js';
import { type CompiledStructure, compileStructure, evaluateChunk, newOutputs, Scratch } from './evaluate.js';
import type { ModelStructure, ShockEffects } from './structure.js';

export interface DeterrenceVariant {
  /** index into the payload's effects (0 = no shocks, by convention) */
  effects: number;
  /** input name -> spec replacing the base spec for this variant */
  overrides?: Record<string, string | number>;
  /** instruments switched on (indexes); omitted = all */
  enabled?: number[];
  /** full: survival curve, intervals, costs; otherwise only the means */
  full: boolean;
}

export interface DeterrenceJobPayload {
  structure: ModelStructure;
  effects: ShockEffects[];
  inputs: InputDef[];
  seed: number;
  chunkSize: number;
  variants: DeterrenceVariant[];
}

export interface FullChunk {
  n: number;
  survival: ChunkSummary[];
  final: ChunkSummary;
  conditional: ChunkSummary;
  attackSum: number;
  jointSum: number;
  forcesUsdBn: Float64Array;
  aidEurBn: Float64Array;
  ukraineUsdBn: Float64Array;
  honour0: Float64Array;
}

export interface MeanChunk {
  n: number;
  finalSum: number;
  attackSum: number;
  jointSum: number;
}

export type VariantChunk = FullChunk | MeanChunk;

const isFull = (r: VariantChunk): r is FullChunk => 'survival' in r;

function mergedInputs(base: InputDef[], overrides: Record<string, string | number> | undefined): InputDef[] {
  if (!overrides) return base;
  return base.map((d) => (d.name in overrides ? { name: d.name, spec: overrides[d.name]! } : d));
}

/** compiles the payload once (per worker) and returns the per-chunk function */
export function createDeterrenceChunkRunner(
  payload: DeterrenceJobPayload,
): (chunk: ChunkRef) => VariantChunk[] {
  // a variant that only pins independent inputs to numbers (the tornado's) reuses the base sample and swaps in
  // constant columns: the same values a recompiled plan would give (streams are keyed by name), without resampling
  const basePlan = compileBase(payload);
  const plans = new Map<string, Plan>([['{}', basePlan]]);
  const dependedOn = new Set(basePlan.inputs.flatMap((i) => i.deps));
  const pinned = payload.variants.map((v) => {
    const entries = Object.entries(v.overrides ?? {});
    if (
      !entries.length ||
      !entries.every(([k, x]) => typeof x === 'number' && basePlan.has(k) && !dependedOn.has(k))
    )
      return undefined;
    return entries.map(([k, x]) => ({
      name: k,
      value: x as number,
      column: new Float64Array(payload.chunkSize),
    }));
  });
  const variantPlans: Plan[] = payload.variants.map((v, vi) => {
    const key = pinned[vi] ? '{}' : JSON.stringify(v.overrides ?? {});
    let plan = plans.get(key);
    if (!plan) {
      const r = compilePlan({
        inputs: mergedInputs(payload.inputs, v.overrides),
        chunkSize: payload.chunkSize,
      });
      if (!r.ok) throw new GuarantorError('model.invalid', 'deterrence inputs do not compile', r.diagnostics);
      plan = r.value;
      plans.set(key, plan);
    }
    return plan;
  });
  const compiled = payload.effects.map((fx) => compileStructure(payload.structure, fx));
  const I = payload.structure.instruments.length;
  const enabled = payload.variants.map((v) => {
    const e = new Uint8Array(I);
    if (v.enabled) for (const i of v.enabled) e[i] = 1;
    else e.fill(1);
    return e;
  });
  const { horizon: H } = payload.structure;
  const G = payload.structure.guarantors.length;
  // one workspace sized for the largest plan serves every plan (a plan reads only its own slots)
  const maxSlots = Math.max(...[...plans.values()].map((p) => slotCountOf(p)));
  const ws = new Workspace(maxSlots, payload.chunkSize);
  const scratch = compiled.map((m) => new Scratch(m));
  const fullOut = newOutputs(payload.chunkSize, H, G, true);
  const meanOut = newOutputs(payload.chunkSize, H, G, false);
  const sortBuf = new Float64Array(payload.chunkSize);
  const cond = new Float64Array(payload.chunkSize);
  return (chunk) => {
    const n = chunk.n;
    const results: VariantChunk[] = [];
    let lastPlan: Plan | undefined;
    let cols: ReturnType<Plan['sampleChunk']> | undefined;
    payload.variants.forEach((v, vi) => {
      const plan = variantPlans[vi]!;
      if (plan !== lastPlan) {
        cols = plan.sampleChunk(payload.seed, chunk, ws);
        lastPlan = plan;
      }
      const pins = pinned[vi];
      let get = cols!.get;
      if (pins) {
        for (const p of pins) p.column.fill(p.value, 0, n);
        const base = cols!.get;
        get = (name) => pins.find((p) => p.name === name)?.column.subarray(0, n) ?? base(name);
      }
      const m: CompiledStructure = compiled[v.effects]!;
      const out = v.full ? fullOut : meanOut;
      if (v.full) {
        out.forcesUsdBn.fill(0);
        out.aidEurBn.fill(0);
        out.ukraineUsdBn.fill(0);
        out.honour0.fill(0);
      }
      evaluateChunk(m, get, n, enabled[vi]!, out, v.full, scratch[v.effects]!);
      if (!v.full) {
        let f = 0;
        let a = 0;
        let j = 0;
        for (let i = 0; i < n; i++) {
          f += out.final[i]!;
          a += out.attack[i]!;
          j += out.joint[i]!;
        }
        results.push({ n, finalSum: f, attackSum: a, jointSum: j });
        return;
      }
      let a = 0;
      let j = 0;
      for (let i = 0; i < n; i++) {
        a += out.attack[i]!;
        j += out.joint[i]!;
        cond[i] = out.attack[i]! > 0 ? out.joint[i]! / out.attack[i]! : Number.NaN;
      }
      results.push({
        n,
        survival: out.survival.map((s) => summarizeChunk(s, n, sortBuf)),
        final: summarizeChunk(out.final, n, sortBuf),
        conditional: summarizeChunk(cond, n, sortBuf),
        attackSum: a,
        jointSum: j,
        forcesUsdBn: out.forcesUsdBn.slice(),
        aidEurBn: out.aidEurBn.slice(),
        ukraineUsdBn: out.ukraineUsdBn.slice(),
        honour0: out.honour0.slice(),
      });
    });
    return results;
  };
}

function compileBase(payload: DeterrenceJobPayload): Plan {
  const r = compilePlan({ inputs: payload.inputs, chunkSize: payload.chunkSize });
  if (!r.ok) throw new GuarantorError('model.invalid', 'deterrence inputs do not compile', r.diagnostics);
  return r.value;
}

function slotCountOf(plan: Plan): number {
  // a fresh workspace tells us how many slots the plan uses
  return plan.newWorkspace(1).slots.length;
}

export interface VariantResult {
  samples: number;
  /** P(no renewed major attack within the horizon): the mean over samples */
  pNoAttack: number;
  /** P(attack succeeds | attack), pooled over samples (expected successes / expected attacks) */
  pSuccessGivenAttack: number;
  /** Monte Carlo standard error of pNoAttack */
  standardError?: number;
  full?: {
    final: Summary;
    survival: Summary[];
    conditional: Summary;
    forcesUsdBn: number[];
    aidEurBn: number[];
    ukraineUsdBn: number[];
    honour0: number[];
  };
}

/** folds chunk results per variant, in chunk order */
export function deterrenceReducer(payload: DeterrenceJobPayload) {
  const H = payload.structure.horizon;
  const G = payload.structure.guarantors.length;
  const state = payload.variants.map((v) => ({
    n: 0,
    finalSum: 0,
    attackSum: 0,
    jointSum: 0,
    survival: v.full ? Array.from({ length: H }, () => new SummaryAccumulator()) : [],
    final: v.full ? new SummaryAccumulator() : undefined,
    conditional: v.full ? new SummaryAccumulator() : undefined,
    forces: new Float64Array(H),
    aid: new Float64Array(H),
    ukraine: new Float64Array(H),
    honour0: new Float64Array(G),
  }));
  return {
    reduce: (_: undefined, chunk: VariantChunk[]) => {
      chunk.forEach((r, vi) => {
        const s = state[vi]!;
        s.n += r.n;
        s.attackSum += r.attackSum;
        s.jointSum += r.jointSum;
        if (isFull(r)) {
          s.final!.add(r.final);
          s.conditional!.add(r.conditional);
          r.survival.forEach((x, t) => {
            s.survival[t]!.add(x);
          });
          s.finalSum += r.final.mean * r.final.count;
          for (let t = 0; t < H; t++) {
            s.forces[t]! += r.forcesUsdBn[t]!;
            s.aid[t]! += r.aidEurBn[t]!;
            s.ukraine[t]! += r.ukraineUsdBn[t]!;
          }
          for (let g = 0; g < G; g++) s.honour0[g]! += r.honour0[g]!;
        } else s.finalSum += r.finalSum;
      });
      return undefined;
    },
    finish: (): VariantResult[] =>
      state.map((s) => {
        const pSuccess = s.attackSum > 0 ? s.jointSum / s.attackSum : Number.NaN;
        if (!s.final) return { samples: s.n, pNoAttack: s.finalSum / s.n, pSuccessGivenAttack: pSuccess };
        const final = s.final.finish();
        const per = (a: Float64Array) => Array.from(a, (x) => x / s.n);
        return {
          samples: s.n,
          pNoAttack: final.mean,
          pSuccessGivenAttack: pSuccess,
          standardError: final.count > 1 ? final.sd / Math.sqrt(final.count) : 0,
          full: {
            final,
            survival: s.survival.map((a) => a.finish()),
            conditional: s.conditional!.finish(),
            forcesUsdBn: per(s.forces),
            aidEurBn: per(s.aid),
            ukraineUsdBn: per(s.ukraine),
            honour0: per(s.honour0),
          },
        };
      }),
  };
}

/** the worker-pool entry point (ChunkJobModule): src/node/pool loads this module by URL */
export const createChunkRunner = createDeterrenceChunkRunner;
