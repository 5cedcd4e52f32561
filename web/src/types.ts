// shapes of the API's JSON (docs/api.md); the simulation and core types come from src/core

export interface Scorecard {
  overall: number;
  scores: Record<string, number>;
  findings: { error: number; warning: number; info: number; strength: number };
}

export interface ScenarioListItem {
  id: string;
  title: string;
  origin: 'catalog' | 'user';
  version: number;
  systems?: string[];
  category?: string;
  status?: string;
  scorecard: Scorecard;
}

export interface Finding {
  id: string;
  dimension: string;
  severity: 'error' | 'warning' | 'info' | 'strength';
  title: string;
  rationale: string;
  sources: string[];
  instrument?: string;
  party?: string;
}

export interface Assessment {
  scenario: string;
  findings: Finding[];
  scorecard?: unknown;
  [k: string]: unknown;
}

export interface CompareRow {
  id: string;
  title: string;
  systems: string[];
  overall: number;
  scores: Record<string, number>;
  parties: Record<string, string>;
  findings: Scorecard['findings'];
  simulated?: {
    pNoAttack: number;
    pSuccessGivenAttack: number;
    horizonYears: number;
    samples: number;
    seed: number;
  };
}

export interface SourceEntry {
  id: string;
  kind: string;
  authors?: string[];
  title: string;
  outlet?: string;
  date?: string;
  url?: string;
  evidence: string;
  note?: string;
  file?: string;
}

export const pct = (x: number | null | undefined, digits = 1) =>
  x === null || x === undefined || !Number.isFinite(x) ? '–' : `${(x * 100).toFixed(digits)}%`;

export const num = (x: number | null | undefined, digits = 3) =>
  x === null || x === undefined || !Number.isFinite(x) ? '–' : String(Number(x.toPrecision(digits)));
