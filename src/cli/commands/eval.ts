// guarantor eval <model.yaml>: Monte Carlo evaluation of a standalone model (inputs, correlations, outputs)

import { resolve } from 'node:path';
import type { Command } from 'commander';
import { MAX_SAMPLES } from '../../core/engine/chunks.js';
import { compileModel } from '../../core/engine/model.js';
import { parseModelFile as parseModelFileText } from '../../core/engine/model-file.js';
import type { Summary } from '../../core/engine/summary.js';
import { formatDiagnostic, GuarantorError } from '../../core/errors.js';
import { MAX_SEED } from '../../core/rng/streams.js';
import { evaluateModelThreaded } from '../../node/pool/evaluate-model.js';
import { checkThreads, defaultThreads } from '../../node/pool/pool.js';
import { readTextFile } from '../../node/read-text-file.js';
import { type CliContext, EXIT_INVALID, outputFormat, printDiagnostics, printJson } from '../context.js';
import { paint } from '../io.js';
import { createProgress } from '../progress.js';
import { renderMarkdown, renderTable } from '../table.js';

export const DEFAULT_SAMPLES = 100_000;
export const DEFAULT_SEED = 1;

/** the fields of each output in --json, in order (stable, documented in README) */
export const EVAL_JSON_FIELDS = [
  'mean',
  'sd',
  'p5',
  'p25',
  'p50',
  'p75',
  'p95',
  'p1',
  'p10',
  'p90',
  'p99',
  'min',
  'max',
  'count',
  'nan',
] as const;

interface EvalOptions {
  samples?: string;
  seed?: string;
  threads?: string;
  json?: boolean;
  markdown?: boolean;
  progress?: boolean;
}

/** parses an integer flag; accepts 100000, 100_000 and 1e5 */
export function parseIntFlag(flag: string, raw: string, min: number, max: number, example: string): number {
  const text = raw.trim().replace(/_/g, '');
  const v = /^[+]?(\d+(\.\d*)?|\.\d+)(e[+]?\d+)?$/i.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(v) || !Number.isInteger(v)) {
    throw new GuarantorError(
      `usage.${flag}`,
      `--${flag} must be a whole number, got '${raw}' (e.g. --${flag} ${example})`,
    );
  }
  if (v < min || v > max) {
    throw new GuarantorError(
      `usage.${flag}`,
      `--${flag} must be between ${min} and ${max >= 1e6 ? max.toExponential(0).replace('e+', 'e') : max}, got ${raw} (e.g. --${flag} ${example})`,
    );
  }
  return v;
}

export function registerEval(program: Command, ctx: CliContext): void {
  program
    .command('eval')
    .description('Monte Carlo evaluation of a standalone model file: mean, sd and quantiles of each output')
    .argument('<model>', 'path to a model YAML file (inputs:, optional correlations:, outputs:)')
    .option(
      '--samples <n>',
      `number of samples, 1 to ${MAX_SAMPLES.toExponential(0)} (default ${DEFAULT_SAMPLES})`,
    )
    .option('--seed <s>', `random seed, an integer (default ${DEFAULT_SEED}); same seed, same result`)
    .option('--threads <t>', 'worker threads (default: number of CPUs); results do not depend on it')
    .option('--no-progress', 'no progress bar or progress lines')
    .option(
      '--json',
      `JSON: {model, samples, seed, chunkSize, outputs: {name: {${EVAL_JSON_FIELDS.join(', ')}}}, warnings}`,
    )
    .option('--markdown', 'markdown table')
    .action(async (file: string, opts: EvalOptions) => {
      const samples =
        opts.samples === undefined
          ? DEFAULT_SAMPLES
          : parseIntFlag('samples', opts.samples, 1, MAX_SAMPLES, '100000');
      const seed =
        opts.seed === undefined ? DEFAULT_SEED : parseIntFlag('seed', opts.seed, 0, MAX_SEED, '42');
      const threads =
        opts.threads === undefined ? defaultThreads() : parseIntFlag('threads', opts.threads, 1, 256, '2');
      checkThreads(threads);

      const read = readTextFile(resolve(ctx.io.cwd, file));
      if (!read.ok) {
        printDiagnostics(ctx, [
          {
            ...read.diagnostic,
            file,
            ...(read.diagnostic.code === 'file.not-found'
              ? { hint: 'check the path to the model file, e.g. examples/models/aid-gap.yaml' }
              : {}),
          },
        ]);
        ctx.exitCode = EXIT_INVALID;
        return;
      }
      const parsed = parseModel(read.text, file);
      if (!parsed.ok) {
        printDiagnostics(ctx, parsed.diagnostics);
        ctx.exitCode = EXIT_INVALID;
        return;
      }
      const { def, warnings, outputs } = parsed;
      for (const w of warnings) ctx.io.err(formatDiagnostic({ ...w, message: `warning: ${w.message}` }));

      const progress = createProgress(ctx.io, {
        label: 'eval',
        total: samples,
        unit: 'samples',
        enabled: opts.progress !== false && samples > 65536,
      });
      let result: Awaited<ReturnType<typeof evaluateModelThreaded>>;
      try {
        result = await evaluateModelThreaded(def, {
          samples,
          seed,
          threads,
          onProgress: (p) => progress.update(p.done),
        });
      } finally {
        progress.finish();
      }

      if (opts.json) {
        printJson(ctx, {
          model: file,
          samples,
          seed,
          chunkSize: result.chunkSize,
          outputs: Object.fromEntries(outputs.map((o) => [o, jsonSummary(result.outputs[o]!)])),
          warnings: warnings.map((w) => formatDiagnostic(w)),
        });
        return;
      }
      const headers = ['output', 'mean', 'sd', 'p5', 'p25', 'p50', 'p75', 'p95'];
      const rows = outputs.map((o) => {
        const s = result.outputs[o]!;
        const q = s.quantiles;
        return [o, s.mean, s.sd, q.p5, q.p25, q.p50, q.p75, q.p95].map((v) =>
          typeof v === 'number' ? formatNumber(v) : v,
        );
      });
      const align = headers.map((_, i) => (i === 0 ? 'l' : 'r') as 'l' | 'r');
      const p = paint(ctx.io);
      if (outputFormat(opts) === 'markdown') ctx.io.out(renderMarkdown(headers, rows, { align }));
      else {
        ctx.io.out(
          renderTable(
            headers.map((h) => p.bold(h)),
            rows,
            { align },
          ),
        );
        ctx.io.out(p.dim(`${samples} samples, seed ${seed}`));
      }
      const nan = outputs.filter((o) => result.outputs[o]!.nan > 0);
      for (const o of nan) {
        ctx.io.err(
          `warning: ${result.outputs[o]!.nan} samples of '${o}' were NaN and are excluded from its summary`,
        );
      }
    });
}

function parseModel(text: string, file: string) {
  const parsed = parseModelFileText(text, file);
  if (!parsed.ok) return parsed;
  const c = compileModel(parsed.value);
  if (!c.ok) {
    // correlation problems name a path inside correlations:, which the YAML document can locate exactly
    const diagnostics = c.diagnostics.map((d) =>
      d.path[0] === 'correlations' ? { ...d, file, ...parsed.doc.locate(d.path) } : d,
    );
    return { ok: false as const, diagnostics };
  }
  return { ok: true as const, def: parsed.value, warnings: c.value.warnings, outputs: c.value.outputs };
}

function jsonSummary(s: Summary): Record<(typeof EVAL_JSON_FIELDS)[number], number | null> {
  const q = s.quantiles;
  const v: Record<string, number> = {
    mean: s.mean,
    sd: s.sd,
    ...q,
    min: s.min,
    max: s.max,
    count: s.count,
    nan: s.nan,
  };
  // JSON has no NaN/Infinity: those become null
  return Object.fromEntries(EVAL_JSON_FIELDS.map((k) => [k, Number.isFinite(v[k]) ? v[k]! : null])) as Record<
    (typeof EVAL_JSON_FIELDS)[number],
    number | null
  >;
}

/** 4 significant digits; exponent notation outside [1e-3, 1e6) */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e6 || a < 1e-3) return x.toExponential(3).replace(/\.?0+e/, 'e');
  return String(Number(x.toPrecision(4)));
}
