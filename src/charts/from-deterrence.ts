// adapters from the deterrence model's outputs (the JSON of simulate, stress and sensitivity, and the API's job
// results) to chart rows, so callers never reshape data themselves

import type { Attribution, Tornado } from '../core/deterrence/sensitivity.js';
import type { SimulationReport, StressReport } from '../core/deterrence/simulate.js';
import type { AttributionRow } from './attribution-chart.js';
import type { StressRow } from './stress-chart.js';
import type { SurvivalSeries } from './survival-chart.js';
import type { TornadoRow } from './tornado-chart.js';

/** a simulate report as one survival series (label defaults to the scenario id) */
export function fromSimulationReport(
  r: Pick<SimulationReport, 'scenario' | 'survival'>,
  label: string = r.scenario,
): SurvivalSeries {
  return { label, points: r.survival.map((s) => ({ year: s.year, mean: s.mean, p5: s.p5, p95: s.p95 })) };
}

/** the baseline and each stress test as stress rows (baseline first) */
export function fromStressReport(r: StressReport): StressRow[] {
  return [
    {
      shock: 'baseline',
      pNoAttack: r.baseline.pNoAttack.mean,
      p5: r.baseline.pNoAttack.p5,
      p95: r.baseline.pNoAttack.p95,
    },
    ...r.tests.map((t) => ({
      shock: t.name,
      pNoAttack: t.pNoAttack.mean,
      p5: t.pNoAttack.p5,
      p95: t.pNoAttack.p95,
    })),
  ];
}

/** the baseline and each stress test as survival series, for an overlay */
export function survivalFromStressReport(r: StressReport): SurvivalSeries[] {
  return [
    fromSimulationReport(r.baseline, 'baseline'),
    ...r.tests.map((t) => fromSimulationReport(t, t.name)),
  ];
}

/** the tornado's biggest bars (it is sorted by swing already); top defaults to 12 */
export function fromTornado(t: Tornado, top = 12): TornadoRow[] {
  return t.bars.slice(0, top).map((b) => ({ name: b.name, low: b.atLow, high: b.atHigh, base: t.baseline }));
}

/** one row per instrument, labelled by title (or id when titles repeat) */
export function fromAttribution(a: Attribution): AttributionRow[] {
  const titles = a.instruments.map((i) => i.title);
  const unique = new Set(titles).size === titles.length;
  return a.instruments.map((i) => ({
    instrument: unique && i.title ? shorten(i.title, 48) : i.id,
    ablation: i.ablation,
    ...(typeof i.shapley === 'number' ? { shapley: i.shapley } : {}),
  }));
}

function shorten(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}\u2026`;
}
