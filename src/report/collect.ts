// gathers a report's content: for each scenario its assessment, forces and cost (the functions behind `assess` and
// `forces`), and optionally a simulation with its charts; several scenarios also get a comparison

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { attributionChart } from '../charts/attribution-chart.js';
import { fromAttribution, fromSimulationReport, fromTornado } from '../charts/from-deterrence.js';
import { renderSvg, svgDocument } from '../charts/render-svg.js';
import { survivalChart } from '../charts/survival-chart.js';
import { tornadoChart } from '../charts/tornado-chart.js';
import { assessScenario } from '../core/assess/assess.js';
import { attribution, tornado } from '../core/deterrence/sensitivity.js';
import { checkHorizon, setupDeterrence, simulate } from '../core/deterrence/simulate.js';
import { GuarantorError } from '../core/errors.js';
import { sizeScenarioForces } from '../core/forces/size-scenario.js';
import type { Scenario } from '../core/schema/scenario.js';
import { loadCatalog, resolveScenario } from '../node/catalog-files.js';
import { findingCounts } from '../node/comparison.js';
import { CALIBRATED_FILE, loadPriors, PRIORS_FILE, pooledExecutor } from '../node/deterrence-files.js';
import { checkSamples, checkSeed } from '../node/deterrence-run.js';
import { loadForcesData } from '../node/forces-files.js';
import { packageVersion } from '../node/paths.js';
import { checkThreads, defaultThreads } from '../node/pool/pool.js';
import { REPORT_DEFAULT_SAMPLES } from './report-format.js';
import type { CompareRow, ReportModel, ReportSettings, ScenarioSection } from './report-model.js';

export { REPORT_DEFAULT_SAMPLES };

/** the tornado and attribution run 2-3 dozen variants (Shapley: 2^n): a quarter of the samples, 1,000 to 5,000 */
export const SENSITIVITY_MAX_SAMPLES = 5_000;
export const ATTRIBUTION_MAX_INSTRUMENTS = 8;
export const MAX_REPORT_SCENARIOS = 50;

export interface CollectOptions {
  samples?: number;
  seed?: number;
  horizon?: number;
  simulate?: boolean;
  threads?: number;
  /** the clock for the generation date (tests inject a fixed one) */
  now?: () => Date;
  /** scenarios that are not in the catalog (the server's user scenarios); consulted before the catalog */
  resolve?: (id: string) => Scenario | undefined | Promise<Scenario | undefined>;
  cwd?: string;
  signal?: AbortSignal;
}

function usage(code: string, message: string, path: string, hint: string): GuarantorError {
  return new GuarantorError(code, message, [{ code, message, path: [path], hint }]);
}

export function reportSettings(o: CollectOptions): ReportSettings {
  const samples = o.samples ?? REPORT_DEFAULT_SAMPLES;
  checkSamples(samples);
  const seed = o.seed ?? 1;
  checkSeed(seed);
  if (o.horizon !== undefined) checkHorizon(o.horizon);
  const threads = o.threads ?? defaultThreads();
  checkThreads(threads);
  return {
    seed,
    samples,
    sensitivitySamples: Math.min(
      samples,
      Math.max(1000, Math.min(SENSITIVITY_MAX_SAMPLES, Math.round(samples / 4))),
    ),
    ...(o.horizon !== undefined ? { horizon: o.horizon } : {}),
    simulate: o.simulate !== false,
    threads,
    attributionMaxInstruments: ATTRIBUTION_MAX_INSTRUMENTS,
  };
}

const shortHash = (file: string) => {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 10);
  } catch {
    return 'missing';
  }
};

/** the package version and fingerprints of the model's parameter files: what produced the numbers */
export function modelVersion(): string {
  const version = packageVersion();
  return `guarantor ${version}; deterrence priors ${shortHash(PRIORS_FILE)} (data/deterrence/priors.yaml), calibration ${shortHash(CALIBRATED_FILE)} (validation/calibrated.yaml)`;
}

async function resolveAll(ids: string[], o: CollectOptions): Promise<{ scenario: Scenario; file: string }[]> {
  const out: { scenario: Scenario; file: string }[] = [];
  for (const id of ids) {
    const user = o.resolve ? await o.resolve(id) : undefined;
    if (user) out.push({ scenario: user, file: 'user' });
    else {
      const r = resolveScenario(id, o.cwd ?? process.cwd());
      out.push({ scenario: r.scenario, file: r.file });
    }
  }
  return out;
}

// wider than the 640 px default: the report's text column is about 900 px
const chartOpts = (idPrefix: string) => ({ document: svgDocument(), idPrefix, width: 760 });

/**
 * Everything a report shows, for the given scenario ids (catalog ids, YAML paths, or ids `resolve` knows).
 * @example const model = await collectReport(['s08-reassurance-force'], { samples: 20_000, seed: 1 });
 */
export async function collectReport(ids: string[], o: CollectOptions = {}): Promise<ReportModel> {
  const unique = [...new Set(ids.map((x) => x.trim()).filter(Boolean))];
  if (!unique.length)
    throw usage(
      'usage.report-ids',
      'name at least one scenario for the report',
      'ids',
      'e.g. guarantor report s08-reassurance-force',
    );
  if (unique.length > MAX_REPORT_SCENARIOS)
    throw usage(
      'usage.report-ids',
      `a report takes at most ${MAX_REPORT_SCENARIOS} scenarios, got ${unique.length}`,
      'ids',
      'split the list into several reports',
    );
  const settings = reportSettings(o);
  const now = (o.now ?? (() => new Date()))();
  const { catalog } = loadCatalog();
  const forcesData = loadForcesData();
  const resolved = await resolveAll(unique, o);
  const priors = settings.simulate ? loadPriors() : undefined;
  const executor = pooledExecutor(settings.threads);
  const control = o.signal ? { signal: o.signal } : {};
  const sections: ScenarioSection[] = [];
  for (const { scenario, file } of resolved) {
    const assessment = assessScenario(scenario, catalog);
    const forces = sizeScenarioForces(scenario, forcesData, { seed: settings.seed });
    const section: ScenarioSection = { scenario, file, assessment, forces, charts: {} };
    if (settings.simulate && priors) {
      const setup = setupDeterrence(scenario, catalog.actors, priors, {
        ...(settings.horizon !== undefined ? { horizon: settings.horizon } : {}),
      });
      if (!setup.ok)
        throw new GuarantorError(
          'scenario.assumptions',
          `${scenario.id}: the scenario's model inputs are invalid`,
          setup.diagnostics,
        );
      const run = { seed: settings.seed, executor, ...control };
      const report = await simulate(setup.value, { ...run, samples: settings.samples });
      const sens = { ...run, samples: settings.sensitivitySamples };
      const t = await tornado(setup.value, sens);
      const n = setup.value.prepared.structure.instruments.length;
      const a = n <= settings.attributionMaxInstruments ? await attribution(setup.value, sens) : undefined;
      section.simulation = {
        report,
        tornado: t,
        sensitivitySamples: settings.sensitivitySamples,
        ...(a
          ? { attribution: a }
          : {
              attributionSkipped: `${n} instruments: attribution over 2^${n} instrument subsets is too slow for a report; run guarantor sensitivity ${scenario.id}`,
            }),
      };
      const prefix = `${scenario.id}`;
      section.charts.survival = renderSvg(
        survivalChart([fromSimulationReport(report, scenario.id)], chartOpts(`${prefix}-survival`)),
      );
      if (t.bars.length)
        section.charts.tornado = renderSvg(tornadoChart(fromTornado(t, 10), chartOpts(`${prefix}-tornado`)));
      if (a?.instruments.length)
        section.charts.attribution = renderSvg(
          attributionChart(fromAttribution(a), chartOpts(`${prefix}-attribution`)),
        );
    }
    sections.push(section);
  }
  const model: ReportModel = {
    title:
      sections.length === 1
        ? `Guarantor report: ${sections[0]!.scenario.title}`
        : `Guarantor report: ${sections.length} security-guarantee packages compared`,
    generatedAt: now.toISOString(),
    modelVersion: modelVersion(),
    settings,
    scenarios: sections,
    sources: catalog.sources,
  };
  if (sections.length > 1) model.compare = compareSection(sections);
  return model;
}

function compareSection(sections: ScenarioSection[]): NonNullable<ReportModel['compare']> {
  const rows: CompareRow[] = sections.map((s) => {
    const c = findingCounts(s.assessment.findings);
    const r = s.simulation?.report;
    return {
      id: s.scenario.id,
      title: s.scenario.title,
      overall: s.assessment.overall,
      findings: c,
      troops: s.forces.totals.troops,
      yearlyCostUsd: s.forces.totals.yearlyCost.central,
      horizonYears: r?.horizonYears ?? s.scenario.context.horizonYears,
      ...(r
        ? {
            pNoAttack: { mean: r.pNoAttack.mean, p5: r.pNoAttack.p5, p95: r.pNoAttack.p95 },
            pSuccessGivenAttack: r.pSuccessGivenAttack.pooled,
          }
        : {}),
    };
  });
  const sims = sections.filter((s) => s.simulation);
  return {
    rows,
    ...(sims.length > 1
      ? {
          survivalChart: renderSvg(
            survivalChart(
              sims.map((s) => fromSimulationReport(s.simulation!.report, s.scenario.id)),
              chartOpts('compare-survival'),
            ),
          ),
        }
      : {}),
  };
}
