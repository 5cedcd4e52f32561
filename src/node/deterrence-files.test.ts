// the deterrence model on worker threads: bit-identical to one thread; the shipped priors load and cite real sources
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCalibratedText, scaleSpec } from '../core/deterrence/calibrated.js';
import { parsePriorsText } from '../core/deterrence/priors.js';
import { attribution } from '../core/deterrence/sensitivity.js';
import { setupDeterrence, simulate } from '../core/deterrence/simulate.js';
import { formatDiagnostic, GuarantorError } from '../core/errors.js';
import { backtestFingerprint } from '../core/validation/backtest.js';
import { loadCatalog } from './catalog-files.js';
import { CALIBRATED_FILE, loadPriors, PRIORS_FILE, pooledExecutor } from './deterrence-files.js';
import { loadBacktestSettings, loadHistoricalCasesStrict } from './historical-files.js';

describe('deterrence on threads', () => {
  const { catalog } = loadCatalog();
  const s = catalog.scenarios.get('s04-status-quo-bsas-and-compact')!.scenario;
  const r = setupDeterrence(s, catalog.actors, loadPriors());
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  const setup = r.value;

  it('gives bit-identical reports on 1 and 2 threads', async () => {
    const opts = { samples: 60_000, seed: 9, chunkSize: 16_384 };
    const one = await simulate(setup, { ...opts, executor: pooledExecutor(1) });
    const two = await simulate(setup, { ...opts, executor: pooledExecutor(2) });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });

  it('attribution (many variants per chunk) is identical on 1 and 2 threads', async () => {
    const opts = { samples: 50_000, seed: 3, chunkSize: 16_384 };
    const one = await attribution(setup, { ...opts, executor: pooledExecutor(1) });
    const two = await attribution(setup, { ...opts, executor: pooledExecutor(2) });
    expect(two).toEqual(one);
  });
});

describe('deterrence priors', () => {
  it('the shipped file loads, and every model input has a prior with sources', () => {
    const p = loadPriors();
    for (const prior of p.priors) expect(prior.sources.length).toBeGreaterThan(0);
  });

  it('a broken priors file gets located errors', () => {
    const text =
      'priors:\n  - name: honour_base\n    group: reliability\n    spec: 0.5\n    unit: p\n    description: x\n    sources: [no-such-source]\nconventions: {}\n';
    const r = parsePriorsText(text, 'priors.yaml', new Set(['kuleba-2025']));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.code}`).slice(0, 2)).toEqual([
      'priors.yaml:8:14 schema.missing',
      'priors.yaml:8:14 schema.missing',
    ]);
  });
});

describe('calibrated defaults (validation/calibrated.yaml over data/deterrence/priors.yaml)', () => {
  const parsed = parseCalibratedText(readFileSync(CALIBRATED_FILE, 'utf8'), 'validation/calibrated.yaml');
  if (!parsed.ok) throw new Error(parsed.diagnostics.map(formatDiagnostic).join('\n'));
  const cal = parsed.value;
  const defaults = loadPriors();
  const literature = loadPriors(PRIORS_FILE, { set: 'literature' });

  it('the defaults are exactly the calibration output, with the literature prior beside each', () => {
    expect(defaults.priorSet).toBe('calibrated');
    for (const e of cal.calibrated) {
      const d = defaults.priors.find((p) => p.name === e.name)!;
      const l = literature.priors.find((p) => p.name === e.name)!;
      expect(d.spec).toBe(e.spec);
      expect(d.sources).toEqual([e.source]);
      expect(d.literature?.spec).toBe(l.spec);
      expect(String(e.spec)).toBe(scaleSpec(l.spec, e.multiplier));
    }
    const names = new Set(cal.calibrated.map((e) => e.name));
    expect(defaults.priors.filter((p) => !names.has(p.name))).toEqual(
      literature.priors.filter((p) => !names.has(p.name)),
    );
  });

  it('--priors literature runs on the priors file alone', () => {
    expect(literature.priorSet).toBe('literature');
    expect(literature.priors.some((p) => p.literature)).toBe(false);
  });

  it('was fitted on the current cases, rules and literature priors (else: rerun the calibration)', () => {
    const now = backtestFingerprint(
      loadHistoricalCasesStrict(),
      literature,
      loadBacktestSettings(),
      cal.mode,
    );
    // on failure: guarantor backtest --calibrated-out validation/calibrated.yaml, then check docs/validation.md
    expect(cal.fingerprint).toBe(now);
  });

  it('a calibrated file fitted against other literature priors is refused, located', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guarantor-cal-'));
    const file = join(dir, 'calibrated.yaml');
    writeFileSync(
      file,
      readFileSync(CALIBRATED_FILE, 'utf8').replace(/literature: '0\.3 to 0\.9'/, "literature: '0.3 to 0.8'"),
    );
    let err: unknown;
    try {
      loadPriors(PRIORS_FILE, { calibratedFile: file });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(GuarantorError);
    const g = err as GuarantorError;
    expect(g.code).toBe('priors.calibration-stale');
    expect(g.diagnostics?.[0]?.line).toBeGreaterThan(1);
    expect(g.diagnostics?.[0]?.message).toMatch(/war_cost/);
  });

  it('the priors file itself may not carry literature: it is the literature', () => {
    const text = readFileSync(PRIORS_FILE, 'utf8').replace(
      '    spec: 0.3 to 0.9\n',
      "    spec: 0.3 to 0.9\n    literature: { spec: '0.3 to 0.9', sources: [fortna-2004], evidence: secondary }\n",
    );
    const r = parsePriorsText(text, 'priors.yaml');
    expect(r.ok ? [] : r.diagnostics.map((d) => d.code)).toEqual(['priors.literature-in-file']);
  });
});
