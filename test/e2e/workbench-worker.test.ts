// the browser's Web Worker runs the same model as the CLI: its code (web/src/worker/run-in-worker.ts) fed with what
// /api/bundle serves gives the same numbers as the built `guarantor simulate|stress --json` for the same seed
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale } from '../../scripts/build-if-stale.mjs';
import type { SimulationReport } from '../../src/core/index.js';
import { loadCatalog } from '../../src/node/catalog-files.js';
import { loadPriors } from '../../src/node/deterrence-files.js';
import { prepareBundle, runRequest } from '../../web/src/worker/run-in-worker.js';
import { repoRoot } from './support/browser.js';

const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/guarantor.mjs', ...args, '--json', '--no-progress'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`guarantor ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
};

const numbers = (r: SimulationReport) => ({
  horizonYears: r.horizonYears,
  samples: r.samples,
  pNoAttack: r.pNoAttack,
  pSuccessGivenAttack: r.pSuccessGivenAttack,
  survival: r.survival,
  costs: r.costs,
  guarantors: r.guarantors,
});

describe('the Web Worker model equals the CLI', () => {
  const { catalog } = loadCatalog();
  // what GET /api/bundle serves: the catalog's actors, the shipped priors and the source ids
  const prepared = prepareBundle({
    version: 'test',
    actors: [...catalog.actors.values()],
    priors: loadPriors(),
    sources: [...catalog.sources.keys()].map((id) => ({ id })),
  });
  const yaml = (id: string) => readFileSync(join(repoRoot, catalog.scenarios.get(id)!.file), 'utf8');

  beforeAll(() => {
    buildIfStale({ quiet: true });
  });

  it('simulate: same seed, same survival curve, probabilities and costs', async () => {
    const id = 's08-reassurance-force';
    const r = await runRequest(
      prepared,
      { type: 'run', id: 1, kind: 'simulate', yaml: yaml(id), samples: 10_000, seed: 7, shocks: [] },
      {},
    );
    if (r.kind !== 'simulate') throw new Error('expected a simulate result');
    expect(numbers(r.report)).toEqual(numbers(cli(['simulate', id, '--samples', '10000', '--seed', '7'])));
  });

  it('stress with an extra shock and a shorter horizon: every test matches', async () => {
    const id = 's02-article-5-like-bilateral';
    const r = await runRequest(
      prepared,
      {
        type: 'run',
        id: 2,
        kind: 'stress',
        yaml: yaml(id),
        samples: 4_000,
        seed: 3,
        horizon: 5,
        shocks: [{ type: 'government-change', actor: 'USA', year: 1 }],
      },
      {},
    );
    if (r.kind !== 'stress') throw new Error('expected a stress result');
    const c = cli([
      'stress',
      id,
      '--samples',
      '4000',
      '--seed',
      '3',
      '--horizon',
      '5',
      '--shock',
      'government-change:USA@1',
    ]);
    expect(numbers(r.report.baseline)).toEqual(numbers(c.baseline));
    expect(r.report.tests.map((t) => [t.name, t.deltaPNoAttack, numbers(t)])).toEqual(
      c.tests.map((t: SimulationReport & { name: string; deltaPNoAttack: number }) => [
        t.name,
        t.deltaPNoAttack,
        numbers(t),
      ]),
    );
  });

  it('reports a broken draft with located diagnostics instead of running', async () => {
    const bad = yaml('s08-reassurance-force').replace(/strength: \S+/, 'strength: total-war');
    await expect(
      runRequest(
        prepared,
        { type: 'run', id: 3, kind: 'simulate', yaml: bad, samples: 100, seed: 1, shocks: [] },
        {},
      ),
    ).rejects.toMatchObject({
      code: 'scenario.invalid',
      diagnostics: [expect.objectContaining({ line: expect.any(Number), col: expect.any(Number) })],
    });
  });
});
