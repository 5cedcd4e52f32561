// guarantor report <ids...>: html, markdown or pdf with charts, findings and a bibliography (docs/reports.md)

import { writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Command } from 'commander';
import { GuarantorError } from '../../core/errors.js';
import { checkFormat, REPORT_DEFAULT_SAMPLES } from '../../report/report-format.js';
import type { CliContext } from '../context.js';
import { parseCount } from './deterrence-options.js';

interface ReportFlags {
  format: string;
  out?: string;
  samples?: string;
  seed?: string;
  horizon?: string;
  threads?: string;
  simulate?: boolean;
}

export function registerReport(program: Command, ctx: CliContext): void {
  program
    .command('report')
    .description(
      'a report on one or more scenarios: instruments, scorecard, findings, forces and cost, simulation charts, bibliography',
    )
    .argument('<ids...>', 'catalog ids or YAML files; several ids add a comparison')
    .option('--format <format>', 'html | md | pdf (pdf needs Chromium and --out)', 'html')
    .option('--out <file>', 'write to this file (default: stdout for html and md)')
    .option(
      '--samples <n>',
      `Monte Carlo samples per simulation (default ${REPORT_DEFAULT_SAMPLES.toLocaleString('en')})`,
    )
    .option('--seed <s>', 'random seed (default 1); same seed, same report')
    .option('--horizon <years>', "years to simulate for every scenario (default: each scenario's own)")
    .option('--threads <t>', 'worker threads for large runs (default: the machine)')
    .option('--no-simulate', 'leave out the simulation (P(no attack), survival, tornado, attribution)')
    .action(async (ids: string[], flags: ReportFlags) => {
      const format = checkFormat(flags.format);
      if (format === 'pdf' && !flags.out)
        throw new GuarantorError('usage.report-out', 'a pdf report needs --out FILE (it is binary)', [
          {
            code: 'usage.report-out',
            message: 'a pdf report needs --out FILE (it is binary)',
            path: ['--out'],
            hint: 'e.g. guarantor report s08-reassurance-force --format pdf --out report.pdf',
          },
        ]);
      // loaded on use: Observable Plot, JSDOM and the model are heavy for every other command's start-up
      const { buildReport } = await import('../../report/build-report.js');
      const r = await buildReport(ids, {
        format,
        cwd: ctx.io.cwd,
        ...(flags.samples !== undefined ? { samples: parseCount('--samples', flags.samples) } : {}),
        ...(flags.seed !== undefined ? { seed: parseCount('--seed', flags.seed) } : {}),
        ...(flags.horizon !== undefined ? { horizon: parseCount('--horizon', flags.horizon) } : {}),
        ...(flags.threads !== undefined ? { threads: parseCount('--threads', flags.threads) } : {}),
        simulate: flags.simulate !== false,
        ...(ctx.io.env.GUARANTOR_CHROMIUM ? { chromium: ctx.io.env.GUARANTOR_CHROMIUM } : {}),
      });
      if (!flags.out) {
        ctx.io.out(r.body as string);
        return;
      }
      const path = isAbsolute(flags.out) ? flags.out : join(ctx.io.cwd, flags.out);
      try {
        writeFileSync(path, r.body);
      } catch (e) {
        throw new GuarantorError(
          'report.write-failed',
          `cannot write ${flags.out}: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
      const size = typeof r.body === 'string' ? Buffer.byteLength(r.body) : r.body.byteLength;
      ctx.io.err(`wrote ${flags.out} (${format}, ${size.toLocaleString('en')} bytes)`);
    });
}
