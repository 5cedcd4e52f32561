// assess and compare: explainable findings and weighted scorecards

import type { Command } from 'commander';
import { assessScenario, hasErrors } from '../../core/assess/assess.js';
import { DEFAULT_WEIGHTS, parseWeights } from '../../core/assess/scorecard.js';
import { DIMENSIONS, type Dimension } from '../../core/assess/types.js';
import { GuarantorError } from '../../core/errors.js';
import { loadCatalog, resolveScenario } from '../../node/catalog-files.js';
import { compareScenarios } from '../../node/comparison.js';
import { type CliContext, EXIT_INVALID, outputFormat, printJson } from '../context.js';
import { paint } from '../io.js';
import { renderAssessment } from '../render/assessment-text.js';
import { renderMarkdown, renderTable } from '../table.js';

const weightsOption = 'dimension weights, e.g. commitment=2,veto=0.5 (default: all 1)';

function weightsFrom(opts: { weights?: string }): Record<Dimension, number> {
  return opts.weights ? parseWeights(opts.weights) : DEFAULT_WEIGHTS;
}

export function registerAssess(program: Command, ctx: CliContext): void {
  program
    .command('assess')
    .description('findings and a weighted scorecard for one scenario; exit 1 on error-level findings')
    .argument('<scenario>', 'catalog id or path to a YAML file')
    .option('--weights <list>', weightsOption)
    .option('--json', 'JSON: {scenario, overall, weights, scores[], parties[], findings[]}')
    .option('--markdown', 'markdown')
    .action((arg: string, opts: { weights?: string; json?: boolean; markdown?: boolean }) => {
      const weights = weightsFrom(opts);
      const { catalog } = loadCatalog();
      const r = resolveScenario(arg, ctx.io.cwd);
      const a = assessScenario(r.scenario, catalog, { weights });
      if (hasErrors(a)) ctx.exitCode = EXIT_INVALID;
      if (opts.json) return printJson(ctx, a);
      ctx.io.out(
        renderAssessment(a, r.scenario.title, catalog, paint(ctx.io), outputFormat(opts) === 'markdown'),
      );
    });
}

const SHORT: Record<Dimension, string> = {
  commitment: 'commit',
  timing: 'timing',
  durability: 'durable',
  credibility: 'credible',
  veto: 'no-veto',
  coverage: 'coverage',
  'self-reliance': 'self-rel',
  acceptability: 'accept',
  feasibility: 'feasible',
};

export { type ComparisonRow, comparisonRow } from '../../node/comparison.js';

const STANCE_MARK: Record<string, string> = {
  accepts: 'yes',
  proposed: 'yes',
  conditional: 'cond',
  rejects: 'NO',
  unknown: '?',
};

export function registerCompare(program: Command, ctx: CliContext): void {
  program
    .command('compare')
    .description('scorecards side by side (rows: scenarios; columns: dimensions, parties, findings)')
    .argument('[scenarios...]', 'catalog ids or YAML files')
    .option('--all', 'the whole catalog')
    .option('--sort <key>', "sort rows by 'overall' or a dimension (descending)")
    .option('--weights <list>', weightsOption)
    .option('--json', 'JSON array: id, title, systems, overall, scores{}, parties{}, findings{}, simulated{}')
    .option('--markdown', 'markdown table')
    .option(
      '--no-simulate',
      'skip the simulated columns (P(no attack), P(success | attack); 10,000 samples, seed 1)',
    )
    .action(
      async (
        args: string[],
        opts: {
          all?: boolean;
          sort?: string;
          weights?: string;
          json?: boolean;
          markdown?: boolean;
          simulate?: boolean;
        },
      ) => {
        const weights = weightsFrom(opts);
        const { catalog } = loadCatalog();
        const resolved = opts.all
          ? [...catalog.scenarios.values()].map((e) => ({ scenario: e.scenario }))
          : args.map((x) => resolveScenario(x, ctx.io.cwd));
        if (resolved.length === 0) {
          throw new GuarantorError('usage.compare', 'name scenarios to compare, or pass --all');
        }
        const rows = await compareScenarios(
          resolved.map((r) => r.scenario),
          catalog,
          { weights, simulate: opts.simulate !== false, ...(opts.sort ? { sort: opts.sort } : {}) },
        );
        if (rows.some((r) => r.findings.error > 0)) ctx.exitCode = EXIT_INVALID;
        if (opts.json) return printJson(ctx, rows);
        const partyIds = catalog.parties.map((p) => p.id);
        const headers = [
          'scenario',
          'systems',
          'overall',
          ...DIMENSIONS.map((d) => SHORT[d]),
          ...partyIds,
          'warn',
          'err',
        ];
        const cells = rows.map((r) => [
          r.id,
          r.systems.join(' '),
          r.overall,
          ...DIMENSIONS.map((d) => r.scores[d]),
          ...partyIds.map((p) => STANCE_MARK[r.parties[p] ?? 'unknown']),
          r.findings.warning,
          r.findings.error,
          ...(r.simulated
            ? [r.simulated.pNoAttack.toFixed(2), r.simulated.pSuccessGivenAttack.toFixed(2)]
            : []),
        ]);
        if (opts.simulate !== false) headers.push('P(no-att)', 'P(succ)');
        const align = headers.map((_, i) =>
          (i >= 2 && i < 3 + DIMENSIONS.length) || i >= headers.length - (opts.simulate !== false ? 2 : 0)
            ? 'r'
            : 'l',
        ) as ('l' | 'r')[];
        const table =
          outputFormat(opts) === 'markdown'
            ? renderMarkdown(headers, cells, { align })
            : renderTable(headers, cells, { align });
        const nonDefault = DIMENSIONS.filter((d) => weights[d] !== 1).map((d) => `${d}=${weights[d]}`);
        ctx.io.out(
          [
            table,
            '',
            `Scores 0-100 per dimension (higher is better); overall = weighted mean, weights ${nonDefault.length ? nonDefault.join(', ') : 'all 1'}.`,
            `Parties: yes = accepts or proposed, cond = reservations, NO = a stated red line is crossed (guarantor assess <id> shows why and the sources).`,
            ...(opts.simulate !== false
              ? [
                  `P(no-att) = P(no renewed major attack within each scenario's horizon), P(succ) = P(attack succeeds | attack): deterrence model, ${(10_000).toLocaleString('en')} samples, seed 1 (guarantor simulate <id> for intervals; --no-simulate to skip).`,
                ]
              : []),
          ].join('\n'),
        );
      },
    );
}
