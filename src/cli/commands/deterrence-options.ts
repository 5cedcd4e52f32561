// shared plumbing of simulate, stress and sensitivity: flag parsing with usage errors (exit 2), scenario setup with
// file-located errors (exit 1), shocks from --shock, the worker-pool executor and progress on stderr

import { join } from 'node:path';
import type { Command } from 'commander';
import { PRIOR_SETS, type PriorSet } from '../../core/deterrence/calibrated.js';
import type { DeterrenceSetup, RunOptions } from '../../core/deterrence/simulate.js';
import type { ShockEffects } from '../../core/deterrence/structure.js';
import { type Diagnostic, formatDiagnostic, GuarantorError } from '../../core/errors.js';
import { type ResolvedScenario, resolveScenario } from '../../node/catalog-files.js';
import { pooledExecutor } from '../../node/deterrence-files.js';
import {
  checkSamples,
  checkSeed,
  declaredStressTests,
  extraStress,
  locateInText,
  setupRun,
} from '../../node/deterrence-run.js';
import { packageRoot } from '../../node/paths.js';
import { checkThreads, defaultThreads } from '../../node/pool/pool.js';
import { readTextFile } from '../../node/read-text-file.js';
import type { CliContext } from '../context.js';
import { createProgress } from '../progress.js';

export interface SimFlags {
  samples?: string;
  seed?: string;
  threads?: string;
  horizon?: string;
  set?: string[];
  priors?: string;
  shock?: string[];
  json?: boolean;
  markdown?: boolean;
  progress?: boolean;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

/** the run options every deterrence command shares */
export function addRunOptions(cmd: Command, defaultSamples: number): Command {
  return cmd
    .option('--samples <n>', `Monte Carlo samples (default ${defaultSamples.toLocaleString('en')})`)
    .option('--seed <s>', 'random seed, an integer (default 1); same seed, same result on any thread count')
    .option(
      '--threads <t>',
      'worker threads (default: the machine, runs under 50,000 samples stay in one thread)',
    )
    .option('--horizon <years>', "years to simulate, 1-100 (default: the scenario's horizonYears)")
    .option('--set <name=spec>', 'override a model input, e.g. --set honour_base=0.3 (repeatable)', collect)
    .option(
      '--priors <set>',
      "defaults: 'calibrated' (the back-test's values, the default) or 'literature' (the literature priors)",
    )
    .option('--no-progress', 'no progress output on stderr');
}

function usage(code: string, message: string, path: string, hint: string): GuarantorError {
  return new GuarantorError(code, message, [{ code, message, path: [path], hint }]);
}

/** a whole number from a flag: accepts 100000, 100_000, 100,000 and 1e5 */
export function parseCount(flag: string, raw: string): number {
  const t = raw.trim().replaceAll('_', '').replaceAll(',', '');
  const pow = /^(\d+)\^(\d+)$/.exec(t);
  const v = pow ? Number(pow[1]) ** Number(pow[2]) : /^\d+(\.\d+)?(e\d+)?$/i.test(t) ? Number(t) : Number.NaN;
  if (!Number.isFinite(v) || !Number.isInteger(v))
    throw usage(
      `usage.${flag.slice(2)}`,
      `${flag} expects a whole number, got '${raw}'`,
      flag,
      `e.g. ${flag} 10000`,
    );
  return v;
}

export function runOptionsFrom(
  flags: SimFlags,
  defaultSamples: number,
): { samples: number; seed: number; threads: number } {
  const samples = flags.samples === undefined ? defaultSamples : parseCount('--samples', flags.samples);
  checkSamples(samples);
  const seed = flags.seed === undefined ? 1 : parseCount('--seed', flags.seed);
  checkSeed(seed, flags.seed);
  const threads = flags.threads === undefined ? defaultThreads() : parseCount('--threads', flags.threads);
  checkThreads(threads);
  return { samples, seed, threads };
}

/** where the scenario's YAML lives, to put file:line:col on problems found after parsing */
function scenarioPath(r: ResolvedScenario, cwd: string): string {
  if (r.fromCatalog) return join(packageRoot, r.file);
  return r.file.startsWith('/') ? r.file : join(cwd, r.file);
}

/** adds file, line and column to diagnostics whose path points into the scenario file */
export function locateInScenario(r: ResolvedScenario, cwd: string, diags: Diagnostic[]): Diagnostic[] {
  const text = readTextFile(scenarioPath(r, cwd));
  if (!text.ok) return diags;
  return locateInText(text.text, r.file, diags);
}

export interface LoadedRun {
  resolved: ResolvedScenario;
  setup: DeterrenceSetup;
}

/** --priors calibrated|literature (usage error otherwise) */
export function parsePriorSet(raw: string | undefined): PriorSet {
  if (raw === undefined) return 'calibrated';
  if ((PRIOR_SETS as readonly string[]).includes(raw)) return raw as PriorSet;
  throw usage(
    'usage.priors',
    `--priors must be ${PRIOR_SETS.join(' or ')}, got '${raw}'`,
    '--priors',
    'calibrated: the back-test values (docs/validation.md); literature: the sourced priors (docs/model.md)',
  );
}

/** resolves <id|file>, applies --horizon and --set; bad flags exit 2, a bad file exits 1 with its location */
export function loadRun(ctx: CliContext, arg: string, flags: SimFlags): LoadedRun {
  const horizon = flags.horizon === undefined ? undefined : parseCount('--horizon', flags.horizon);
  const resolved = resolveScenario(arg, ctx.io.cwd);
  const setup = setupRun(
    resolved.scenario,
    resolved.file,
    {
      ...(horizon !== undefined ? { horizon } : {}),
      setItems: flags.set ?? [],
      priorSet: parsePriorSet(flags.priors),
    },
    (d) => locateInScenario(resolved, ctx.io.cwd, d),
  );
  return { resolved, setup };
}

export { parseShock } from '../../node/shock-spec.js';

/** the CLI's --shock flags as one combined stress test; an actor the scenario does not involve exits 2 */
export function cliStress(ctx: CliContext, setup: DeterrenceSetup, raw: string[]): ShockEffects | undefined {
  const r = extraStress(setup, raw);
  for (const w of r.warnings) ctx.io.err(formatDiagnostic(w));
  return r.effects;
}

/** the scenario's declared stress tests; problems are located in its file (exit 1) */
export function declaredStress(
  ctx: CliContext,
  run: LoadedRun,
): { tests: ShockEffects[]; warnings: Diagnostic[] } {
  return declaredStressTests(run.setup, run.resolved.scenario, run.resolved.file, (d) =>
    locateInScenario(run.resolved, ctx.io.cwd, d),
  );
}

/** executor + progress on stderr (a bar on a terminal, a line per 10% otherwise) */
export function runControls(
  ctx: CliContext,
  flags: SimFlags,
  o: { samples: number; seed: number; threads: number },
  label: string,
): RunOptions & { done: () => void } {
  const progress = createProgress(ctx.io, {
    label,
    total: o.samples,
    unit: 'samples',
    enabled: flags.progress !== false,
  });
  return {
    samples: o.samples,
    seed: o.seed,
    executor: pooledExecutor(o.threads),
    onProgress: (p) => progress.update(p.done),
    done: () => progress.finish(),
  };
}

export const pct = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');
