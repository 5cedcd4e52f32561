// shared plumbing of simulate, stress and sensitivity: flag parsing with usage errors (exit 2), scenario setup with
// file-located errors (exit 1), shocks from --shock, the worker-pool executor and progress on stderr

import { join } from 'node:path';
import type { Command } from 'commander';
import { parseSetItems } from '../../core/deterrence/assumptions.js';
import {
  checkHorizon,
  type DeterrenceSetup,
  type RunOptions,
  setupDeterrence,
  stressEffects,
} from '../../core/deterrence/simulate.js';
import type { ShockEffects } from '../../core/deterrence/structure.js';
import { MAX_SAMPLES } from '../../core/engine/chunks.js';
import { type Diagnostic, formatDiagnostic, GuarantorError } from '../../core/errors.js';
import { MAX_SEED } from '../../core/rng/streams.js';
import { type Shock, Shock as ShockSchema } from '../../core/schema/shock.js';
import { parseLocatedYaml } from '../../core/yaml/located-yaml.js';
import { loadCatalog, type ResolvedScenario, resolveScenario } from '../../node/catalog-files.js';
import { loadPriors, pooledExecutor } from '../../node/deterrence-files.js';
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
  if (samples < 1 || samples > MAX_SAMPLES)
    throw usage(
      'usage.samples',
      `--samples must be from 1 to ${MAX_SAMPLES.toExponential(0)}, got ${samples.toExponential(2)}`,
      '--samples',
      'a million samples already pin P(no attack) to about 0.0005; try --samples 100000',
    );
  const seed = flags.seed === undefined ? 1 : parseCount('--seed', flags.seed);
  if (seed < 0 || seed >= MAX_SEED)
    throw usage(
      'usage.seed',
      `--seed must be an integer from 0 to 2^53 - 1, got ${flags.seed}`,
      '--seed',
      'e.g. --seed 42',
    );
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
  const doc = parseLocatedYaml(text.text, r.file);
  if (!doc.ok) return diags;
  return diags.map((d) =>
    d.path[0] === 'assumptions' || d.path[0] === 'stress'
      ? {
          ...d,
          file: r.file,
          ...(d.path[0] === 'assumptions' ? doc.doc.locateKey(d.path) : doc.doc.locate(d.path)),
        }
      : d,
  );
}

export interface LoadedRun {
  resolved: ResolvedScenario;
  setup: DeterrenceSetup;
}

/** resolves <id|file>, applies --horizon and --set; bad flags exit 2, a bad file exits 1 with its location */
export function loadRun(ctx: CliContext, arg: string, flags: SimFlags): LoadedRun {
  const horizon = flags.horizon === undefined ? undefined : parseCount('--horizon', flags.horizon);
  if (horizon !== undefined) checkHorizon(horizon);
  const parsedSets = parseSetItems(flags.set ?? []);
  if (parsedSets.diagnostics.length)
    throw new GuarantorError('usage.set', parsedSets.diagnostics[0]!.message, parsedSets.diagnostics);
  const resolved = resolveScenario(arg, ctx.io.cwd);
  const { catalog } = loadCatalog();
  const r = setupDeterrence(resolved.scenario, catalog.actors, loadPriors(), {
    ...(horizon !== undefined ? { horizon } : {}),
    sets: parsedSets.sets,
  });
  if (!r.ok) {
    const fromFlags = r.diagnostics.filter((d) => d.code.startsWith('usage.'));
    if (fromFlags.length) throw new GuarantorError(fromFlags[0]!.code, fromFlags[0]!.message, fromFlags);
    throw new GuarantorError(
      'scenario.assumptions',
      `${resolved.file}: the scenario's model inputs are invalid`,
      locateInScenario(resolved, ctx.io.cwd, r.diagnostics),
    );
  }
  return { resolved, setup: r.value };
}

const SHOCK_FORMS =
  'government-change:ACTOR@YEAR, guarantor-withdraws:ACTOR@YEAR, veto-used:ACTOR, nuclear-threat[:moderate|severe][@YEAR], delivery-slip:MONTHS[:ACTOR]';

/** `government-change:USA@2`, `delivery-slip:12`, `delivery-slip:12:BEL`, `nuclear-threat:severe@1`, `veto-used:RUS` */
export function parseShock(raw: string): Shock {
  const bad = (why: string) =>
    usage('usage.shock', `--shock '${raw}': ${why}`, '--shock', `forms: ${SHOCK_FORMS}`);
  const m = /^([a-z-]+)(?::([^@]+))?(?:@(\d+))?$/.exec(raw.trim());
  if (!m) throw bad('not of the form TYPE:ARG[@YEAR]');
  const [, type, arg, year] = m as unknown as [string, string, string | undefined, string | undefined];
  let candidate: Record<string, unknown>;
  switch (type) {
    case 'government-change':
    case 'guarantor-withdraws':
      if (!arg) throw bad(`${type} needs an actor, e.g. ${type}:USA@2`);
      if (year === undefined) throw bad(`${type} needs a year after @, e.g. ${type}:${arg}@2`);
      candidate = { type, actor: arg.toUpperCase(), year: Number(year) };
      break;
    case 'veto-used':
      if (!arg) throw bad('veto-used needs an actor, e.g. veto-used:RUS');
      candidate = { type, actor: arg.toUpperCase() };
      break;
    case 'nuclear-threat':
      candidate = {
        type,
        ...(arg ? { severity: arg } : {}),
        ...(year !== undefined ? { year: Number(year) } : {}),
      };
      break;
    case 'delivery-slip': {
      const [months, actor] = (arg ?? '').split(':');
      if (!months || !/^\d+$/.test(months))
        throw bad('delivery-slip needs a number of months, e.g. delivery-slip:12');
      candidate = { type, months: Number(months), ...(actor ? { actor: actor.toUpperCase() } : {}) };
      break;
    }
    default:
      throw bad(`unknown shock type '${type}'`);
  }
  const r = ShockSchema.safeParse(candidate);
  if (!r.success)
    throw bad(r.error.issues.map((i) => `${i.path.join('.') || type}: ${i.message}`).join('; '));
  return r.data;
}

/** the CLI's --shock flags as one combined stress test; an actor the scenario does not involve exits 2 */
export function cliStress(ctx: CliContext, setup: DeterrenceSetup, raw: string[]): ShockEffects | undefined {
  if (!raw.length) return undefined;
  const shocks = raw.map(parseShock);
  const r = stressEffects(setup, 'command-line', shocks, ['--shock']);
  if (!r.ok)
    throw new GuarantorError(
      'usage.shock-actor',
      r.diagnostics[0]!.message,
      r.diagnostics.map((d) => ({ ...d, code: 'usage.shock-actor' })),
    );
  for (const w of r.warnings) ctx.io.err(formatDiagnostic(w));
  return r.value;
}

/** the scenario's declared stress tests; problems are located in its file (exit 1) */
export function declaredStress(
  ctx: CliContext,
  run: LoadedRun,
): { tests: ShockEffects[]; warnings: Diagnostic[] } {
  const tests: ShockEffects[] = [];
  const warnings: Diagnostic[] = [];
  const diags: Diagnostic[] = [];
  run.resolved.scenario.stress.forEach((t, i) => {
    const r = stressEffects(run.setup, t.name, t.shocks, ['stress', i, 'shocks']);
    if (r.ok) {
      tests.push(r.value);
      warnings.push(...r.warnings);
    } else diags.push(...r.diagnostics);
  });
  if (diags.length)
    throw new GuarantorError(
      'scenario.stress',
      `${run.resolved.file}: stress tests name actors the scenario does not involve`,
      locateInScenario(run.resolved, ctx.io.cwd, diags),
    );
  return { tests, warnings: locateInScenario(run.resolved, ctx.io.cwd, warnings) };
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
