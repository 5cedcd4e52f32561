// the report as plain data: everything the html and markdown renderers show, gathered once (src/report/collect.ts)

import type { Assessment } from '../core/assess/types.js';
import type { Attribution, Tornado } from '../core/deterrence/sensitivity.js';
import type { SimulationReport } from '../core/deterrence/simulate.js';
import type { ScenarioForces } from '../core/forces/size-scenario.js';
import type { Scenario } from '../core/schema/scenario.js';
import type { Source } from '../core/schema/source.js';

export type ReportFormat = 'html' | 'md' | 'pdf';
export const REPORT_FORMATS: readonly ReportFormat[] = ['html', 'md', 'pdf'];

/** standalone SVG text of the charts (renderSvg); absent when the chart does not apply */
export interface ScenarioCharts {
  survival?: string;
  tornado?: string;
  attribution?: string;
}

export interface ScenarioSimulation {
  report: SimulationReport;
  tornado?: Tornado;
  attribution?: Attribution;
  /** why attribution was not computed, when it was not */
  attributionSkipped?: string;
  /** samples used for the tornado and attribution (fewer than the simulation: they run many variants) */
  sensitivitySamples: number;
}

export interface ScenarioSection {
  scenario: Scenario;
  /** where it came from: the catalog file, or 'user' */
  file: string;
  assessment: Assessment;
  forces: ScenarioForces;
  simulation?: ScenarioSimulation;
  charts: ScenarioCharts;
}

export interface CompareRow {
  id: string;
  title: string;
  overall: number;
  findings: { error: number; warning: number; info: number; strength: number };
  troops: number;
  yearlyCostUsd: number;
  horizonYears: number;
  pNoAttack?: { mean: number; p5: number; p95: number };
  pSuccessGivenAttack?: number;
}

export interface ReportSettings {
  seed: number;
  samples: number;
  sensitivitySamples: number;
  /** the --horizon override; absent = each scenario's own horizon */
  horizon?: number;
  simulate: boolean;
  threads: number;
  /** scenarios with more instruments than this get no attribution (2^n coalitions for Shapley values) */
  attributionMaxInstruments: number;
}

export interface ReportModel {
  title: string;
  /** ISO timestamp from the injected clock */
  generatedAt: string;
  modelVersion: string;
  settings: ReportSettings;
  scenarios: ScenarioSection[];
  /** for two or more scenarios */
  compare?: { rows: CompareRow[]; survivalChart?: string };
  /** every source in the catalog, by id; the renderers print the ones they cite */
  sources: ReadonlyMap<string, Source>;
}
