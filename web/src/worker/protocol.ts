// messages between the page and the simulation worker

import type {
  Actor,
  Attribution,
  DeterrencePriors,
  Diagnostic,
  Shock,
  SimulationReport,
  StressReport,
  Tornado,
} from '../../../src/core/index.js';

export interface Bundle {
  version: string;
  actors: Actor[];
  priors: DeterrencePriors;
  sources: { id: string }[];
  parties?: unknown[];
  catalogIds?: string[];
}

export type RunKind = 'simulate' | 'stress' | 'sensitivity';

export interface RunRequest {
  type: 'run';
  id: number;
  kind: RunKind;
  /** the scenario's YAML (saved or a draft): parsed in the worker with the core's parser */
  yaml: string;
  samples: number;
  seed: number;
  horizon?: number;
  shocks: Shock[];
  sets?: Record<string, string>;
}

export type RunResult =
  | { kind: 'simulate'; report: SimulationReport }
  | { kind: 'stress'; report: StressReport }
  | { kind: 'sensitivity'; report: { tornado: Tornado; attribution: Attribution } };

export type WorkerIn = { type: 'bundle'; bundle: Bundle } | RunRequest | { type: 'cancel'; id: number };

export type WorkerOut =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'done'; id: number; result: RunResult; computeMs: number }
  | { type: 'error'; id: number; error: { code: string; message: string; diagnostics: Diagnostic[] } };
