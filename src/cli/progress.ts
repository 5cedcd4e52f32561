// progress for long runs: a bar on a terminal, one plain line per 10% otherwise (CI logs stay readable).
// Always on stderr, so --json output on stdout stays clean.

import cliProgress from 'cli-progress';
import type { CliIo } from './io.js';

export interface ProgressReporter {
  /** samples (or any unit) finished so far */
  update(done: number): void;
  /** completes the bar / prints nothing more */
  finish(): void;
}

const SILENT: ProgressReporter = { update: () => {}, finish: () => {} };

/**
 * A reporter for `total` units. Silent when disabled; a cli-progress bar on a TTY (unless CI is set); otherwise a line
 * `label: 30% (300000/1000000 samples)` each time a new 10% step is crossed.
 * @example const p = createProgress(ctx.io, { label: 'eval', total: 1e6, unit: 'samples' }); p.update(5e5); p.finish();
 */
export function createProgress(
  io: CliIo,
  opts: { label: string; total: number; unit?: string; enabled?: boolean; stream?: NodeJS.WritableStream },
): ProgressReporter {
  if (opts.enabled === false || opts.total <= 0) return SILENT;
  const unit = opts.unit ?? 'items';
  if (io.isTTY && !io.env.CI) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${opts.label} [{bar}] {percentage}% | {value}/{total} ${unit} | eta {eta_formatted}`,
        stream: opts.stream ?? process.stderr,
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 20,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(opts.total, 0);
    return {
      update: (done) => bar.update(done),
      finish: () => bar.stop(),
    };
  }
  let lastStep = 0;
  return {
    update(done) {
      const step = Math.floor((10 * done) / opts.total);
      if (step > lastStep) {
        lastStep = step;
        io.err(`${opts.label}: ${step * 10}% (${done}/${opts.total} ${unit})`);
      }
    },
    finish() {},
  };
}
