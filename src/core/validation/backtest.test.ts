// runs the real deterrence model on a few shipped cases with few samples: checks the harness, not the model's skill
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../node/catalog-files.js';
import { loadPriors, PRIORS_FILE } from '../../node/deterrence-files.js';
import { loadBacktestSettings, loadHistoricalCasesStrict } from '../../node/historical-files.js';
import { scaleSpec } from '../deterrence/calibrated.js';
import { GuarantorError } from '../errors.js';
import { calibratedYaml, gridPoints, runBacktest } from './backtest.js';

const settings = loadBacktestSettings();
// the back-test calibrates the literature priors (the calibrated defaults would apply the fit twice)
const priors = loadPriors(PRIORS_FILE, { set: 'literature' });
const pick = ['KOR-1949', 'KOR-1953', 'POL-1939', 'BEL-1925', 'GEO-2008', 'BAL-2004'];
const cases = loadHistoricalCasesStrict().filter((c) => pick.includes(c.value.case.id));
const opts = {
  cases,
  actors: loadCatalog().catalog.actors,
  priors,
  settings,
  mode: 'judgement' as const,
  samples: 512,
  seed: 7,
};

describe('gridPoints', () => {
  it('spans every combination and leaves multiplier 1 at the prior', () => {
    const g = gridPoints(settings, priors);
    const sizes = settings.calibration.parameters.map((p) => p.multipliers.length);
    expect(g).toHaveLength(sizes.reduce((a, b) => a * b, 1));
    const prior = g.find((p) => p.multipliers.every((m) => m === 1))!;
    expect(prior.overrides).toEqual({});
    const scaled = g.find((p) => p.multipliers[0] !== 1)!;
    const first = settings.calibration.parameters[0]!;
    expect(scaled.overrides[first.name]).toBe(
      scaleSpec(String(priors.priors.find((p) => p.name === first.name)!.spec), scaled.multipliers[0]!),
    );
  });
});

describe('runBacktest', () => {
  it('is deterministic, scores every labelled case and explains each one', async () => {
    const a = await runBacktest(opts);
    const b = await runBacktest(opts);
    expect(b).toEqual(a);
    expect(a.scored).toBe(6);
    expect(a.events).toBe(3); // KOR-1949, POL-1939, GEO-2008
    for (const c of a.cases) {
      for (const p of [c.pNoAttackPrior, c.pNoAttackHeldOut, c.pNoAttackFitted]) {
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }
      expect(c.reasons.instruments.map((i) => i.id)).toEqual(
        cases.find((x) => x.value.case.id === c.id)!.value.instruments.map((i) => i.id),
      );
    }
    // the fit maximises the in-sample likelihood, so held-out log loss can only be worse or equal
    expect(a.scores.heldOut.logLoss).toBeGreaterThanOrEqual(a.scores.inSample.logLoss - 1e-9);
    expect(a.calibration.fitted.logLikelihood).toBeGreaterThanOrEqual(a.calibration.priorLogLikelihood);
    expect(a.calibration.heldOutChoices.reduce((n, c) => n + c.folds, 0)).toBe(6);
    expect(a.worstMisses).toHaveLength(6);
    expect(calibratedYaml(a)).toMatch(/source: guarantor-backtest-2026/);
    // what the back-test page reads: the calibrated value beside the literature prior, and the base rate
    expect(a.calibration.values.map((v) => v.name)).toEqual(
      settings.calibration.parameters.map((p) => p.name),
    );
    for (const [k, v] of a.calibration.values.entries()) {
      expect(v.literatureSpec).toBe(String(priors.priors.find((p) => p.name === v.name)!.spec));
      expect(v.calibratedSpec).toBe(scaleSpec(v.literatureSpec, a.calibration.fitted.multipliers[k]!));
    }
    expect(a.baseRate).toBe(0.5);
  }, 120_000);

  it('refuses calibrated priors: calibrating them would apply the fit twice', async () => {
    await expect(runBacktest({ ...opts, priors: loadPriors() })).rejects.toThrow(GuarantorError);
    await expect(runBacktest({ ...opts, priors: loadPriors() })).rejects.toThrow(/literature priors/);
  });

  it('a defence treaty with forces present forecasts more safety than no commitment (KOR-1953 vs KOR-1949)', async () => {
    const r = await runBacktest(opts);
    const p = (id: string) => r.cases.find((c) => c.id === id)!.pNoAttackPrior;
    expect(p('KOR-1953')).toBeGreaterThan(p('KOR-1949'));
  }, 120_000);
});
