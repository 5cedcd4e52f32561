// the deterrence model's public API: set a scenario up once, then simulate, stress-test and analyse sensitivity.
// Runs in any thread through an executor: inline here (browser, tests), on the worker pool from src/node.

import { type ChunkRef, planChunks } from '../engine/chunks.js';
import { type RunControl, runChunks } from '../engine/run.js';
import type { Summary } from '../engine/summary.js';
import { type Diagnostic, GuarantorError } from '../errors.js';
import type { Actor } from '../schema/actor.js';
import type { Scenario } from '../schema/scenario.js';
import type { Shock } from '../schema/shock.js';
import { type AssumptionRow, type ResolvedInputs, resolveInputs } from './assumptions.js';
import {
  createDeterrenceChunkRunner,
  type DeterrenceJobPayload,
  type DeterrenceVariant,
  deterrenceReducer,
  type VariantChunk,
  type VariantResult,
} from './job.js';
import type { DeterrencePriors } from './priors.js';
import { type PreparedScenario, prepareScenario, type ShockEffects, shockEffects } from './structure.js';

export const MAX_HORIZON_YEARS = 100;
/**
 * samples per chunk for deterrence runs: smaller than the engine's default so 100k-sample runs split into enough
 * chunks to keep two threads busy; results depend on it (fixed), never on the thread count
 */
export const DETERRENCE_CHUNK_SIZE = 16_384;

/** runs a deterrence job's chunks and folds them in chunk order; src/node supplies a worker-pool version */
export type DeterrenceExecutor = (
  job: {
    payload: DeterrenceJobPayload;
    chunks: readonly ChunkRef[];
    reduce: (acc: undefined, r: VariantChunk[]) => undefined;
  } & RunControl,
) => Promise<void>;

/** the calling-thread executor */
export const inlineExecutor: DeterrenceExecutor = async (job) => {
  const run = createDeterrenceChunkRunner(job.payload);
  await runChunks({
    chunks: job.chunks,
    run,
    reduce: job.reduce,
    init: undefined,
    ...(job.signal ? { signal: job.signal } : {}),
    ...(job.onProgress ? { onProgress: job.onProgress } : {}),
  });
};

export interface DeterrenceSetup {
  prepared: PreparedScenario;
  inputs: ResolvedInputs;
  base: ShockEffects;
  priors: DeterrencePriors;
  warnings: Diagnostic[];
}

export function checkHorizon(horizon: number): void {
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > MAX_HORIZON_YEARS)
    throw new GuarantorError(
      'usage.horizon',
      `the horizon must be a whole number of years from 1 to ${MAX_HORIZON_YEARS}, got ${horizon}`,
      [
        {
          code: 'usage.horizon',
          message: `the horizon must be a whole number of years from 1 to ${MAX_HORIZON_YEARS}, got ${horizon}`,
          path: ['--horizon'],
          hint: 'e.g. --horizon 10; beyond a few decades the priors say nothing useful',
        },
      ],
    );
}

/**
 * Prepares a scenario for the model: structure, effective inputs (priors < scenario assumptions < sets).
 * @example const r = setupDeterrence(scenario, catalog.actors, priors, { horizon: 10 }); if (r.ok) await simulate(r.value, { samples: 1e5, seed: 1 });
 */
export function setupDeterrence(
  scenario: Scenario,
  actors: ReadonlyMap<string, Actor>,
  priors: DeterrencePriors,
  opts: { horizon?: number; sets?: Record<string, string | number> } = {},
): { ok: true; value: DeterrenceSetup } | { ok: false; diagnostics: Diagnostic[] } {
  const horizon = opts.horizon ?? scenario.context.horizonYears;
  checkHorizon(horizon);
  const prepared = prepareScenario(scenario, actors, priors.conventions, horizon);
  const inputs = resolveInputs(priors, prepared.structure, scenario, opts.sets ?? {});
  if (!inputs.ok) return inputs;
  const base = shockEffects(prepared, 'baseline', []);
  if (!base.ok) return base;
  return {
    ok: true,
    value: { prepared, inputs: inputs.value, base: base.value, priors, warnings: prepared.warnings },
  };
}

export interface RunOptions extends RunControl {
  samples: number;
  seed: number;
  executor?: DeterrenceExecutor;
  chunkSize?: number;
}

export async function runVariantsFor(
  setup: DeterrenceSetup,
  effects: ShockEffects[],
  variants: DeterrenceVariant[],
  o: RunOptions,
): Promise<VariantResult[]> {
  const chunkSize = o.chunkSize ?? DETERRENCE_CHUNK_SIZE;
  const chunks = planChunks(o.samples, chunkSize);
  const payload: DeterrenceJobPayload = {
    structure: setup.prepared.structure,
    effects,
    inputs: setup.inputs.inputs,
    seed: o.seed,
    chunkSize: Math.min(chunkSize, o.samples),
    variants,
  };
  const red = deterrenceReducer(payload);
  await (o.executor ?? inlineExecutor)({
    payload,
    chunks,
    reduce: red.reduce,
    ...(o.signal ? { signal: o.signal } : {}),
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
  });
  return red.finish();
}

export interface Band {
  mean: number;
  p5: number;
  p50: number;
  p95: number;
}

export interface SimulationReport {
  scenario: string;
  horizonYears: number;
  samples: number;
  seed: number;
  /** shocks applied (empty for the baseline) */
  shocks: Shock[];
  /** P(no renewed major attack within the horizon); the interval is over parameter uncertainty (p5-p95) */
  pNoAttack: {
    mean: number;
    standardError: number;
    p5: number;
    p25: number;
    p50: number;
    p75: number;
    p95: number;
  };
  pAttack: number;
  /** pooled P(success | attack) and the spread of its per-sample values */
  pSuccessGivenAttack: { pooled: number; p5: number; p50: number; p95: number };
  /** P(no attack by the end of each year) */
  survival: { year: number; mean: number; p5: number; p95: number }[];
  /** expected yearly costs; forces in USD bn (troop-, aircraft- and ship-years), aid delivered in EUR bn */
  costs: {
    year: number;
    guarantorsForcesUsdBn: number;
    guarantorsAidEurBn: number;
    ukraineDefenceUsdBn: number;
  }[];
  guarantors: { id: string; honourProbabilityYear1: number }[];
  /** which defaults the run started from: the back-test's calibrated values or the literature priors */
  priorSet: 'calibrated' | 'literature';
  assumptions: AssumptionRow[];
  warnings: Diagnostic[];
}

const r6 = (x: number) => (Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : x);

function report(setup: DeterrenceSetup, fx: ShockEffects, r: VariantResult, o: RunOptions): SimulationReport {
  const f = r.full!;
  const st = setup.prepared.structure;
  const q = (s: Summary) => s.quantiles;
  return {
    scenario: st.scenario,
    horizonYears: st.horizon,
    samples: r.samples,
    seed: o.seed,
    shocks: fx.shocks,
    pNoAttack: {
      mean: r6(r.pNoAttack),
      standardError: r6(r.standardError ?? 0),
      p5: r6(q(f.final).p5),
      p25: r6(q(f.final).p25),
      p50: r6(q(f.final).p50),
      p75: r6(q(f.final).p75),
      p95: r6(q(f.final).p95),
    },
    pAttack: r6(1 - r.pNoAttack),
    pSuccessGivenAttack: {
      pooled: r6(r.pSuccessGivenAttack),
      p5: r6(q(f.conditional).p5),
      p50: r6(q(f.conditional).p50),
      p95: r6(q(f.conditional).p95),
    },
    survival: f.survival.map((s, t) => ({
      year: t + 1,
      mean: r6(s.mean),
      p5: r6(s.quantiles.p5),
      p95: r6(s.quantiles.p95),
    })),
    costs: f.forcesUsdBn.map((x, t) => ({
      year: t + 1,
      guarantorsForcesUsdBn: r6(x),
      guarantorsAidEurBn: r6(f.aidEurBn[t]!),
      ukraineDefenceUsdBn: r6(f.ukraineUsdBn[t]!),
    })),
    guarantors: st.guarantors.map((g, i) => ({ id: g.id, honourProbabilityYear1: r6(f.honour0[i]!) })),
    priorSet: setup.priors.priorSet ?? 'literature',
    assumptions: setup.inputs.assumptions,
    warnings: setup.warnings,
  };
}

/**
 * P(no renewed major attack within the horizon), its survival curve, P(success | attack) and costs.
 * @example const rep = await simulate(setup, { samples: 100_000, seed: 42 }); rep.pNoAttack.mean
 */
export async function simulate(
  setup: DeterrenceSetup,
  o: RunOptions & { shocks?: ShockEffects },
): Promise<SimulationReport> {
  const fx = o.shocks ?? setup.base;
  const [r] = await runVariantsFor(setup, [fx], [{ effects: 0, full: true }], o);
  return report(setup, fx, r!, o);
}

/** resolves named shocks against the scenario (unknown actors give diagnostics) */
export function stressEffects(
  setup: DeterrenceSetup,
  name: string,
  shocks: Shock[],
  path?: (string | number)[],
): { ok: true; value: ShockEffects; warnings: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] } {
  return shockEffects(setup.prepared, name, shocks, path);
}

export interface StressReport {
  baseline: SimulationReport;
  tests: (SimulationReport & { name: string; deltaPNoAttack: number; deltaPSuccessGivenAttack: number })[];
}

/** the baseline and every stress test side by side, on common random numbers */
export async function stress(
  setup: DeterrenceSetup,
  tests: ShockEffects[],
  o: RunOptions,
): Promise<StressReport> {
  const effects = [setup.base, ...tests];
  const rs = await runVariantsFor(
    setup,
    effects,
    effects.map((_, k) => ({ effects: k, full: true })),
    o,
  );
  const baseline = report(setup, setup.base, rs[0]!, o);
  return {
    baseline,
    tests: tests.map((fx, k) => {
      const rep = report(setup, fx, rs[k + 1]!, o);
      return {
        name: fx.name,
        ...rep,
        deltaPNoAttack: r6(rep.pNoAttack.mean - baseline.pNoAttack.mean),
        deltaPSuccessGivenAttack: r6(rep.pSuccessGivenAttack.pooled - baseline.pSuccessGivenAttack.pooled),
      };
    }),
  };
}
