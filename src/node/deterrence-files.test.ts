// the deterrence model on worker threads: bit-identical to one thread; the shipped priors load and cite real sources
import { describe, expect, it } from 'vitest';
import { parsePriorsText } from '../core/deterrence/priors.js';
import { attribution } from '../core/deterrence/sensitivity.js';
import { setupDeterrence, simulate } from '../core/deterrence/simulate.js';
import { loadCatalog } from './catalog-files.js';
import { loadPriors, pooledExecutor } from './deterrence-files.js';

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
