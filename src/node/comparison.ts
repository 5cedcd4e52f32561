// `compare` rows (scorecards side by side, optionally with simulated columns), shared by the CLI and the HTTP API

import { assessScenario } from '../core/assess/assess.js';
import { type Assessment, DIMENSIONS, type Dimension, type Finding } from '../core/assess/types.js';
import type { Catalog } from '../core/catalog/catalog.js';
import { type SimulationReport, setupDeterrence, simulate } from '../core/deterrence/simulate.js';
import { GuarantorError } from '../core/errors.js';
import type { Scenario } from '../core/schema/scenario.js';
import { loadCatalog } from './catalog-files.js';
import { loadPriors } from './deterrence-files.js';

export const COMPARE_SAMPLES = 10_000;
export const COMPARE_SEED = 1;

export function findingCounts(findings: readonly Finding[]) {
  const c = { error: 0, warning: 0, info: 0, strength: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

export interface SimulatedColumns {
  pNoAttack: number;
  pSuccessGivenAttack: number;
  horizonYears: number;
  samples: number;
  seed: number;
}

export interface ComparisonRow {
  id: string;
  title: string;
  systems: string[];
  overall: number;
  scores: Record<Dimension, number>;
  parties: Record<string, string>;
  findings: ReturnType<typeof findingCounts>;
  /** deterrence model at 10,000 samples, seed 1 (absent with --no-simulate) */
  simulated?: SimulatedColumns;
}

export function comparisonRow(a: Assessment, title: string, systems: string[]): ComparisonRow {
  return {
    id: a.scenario,
    title,
    systems,
    overall: a.overall,
    scores: Object.fromEntries(a.scores.map((s) => [s.dimension, s.score])) as Record<Dimension, number>,
    parties: Object.fromEntries(a.parties.map((p) => [p.party, p.stance])),
    findings: findingCounts(a.findings),
  };
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

/** the rows `compare --json` prints: assessed, optionally simulated, optionally sorted (descending) */
export async function compareScenarios(
  scenarios: Scenario[],
  catalog: Pick<Catalog, 'actors' | 'parties'>,
  opts: { weights: Record<Dimension, number>; simulate: boolean; sort?: string },
): Promise<ComparisonRow[]> {
  // a bad sort key is refused before any simulation runs
  const key = opts.sort;
  if (key !== undefined && key !== 'overall' && !(DIMENSIONS as readonly string[]).includes(key))
    throw new GuarantorError(
      'usage.sort',
      `cannot sort by '${key}': use overall or one of ${DIMENSIONS.join(', ')}`,
    );
  let rows = scenarios.map((scenario) =>
    comparisonRow(
      assessScenario(scenario, catalog, { weights: opts.weights }),
      scenario.title,
      scenario.systems,
    ),
  );
  if (opts.simulate) {
    const sim = await simulatedColumns(scenarios);
    rows = rows.map((r, i) => ({ ...r, simulated: sim[i]! }));
  }
  if (key) {
    const val = (r: ComparisonRow) => (key === 'overall' ? r.overall : r.scores[key as Dimension]);
    rows = [...rows].sort((a, b) => val(b) - val(a) || a.id.localeCompare(b.id));
  }
  return rows;
}
