// the simulated columns of `compare`: P(no renewed attack within each scenario's horizon) and P(success | attack),
// at a modest fixed sample count and seed so the table is reproducible and quick

import { type SimulationReport, setupDeterrence, simulate } from '../../core/deterrence/simulate.js';
import { GuarantorError } from '../../core/errors.js';
import type { Scenario } from '../../core/schema/scenario.js';
import { loadCatalog } from '../../node/catalog-files.js';
import { loadPriors } from '../../node/deterrence-files.js';

export const COMPARE_SAMPLES = 10_000;
export const COMPARE_SEED = 1;

export interface SimulatedColumns {
  pNoAttack: number;
  pSuccessGivenAttack: number;
  horizonYears: number;
  samples: number;
  seed: number;
}

/** simulates each scenario in the calling thread (10,000 samples fit in one chunk) */
export async function simulatedColumns(scenarios: Scenario[]): Promise<SimulatedColumns[]> {
  const { catalog } = loadCatalog();
  const priors = loadPriors();
  const out: SimulatedColumns[] = [];
  for (const s of scenarios) {
    const r = setupDeterrence(s, catalog.actors, priors);
    if (!r.ok)
      throw new GuarantorError(
        'scenario.assumptions',
        `${s.id}: the scenario's model inputs are invalid`,
        r.diagnostics,
      );
    const rep: SimulationReport = await simulate(r.value, { samples: COMPARE_SAMPLES, seed: COMPARE_SEED });
    out.push({
      pNoAttack: Number(rep.pNoAttack.mean.toFixed(3)),
      pSuccessGivenAttack: Number(rep.pSuccessGivenAttack.pooled.toFixed(3)),
      horizonYears: rep.horizonYears,
      samples: COMPARE_SAMPLES,
      seed: COMPARE_SEED,
    });
  }
  return out;
}
