// the historical back-test: run the deterrence model on every case over a grid of calibration multipliers, choose
// multipliers by maximum likelihood, score forecasts out of sample (leave-one-out), and explain each forecast

import { fingerprint, scaleSpec } from '../deterrence/calibrated.js';
import type { DeterrencePriors } from '../deterrence/priors.js';
import {
  type DeterrenceExecutor,
  type DeterrenceSetup,
  runVariantsFor,
  setupDeterrence,
} from '../deterrence/simulate.js';
import { GuarantorError } from '../errors.js';
import type { Actor } from '../schema/actor.js';
import type { HistoricalCase } from '../schema/historical.js';
import { caseActors, caseInputs, caseModelScenario, type InputMode } from './case-model.js';
import {
  auc,
  baseRateBrier,
  brier,
  type CalibrationBin,
  calibrationBins,
  leaveOneOut,
  logLoss,
  looBaseRate,
  type Scored,
} from './metrics.js';
import type { BacktestSettings } from './settings.js';

/** Monte Carlo forecasts of exactly 0 or 1 are clipped to this distance from the edge when fitting */
export const FIT_EPS = 1e-3;

export interface BacktestOptions {
  cases: readonly { value: HistoricalCase; file: string }[];
  actors: ReadonlyMap<string, Actor>;
  priors: DeterrencePriors;
  settings: BacktestSettings;
  mode: InputMode;
  samples?: number;
  seed?: number;
  executor?: DeterrenceExecutor;
  onProgress?: (p: { done: number; total: number; phase: 'grid' | 'explain' }) => void;
}

export interface GridPoint {
  /** one multiplier per calibration parameter, in settings order */
  multipliers: number[];
  /** input name -> spec for this point (parameters at 1 are left at their prior) */
  overrides: Record<string, string>;
}

export interface Scores {
  n: number;
  brier: number;
  auc: number;
  logLoss: number;
}

export interface InstrumentEffect {
  id: string;
  title: string;
  /** P(no attack) with every instrument minus P(no attack) without this one (common random numbers) */
  deltaPNoAttack: number;
}

export interface CaseResult {
  id: string;
  file: string;
  name: string;
  startYear: number;
  era: HistoricalCase['case']['era'];
  commitment: HistoricalCase['case']['commitment'];
  /** the scored outcome: attacked (true), not (false), or right-censored (null, not scored) */
  attacked: boolean | null;
  /** the coded attacks (major and limited, any time after the start), for display */
  attacks: { year: number; actor: string; severity: 'major' | 'limited'; flags: string[] }[];
  guarantorResponse: HistoricalCase['outcome']['guarantorResponse'];
  /** P(no attack within the horizon) with the literature priors (no fitting) */
  pNoAttackPrior: number;
  /** with the multipliers chosen without this case (leave-one-out); the all-case choice for censored cases */
  pNoAttackHeldOut: number;
  /** with the multipliers chosen on all cases (in sample) */
  pNoAttackFitted: number;
  /** multipliers used for pNoAttackHeldOut */
  heldOutMultipliers: number[];
  /** why the model says what it says (at the held-out multipliers) */
  reasons: {
    defenderPowerRatio: string;
    motivation: 'baseline' | 'reduced' | 'transformed';
    aggressorNuclear: boolean;
    /** the aggressor itself is bound to defend the protected state (alignment: aggressor_ally_gain applies) */
    alignedWithAggressor: boolean;
    /** nuclear-weapon guarantors holding a combat obligation (extended nuclear deterrence applies) */
    nuclearUmbrella: string[];
    guarantors: { id: string; honourProbabilityYear1: number }[];
    instruments: InstrumentEffect[];
  };
}

export interface CalibratedValue {
  name: string;
  /** the literature prior (data/deterrence/priors.yaml) the fit starts from */
  literatureSpec: string;
  /** the calibrated default (fitted on all cases): literature spec x multiplier */
  calibratedSpec: string;
  multiplier: number;
  source: string;
}

export interface BacktestReport {
  label: BacktestSettings['label'];
  /** hash of the inputs the fit depends on (literature priors, rules, cases): validation/calibrated.yaml repeats it */
  fingerprint: string;
  mode: InputMode;
  horizonYears: number;
  samples: number;
  seed: number;
  cases: CaseResult[];
  scored: number;
  events: number;
  /** share of scored cases attacked: the base-rate forecast of attack */
  baseRate: number;
  scores: {
    /** literature priors, nothing fitted: out of sample by construction */
    prior: Scores;
    /** calibrated by leave-one-out: each case forecast with multipliers fitted on the others */
    heldOut: Scores;
    /** calibrated on all cases and scored on the same cases: optimistic, shown for comparison only */
    inSample: Scores;
    /** every case gets the share of events among the other cases */
    baseRateHeldOut: Scores;
    /** every case gets the share of events among all cases (in sample) */
    baseRateInSample: { brier: number };
  };
  calibration: {
    parameters: { name: string; priorSpec: string; multipliers: number[]; why: string }[];
    /** multipliers chosen on all cases, and the resulting specs */
    fitted: { multipliers: number[]; specs: Record<string, string>; logLikelihood: number };
    priorLogLikelihood: number;
    /** how often each grid point was chosen across the leave-one-out folds */
    heldOutChoices: { multipliers: number[]; folds: number }[];
    gridSize: number;
    /** each calibrated input: the literature prior beside the calibrated default */
    values: CalibratedValue[];
  };
  /** calibration table of the held-out forecasts of attack */
  calibrationTable: CalibrationBin[];
  /** cases by squared error of the held-out forecast, worst first */
  worstMisses: string[];
}

const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

export function gridPoints(settings: BacktestSettings, priors: DeterrencePriors): GridPoint[] {
  const params = settings.calibration.parameters;
  const specOf = (name: string) => {
    const p = priors.priors.find((q) => q.name === name);
    if (!p)
      throw new GuarantorError(
        'validation.unknown-parameter',
        `calibration parameter '${name}' is not a model input (data/deterrence/priors.yaml)`,
      );
    return String(p.spec);
  };
  const specs = params.map((p) => specOf(p.name));
  let points: number[][] = [[]];
  for (const p of params) points = points.flatMap((pt) => p.multipliers.map((m) => [...pt, m]));
  return points.map((multipliers) => {
    const overrides: Record<string, string> = {};
    multipliers.forEach((m, k) => {
      if (m !== 1) overrides[params[k]!.name] = scaleSpec(specs[k]!, m);
    });
    return { multipliers, overrides };
  });
}

function scoresOf(xs: Scored[]): Scores {
  return { n: xs.length, brier: r4(brier(xs)), auc: r4(auc(xs)), logLoss: r4(logLoss(xs, FIT_EPS)) };
}

const attackScored = (pNoAttack: number, y: boolean): Scored => ({
  p: Math.min(1, Math.max(0, 1 - pNoAttack)),
  y,
});

/** what the fit depends on, hashed: the literature specs and conventions, the rules, the case codings */
export function backtestFingerprint(
  cases: readonly { value: HistoricalCase }[],
  priors: DeterrencePriors,
  settings: BacktestSettings,
  mode: InputMode,
): string {
  return fingerprint([
    // cost inputs never move P(no attack); leaving them out keeps the forces model's ranges free to change
    JSON.stringify(
      priors.priors.filter((p) => !p.name.startsWith('cost_')).map((p) => [p.name, String(p.spec)]),
    ),
    JSON.stringify(priors.conventions),
    JSON.stringify(settings),
    mode,
    ...cases.map((c) => JSON.stringify(c.value)),
  ]);
}

export async function runBacktest(o: BacktestOptions): Promise<BacktestReport> {
  const { settings, priors, mode } = o;
  // calibrating on top of calibrated defaults would apply the multipliers twice
  if (priors.priorSet === 'calibrated' || priors.priors.some((p) => p.literature))
    throw new GuarantorError(
      'validation.priors-calibrated',
      "the back-test calibrates the literature priors: load them with loadPriors(PRIORS_FILE, { set: 'literature' })",
    );
  const samples = o.samples ?? settings.samples;
  const seed = o.seed ?? settings.seed;
  const grid = gridPoints(settings, priors);
  const priorIndex = grid.findIndex((g) => g.multipliers.every((m) => m === 1));
  if (priorIndex < 0)
    throw new GuarantorError(
      'validation.grid',
      'every calibration parameter needs the multiplier 1 (the prior) in its grid',
    );
  const run = { samples, seed, ...(o.executor ? { executor: o.executor } : {}) };

  // phase 1: every case at every grid point, on common random numbers (one job per case)
  const setups: DeterrenceSetup[] = [];
  const pred: number[][] = []; // pred[case][grid] = P(no attack)
  let done = 0;
  const total = o.cases.length * 2;
  for (const { value: c, file } of o.cases) {
    const scenario = caseModelScenario(c, settings, mode);
    const r = setupDeterrence(scenario, caseActors(c, o.actors), priors, { horizon: settings.horizonYears });
    if (!r.ok)
      throw new GuarantorError(
        'validation.case-model',
        `the model cannot run case ${c.case.id}`,
        r.diagnostics.map((d) => ({ ...d, file })),
      );
    setups.push(r.value);
    const res = await runVariantsFor(
      r.value,
      [r.value.base],
      grid.map((g) => ({ effects: 0, full: false, overrides: g.overrides })),
      run,
    );
    pred.push(res.map((v) => v.pNoAttack));
    o.onProgress?.({ done: ++done, total, phase: 'grid' });
  }

  // maximum likelihood over the grid, on any subset of the scored cases
  const labels = o.cases.map(({ value }) => value.outcome.labels[settings.label]);
  const scoredIdx = labels.flatMap((y, i) => (y === null ? [] : [i]));
  const logLik = (g: number, idx: readonly number[]) =>
    -logLoss(
      idx.map((i) => attackScored(pred[i]![g]!, labels[i]!)),
      FIT_EPS,
    ) * idx.length;
  const bestOn = (idx: readonly number[]) => {
    let best = priorIndex;
    let bestLl = logLik(priorIndex, idx);
    grid.forEach((_, g) => {
      const ll = logLik(g, idx);
      if (ll > bestLl + 1e-12) {
        best = g;
        bestLl = ll;
      }
    });
    return best;
  };
  const fitted = bestOn(scoredIdx);
  const loo = leaveOneOut(
    scoredIdx.length,
    (train) => bestOn(train.map((j) => scoredIdx[j]!)),
    (g, held) => pred[scoredIdx[held]!]![g]!,
  );
  const heldOutGrid = new Map<number, number>(); // case -> grid point
  scoredIdx.forEach((i, k) => {
    heldOutGrid.set(i, loo.models[k]!);
  });

  // phase 2: explain each case at its held-out point: full run plus one ablation per instrument
  const cases: CaseResult[] = [];
  for (const [i, { value: c, file }] of o.cases.entries()) {
    const setup = setups[i]!;
    const g = heldOutGrid.get(i) ?? fitted;
    const overrides = grid[g]!.overrides;
    const n = c.instruments.length;
    const all = Array.from({ length: n }, (_, k) => k);
    const res = await runVariantsFor(
      setup,
      [setup.base],
      [
        { effects: 0, full: true, overrides },
        ...all.map((k) => ({ effects: 0, full: false, overrides, enabled: all.filter((j) => j !== k) })),
      ],
      run,
    );
    const base = res[0]!;
    const inputs = caseInputs(c, settings, mode);
    const dpr = inputs.assumptions.defender_power_ratio;
    const st = setup.prepared.structure;
    cases.push({
      id: c.case.id,
      file,
      name: c.case.name,
      startYear: c.case.startYear,
      era: c.case.era,
      commitment: c.case.commitment,
      attacked: labels[i]!,
      attacks: c.outcome.attacks.map((a) => ({
        year: a.year,
        actor: a.actor,
        severity: a.severity,
        flags: [...(a.flags ?? [])],
      })),
      guarantorResponse: c.outcome.guarantorResponse,
      pNoAttackPrior: r4(pred[i]![priorIndex]!),
      pNoAttackHeldOut: r4(pred[i]![g]!),
      pNoAttackFitted: r4(pred[i]![fitted]!),
      heldOutMultipliers: grid[g]!.multipliers,
      reasons: {
        defenderPowerRatio: typeof dpr === 'object' ? String(dpr.value) : String(dpr),
        motivation: inputs.motivation,
        aggressorNuclear: st.aggressorNuclear,
        alignedWithAggressor: st.aggressorAllyInstruments.length > 0,
        nuclearUmbrella: st.guarantors
          .filter((gu, k) => gu.nuclear && st.commitments.some((cm) => cm.guarantor === k && cm.strength > 0))
          .map((gu) => gu.id),
        guarantors: st.guarantors.map((gu, k) => ({
          id: gu.id,
          honourProbabilityYear1: r4(base.full?.honour0[k] ?? 0),
        })),
        instruments: c.instruments.map((ins, k) => ({
          id: ins.id,
          title: ins.title,
          deltaPNoAttack: r4(base.pNoAttack - res[k + 1]!.pNoAttack),
        })),
      },
    });
    o.onProgress?.({ done: ++done, total, phase: 'explain' });
  }

  const scoredAt = (f: (i: number) => number) => scoredIdx.map((i) => attackScored(f(i), labels[i]!));
  const heldOut = scoredAt((i) => pred[i]![heldOutGrid.get(i)!]!);
  const byMiss = scoredIdx
    .map((i, k) => ({ id: o.cases[i]!.value.case.id, err: (heldOut[k]!.p - (heldOut[k]!.y ? 1 : 0)) ** 2 }))
    .sort((a, b) => b.err - a.err || a.id.localeCompare(b.id));
  const choiceCounts = new Map<number, number>();
  for (const g of loo.models) choiceCounts.set(g, (choiceCounts.get(g) ?? 0) + 1);
  const params = settings.calibration.parameters;
  const priorSpec = (name: string) => String(priors.priors.find((p) => p.name === name)!.spec);
  const fittedSpecs: Record<string, string> = {};
  for (const p of params) fittedSpecs[p.name] = grid[fitted]!.overrides[p.name] ?? priorSpec(p.name);
  const truth = scoredIdx.map((i) => ({ p: 0, y: labels[i]! }));
  const events = truth.filter((t) => t.y).length;
  return {
    label: settings.label,
    fingerprint: backtestFingerprint(o.cases, priors, settings, mode),
    mode,
    horizonYears: settings.horizonYears,
    samples,
    seed,
    cases,
    scored: scoredIdx.length,
    events,
    baseRate: r4(truth.length ? events / truth.length : 0),
    scores: {
      prior: scoresOf(scoredAt((i) => pred[i]![priorIndex]!)),
      heldOut: scoresOf(heldOut),
      inSample: scoresOf(scoredAt((i) => pred[i]![fitted]!)),
      baseRateHeldOut: scoresOf(looBaseRate(truth)),
      baseRateInSample: { brier: r4(baseRateBrier(truth)) },
    },
    calibration: {
      parameters: params.map((p) => ({
        name: p.name,
        priorSpec: priorSpec(p.name),
        multipliers: p.multipliers,
        why: p.why,
      })),
      fitted: {
        multipliers: grid[fitted]!.multipliers,
        specs: fittedSpecs,
        logLikelihood: r4(logLik(fitted, scoredIdx)),
      },
      priorLogLikelihood: r4(logLik(priorIndex, scoredIdx)),
      heldOutChoices: [...choiceCounts.entries()]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .map(([g, folds]) => ({ multipliers: grid[g]!.multipliers, folds })),
      gridSize: grid.length,
      values: params.map((p, k) => ({
        name: p.name,
        literatureSpec: priorSpec(p.name),
        calibratedSpec: fittedSpecs[p.name]!,
        multiplier: grid[fitted]!.multipliers[k]!,
        source: settings.calibration.source,
      })),
    },
    calibrationTable: calibrationBins(heldOut, 5).map((b) => ({
      ...b,
      meanForecast: b.meanForecast === null ? null : r4(b.meanForecast),
      observed: b.observed === null ? null : r4(b.observed),
    })),
    worstMisses: byMiss.map((m) => m.id),
  };
}

/**
 * The calibrated values as YAML (validation/calibrated.yaml), each beside the literature prior it was fitted against,
 * with the back-test as source. The loader lays them over data/deterrence/priors.yaml as the model's defaults.
 */
export function calibratedYaml(r: BacktestReport): string {
  const q = (s: string) => `'${s.replaceAll("'", "''")}'`;
  const line = (x: Scores | { brier: number }) =>
    `{ brier: ${x.brier}, auc: ${'auc' in x && !Number.isNaN(x.auc) ? x.auc : 'null'} }`;
  const s = r.scores;
  const lines = [
    "# The deterrence model's calibrated defaults, from the historical back-test. GENERATED by",
    '#   guarantor backtest --calibrated-out validation/calibrated.yaml',
    '# (method and scores: docs/validation.md); do not edit by hand. src/node/deterrence-files.ts lays these specs over',
    '# the literature priors of data/deterrence/priors.yaml; `literature` is the prior each was fitted against, and the',
    '# loader refuses this file when priors.yaml no longer says the same. `guarantor simulate --priors literature`',
    '# runs without them.',
    `label: ${r.label}`,
    `mode: ${r.mode}`,
    `samples: ${r.samples}`,
    `seed: ${r.seed}`,
    `cases: ${r.scored}`,
    `events: ${r.events}`,
    `fingerprint: ${r.fingerprint}`,
    'calibrated:',
  ];
  for (const [k, p] of r.calibration.parameters.entries()) {
    const v = r.calibration.values[k]!;
    lines.push(`  - name: ${p.name}`);
    lines.push(`    spec: ${q(v.calibratedSpec)}`);
    lines.push(`    literature: ${q(v.literatureSpec)}`);
    lines.push(`    multiplier: ${v.multiplier}`);
    lines.push(`    grid: [${p.multipliers.join(', ')}]`);
    lines.push(`    source: ${v.source}`);
    lines.push('    evidence: secondary');
  }
  lines.push('scores:');
  lines.push(`  prior: ${line(s.prior)}`);
  lines.push(`  heldOut: ${line(s.heldOut)}`);
  lines.push(`  inSample: ${line(s.inSample)}`);
  lines.push(`  baseRateHeldOut: { brier: ${s.baseRateHeldOut.brier}, auc: null }`);
  lines.push(`  baseRateInSample: { brier: ${s.baseRateInSample.brier}, auc: null }`);
  lines.push(
    `logLikelihood: { prior: ${r.calibration.priorLogLikelihood}, fitted: ${r.calibration.fitted.logLikelihood} }`,
  );
  return `${lines.join('\n')}\n`;
}
