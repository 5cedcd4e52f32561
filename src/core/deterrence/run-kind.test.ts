// one run of each kind through the shared dispatch: progress is one monotone bar that ends at the announced total
// (sensitivity's tornado, attribution and Shapley passes included), as the CLI, the server and the Web Worker show it
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../node/catalog-files.js';
import { loadPriors } from '../../node/deterrence-files.js';
import { DETERRENCE_KINDS, passProgress, runDeterrence, totalSamples } from './run-kind.js';
import { setupDeterrence } from './simulate.js';

const { catalog } = loadCatalog();
const scenario = catalog.scenarios.get('s08-reassurance-force')!.scenario;
const setup = setupDeterrence(scenario, catalog.actors, loadPriors(), { horizon: 3 });
if (!setup.ok) throw new Error('s08 should set up');

describe('runDeterrence with passProgress', () => {
  for (const kind of DETERRENCE_KINDS)
    it(`${kind}: progress never goes back and ends at totalSamples`, async () => {
      const samples = 1_000;
      const total = totalSamples(kind, setup.value, samples);
      const seen: number[] = [];
      await runDeterrence(kind, setup.value, {
        samples,
        seed: 3,
        onProgress: passProgress(total, (p) => {
          expect(p.total).toBe(total);
          seen.push(p.done);
        }),
      });
      expect(seen.length).toBeGreaterThan(0);
      for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);
      expect(seen.at(-1)).toBe(total);
      if (kind === 'sensitivity') expect(total).toBeGreaterThan(2 * samples);
      else expect(total).toBe(samples);
    });
});
