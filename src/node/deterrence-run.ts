// the deterrence commands' shared setup, used by the CLI (simulate, stress, sensitivity) and the HTTP API, so both
// validate the same way and produce the same JSON: run-option checks, scenario setup with located diagnostics,
// declared and extra stress tests, and one entry point per kind

import { parseSetItems } from '../core/deterrence/assumptions.js';
import type { PriorSet } from '../core/deterrence/calibrated.js';
import type { DeterrenceKind } from '../core/deterrence/run-kind.js';
import {
  checkHorizon,
  type DeterrenceSetup,
  setupDeterrence,
  stressEffects,
} from '../core/deterrence/simulate.js';
import type { ShockEffects } from '../core/deterrence/structure.js';
import { MAX_SAMPLES } from '../core/engine/chunks.js';
import { type Diagnostic, GuarantorError } from '../core/errors.js';
import { MAX_SEED } from '../core/rng/streams.js';
import type { Scenario } from '../core/schema/scenario.js';
import type { Shock } from '../core/schema/shock.js';
import { parseLocatedYaml } from '../core/yaml/located-yaml.js';
import { loadCatalog } from './catalog-files.js';
import { loadPriors, PRIORS_FILE } from './deterrence-files.js';
import { parseShock } from './shock-spec.js';

/** default samples per kind (the CLI's defaults) */
export const DEFAULT_SAMPLES: Record<DeterrenceKind, number> = {
  simulate: 100_000,
  stress: 50_000,
  sensitivity: 20_000,
};

function usage(code: string, message: string, path: string, hint: string): GuarantorError {
  return new GuarantorError(code, message, [{ code, message, path: [path], hint }]);
}

export function checkSamples(samples: number, flag = '--samples'): void {
  if (!Number.isInteger(samples) || samples < 1 || samples > MAX_SAMPLES)
    throw usage(
      'usage.samples',
      `${flag} must be from 1 to ${MAX_SAMPLES.toExponential(0)}, got ${samples.toExponential(2)}`,
      flag,
      'a million samples already pin P(no attack) to about 0.0005; try --samples 100000',
    );
}

export function checkSeed(seed: number, raw: string | number = seed, flag = '--seed'): void {
  if (!Number.isInteger(seed) || seed < 0 || seed >= MAX_SEED)
    throw usage(
      'usage.seed',
      `${flag} must be an integer from 0 to 2^53 - 1, got ${raw}`,
      flag,
      'e.g. --seed 42',
    );
}

/** adds file, line and column to diagnostics whose path points into the scenario's assumptions or stress tests */
export function locateInText(text: string, file: string, diags: Diagnostic[]): Diagnostic[] {
  const doc = parseLocatedYaml(text, file);
  if (!doc.ok) return diags;
  return diags.map((d) =>
    d.path[0] === 'assumptions' || d.path[0] === 'stress'
      ? {
          ...d,
          file,
          ...(d.path[0] === 'assumptions' ? doc.doc.locateKey(d.path) : doc.doc.locate(d.path)),
        }
      : d,
  );
}

export type Locate = (diags: Diagnostic[]) => Diagnostic[];

/**
 * Sets a scenario up for the model: horizon and `name=spec` overrides (bad ones are usage errors), then the
 * scenario's own inputs (bad ones throw scenario.assumptions, located by `locate`).
 */
export function setupRun(
  scenario: Scenario,
  file: string,
  opts: { horizon?: number; setItems?: string[]; priorSet?: PriorSet },
  locate: Locate,
): DeterrenceSetup {
  if (opts.horizon !== undefined) checkHorizon(opts.horizon);
  const parsedSets = parseSetItems(opts.setItems ?? []);
  if (parsedSets.diagnostics.length)
    throw new GuarantorError('usage.set', parsedSets.diagnostics[0]!.message, parsedSets.diagnostics);
  const { catalog } = loadCatalog();
  const r = setupDeterrence(scenario, catalog.actors, loadPriors(PRIORS_FILE, { set: opts.priorSet }), {
    ...(opts.horizon !== undefined ? { horizon: opts.horizon } : {}),
    sets: parsedSets.sets,
  });
  if (!r.ok) {
    const fromFlags = r.diagnostics.filter((d) => d.code.startsWith('usage.'));
    if (fromFlags.length) throw new GuarantorError(fromFlags[0]!.code, fromFlags[0]!.message, fromFlags);
    throw new GuarantorError(
      'scenario.assumptions',
      `${file}: the scenario's model inputs are invalid`,
      locate(r.diagnostics),
    );
  }
  return r.value;
}

/** extra shocks (CLI `--shock` strings or shock objects) as one combined stress test */
export function extraStress(
  setup: DeterrenceSetup,
  raw: (string | Shock)[],
  name = 'command-line',
  path: (string | number)[] = ['--shock'],
): { effects: ShockEffects | undefined; warnings: Diagnostic[] } {
  if (!raw.length) return { effects: undefined, warnings: [] };
  const shocks = raw.map((s) => (typeof s === 'string' ? parseShock(s) : s));
  const r = stressEffects(setup, name, shocks, path);
  if (!r.ok)
    throw new GuarantorError(
      'usage.shock-actor',
      r.diagnostics[0]!.message,
      r.diagnostics.map((d) => ({ ...d, code: 'usage.shock-actor' })),
    );
  return { effects: r.value, warnings: r.warnings };
}

/** the scenario's declared stress tests; problems are located by `locate` (scenario.stress) */
export function declaredStressTests(
  setup: DeterrenceSetup,
  scenario: Scenario,
  file: string,
  locate: Locate,
): { tests: ShockEffects[]; warnings: Diagnostic[] } {
  const tests: ShockEffects[] = [];
  const warnings: Diagnostic[] = [];
  const diags: Diagnostic[] = [];
  scenario.stress.forEach((t, i) => {
    const r = stressEffects(setup, t.name, t.shocks, ['stress', i, 'shocks']);
    if (r.ok) {
      tests.push(r.value);
      warnings.push(...r.warnings);
    } else diags.push(...r.diagnostics);
  });
  if (diags.length)
    throw new GuarantorError(
      'scenario.stress',
      `${file}: stress tests name actors the scenario does not involve`,
      locate(diags),
    );
  return { tests, warnings: locate(warnings) };
}
