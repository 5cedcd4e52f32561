// shared state of one CLI invocation: io, exit code, output format

import { type Diagnostic, formatDiagnostic } from '../core/errors.js';
import type { CliIo } from './io.js';

export type OutputFormat = 'table' | 'json' | 'markdown';

export interface CliContext {
  io: CliIo;
  exitCode: number;
}

export function outputFormat(opts: { json?: boolean; markdown?: boolean }): OutputFormat {
  if (opts.json) return 'json';
  if (opts.markdown) return 'markdown';
  return 'table';
}

export function printJson(ctx: CliContext, value: unknown): void {
  ctx.io.out(`${JSON.stringify(value, null, 2)}\n`);
}

export function printDiagnostics(ctx: CliContext, diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) ctx.io.err(formatDiagnostic(d));
}

/** exit codes: 0 ok, 1 invalid input or error-level findings, 2 usage */
export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;
