// the calibrated-defaults overlay: parsing validation/calibrated.yaml, laying it over the literature priors, refusing
// a file fitted against other priors, and the fingerprint that ties the file to the data it was fitted on
import { describe, expect, it } from 'vitest';
import { loadPriors, PRIORS_FILE } from '../../node/deterrence-files.js';
import { compilePlan } from '../engine/plan.js';
import { formatDiagnostic } from '../errors.js';
import {
  applyCalibration,
  type CalibratedFile,
  fingerprint,
  parseCalibratedText,
  scaleSpec,
} from './calibrated.js';

const literature = loadPriors(PRIORS_FILE, { set: 'literature' });
const specOf = (name: string) => String(literature.priors.find((p) => p.name === name)!.spec);

const fileWith = (entries: CalibratedFile['calibrated']): CalibratedFile => ({
  label: 'major10y',
  mode: 'judgement',
  samples: 256,
  seed: 1,
  cases: 3,
  events: 1,
  fingerprint: 'fnv1a-00000000',
  calibrated: entries,
  scores: {
    prior: { brier: 0.3, auc: 0.7 },
    heldOut: { brier: 0.2, auc: 0.7 },
    inSample: { brier: 0.2, auc: 0.7 },
    baseRateHeldOut: { brier: 0.22, auc: null },
    baseRateInSample: { brier: 0.21, auc: null },
  },
  logLikelihood: { prior: -30, fitted: -20 },
});

const entry = (name: string, multiplier: number, lit = specOf(name)) => ({
  name,
  spec: scaleSpec(lit, multiplier),
  literature: lit,
  multiplier,
  grid: [multiplier, 1],
  source: 'guarantor-backtest-2026',
  evidence: 'secondary' as const,
});

describe('applyCalibration', () => {
  it('makes the calibrated spec the default, cites the back-test and keeps the literature prior beside it', () => {
    const r = applyCalibration(literature, fileWith([entry('war_cost', 0.5)]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const p = r.value.priors.find((x) => x.name === 'war_cost')!;
    expect(p.spec).toBe(scaleSpec(specOf('war_cost'), 0.5));
    expect(p.sources).toEqual(['guarantor-backtest-2026']);
    expect(p.literature?.spec).toBe(specOf('war_cost'));
    expect(p.literature?.sources).toEqual(literature.priors.find((x) => x.name === 'war_cost')!.sources);
    expect(r.value.priorSet).toBe('calibrated');
    // every other input is untouched
    const others = r.value.priors.filter((x) => x.name !== 'war_cost');
    expect(others).toEqual(literature.priors.filter((x) => x.name !== 'war_cost'));
  });

  it('refuses a file fitted against a literature prior that priors.yaml no longer has', () => {
    const r = applyCalibration(literature, fileWith([entry('war_cost', 0.5, '0.1 to 0.2')]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.map((d) => [d.code, d.path.join('.')])).toEqual([
      ['priors.calibration-stale', 'calibrated.0.literature'],
    ]);
    expect(r.diagnostics[0]!.hint).toMatch(/guarantor backtest --calibrated-out/);
  });

  it('refuses an input the model does not have', () => {
    const r = applyCalibration(literature, fileWith([{ ...entry('war_cost', 0.5), name: 'war_costs' }]));
    expect(r.ok ? [] : r.diagnostics.map((d) => d.code)).toEqual(['priors.calibrated-unknown']);
  });
});

describe('parseCalibratedText', () => {
  it('locates a misspelt key by file, line and column', () => {
    const text = [
      'label: major10y',
      'mode: judgement',
      'samples: 256',
      'seed: 1',
      'cases: 3',
      'events: 1',
      'fingerprint: fnv1a-00000000',
      'calibrated:',
      '  - name: war_cost',
      "    spec: '0.5 * (0.3 to 0.9)'",
      "    literatur: '0.3 to 0.9'",
      '    multiplier: 0.5',
      '    grid: [0.5, 1]',
      '    source: guarantor-backtest-2026',
      'scores:',
      '  prior: { brier: 0.3, auc: 0.7 }',
      '  heldOut: { brier: 0.2, auc: 0.7 }',
      '  inSample: { brier: 0.2, auc: 0.7 }',
      '  baseRateHeldOut: { brier: 0.2, auc: null }',
      '  baseRateInSample: { brier: 0.2, auc: null }',
      'logLikelihood: { prior: -30, fitted: -20 }',
    ].join('\n');
    const r = parseCalibratedText(text, 'calibrated.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = r.diagnostics.map(formatDiagnostic).join('\n');
    expect(lines).toMatch(/calibrated\.yaml:11:5/);
    expect(lines).toMatch(/literatur/);
  });
});

describe('fingerprint', () => {
  it('is stable, and changes with the content, the order and the split of its parts', () => {
    expect(fingerprint(['a', 'bc'])).toBe(fingerprint(['a', 'bc']));
    expect(fingerprint(['a', 'bc'])).toMatch(/^fnv1a-[0-9a-f]{8}$/);
    expect(fingerprint(['a', 'bc'])).not.toBe(fingerprint(['ab', 'c']));
    expect(fingerprint(['a', 'bc'])).not.toBe(fingerprint(['bc', 'a']));
    expect(fingerprint(['a', 'bc'])).not.toBe(fingerprint(['a', 'bd']));
  });
});

describe('scaleSpec', () => {
  it('keeps families closed under scaling as distributions, and wraps the rest', () => {
    expect(scaleSpec('pert(0.15, 0.35, 0.65)', 0.18)).toBe('pert(0.027, 0.063, 0.117)');
    expect(scaleSpec('0.3 to 0.9', 0.25)).toBe('0.075 to 0.225');
    expect(scaleSpec('uniform(4, 12)', 0.5)).toBe('uniform(2, 6)');
    expect(scaleSpec(2, 0.5)).toBe('1');
    expect(scaleSpec('beta(2, 5)', 0.5)).toBe('0.5 * (beta(2, 5))');
    expect(scaleSpec('pert(0.15, 0.35, 0.65)', 1)).toBe('pert(0.15, 0.35, 0.65)');
  });

  // tolerance: relative 1e-9, far above floating-point rounding in the transforms and far below any model effect
  it.each([
    ['pert(0.15, 0.35, 0.65)', 0.18],
    ['0.3 to 0.9', 0.25],
    ['uniform(0.4, 0.8)', 3],
    ['triangular(1, 2, 5)', 0.1],
    ['normal(1, 0.2)', 2],
  ])('%s x %d draws exactly m times the original on the same stream', (spec, m) => {
    const draw = (s: string) => {
      const p = compilePlan({ inputs: [{ name: 'x', spec: s }] });
      if (!p.ok) throw new Error(JSON.stringify(p.diagnostics));
      return p.value.sampleChunk(11, { index: 0, start: 0, n: 2000 }).get('x');
    };
    const a = draw(spec);
    const b = draw(scaleSpec(spec, m));
    for (let i = 0; i < a.length; i++)
      expect(Math.abs(b[i]! - m * a[i]!)).toBeLessThanOrEqual(1e-9 * Math.abs(m * a[i]!) + 1e-15);
  });
});
