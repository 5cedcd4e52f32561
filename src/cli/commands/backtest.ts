// backtest: run the deterrence model on the historical cases, calibrate its free parameters by maximum likelihood
// and score the forecasts out of sample (leave-one-out); see docs/validation.md

import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { GuarantorError } from '../../core/errors.js';
import { LABEL_KEYS } from '../../core/schema/historical.js';
import { didYouMean } from '../../core/util/did-you-mean.js';
import { type BacktestReport, calibratedYaml, runBacktest } from '../../core/validation/backtest.js';
import { loadCatalog } from '../../node/catalog-files.js';
import { loadPriors, PRIORS_FILE } from '../../node/deterrence-files.js';
import { loadBacktestSettings, loadHistoricalCasesStrict } from '../../node/historical-files.js';
import { type CliContext, outputFormat, printJson } from '../context.js';
import { paint } from '../io.js';
import { type Cell, renderMarkdown, renderTable } from '../table.js';
import { parseCount } from './deterrence-options.js';

interface BacktestFlags {
  samples?: string;
  seed?: string;
  judgement: boolean;
  misses?: string;
  label?: string;
  calibratedOut?: string;
  json?: boolean;
  markdown?: boolean;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const num = (x: number) => (Number.isNaN(x) ? 'n/a' : x.toFixed(3));

export function registerBacktest(program: Command, ctx: CliContext): void {
  program
    .command('backtest')
    .description(
      'Run the deterrence model on the historical cases: forecasts beside outcomes, Brier, AUC, calibration, misses',
    )
    .option(
      '--samples <n>',
      'Monte Carlo samples per case and grid point (default: validation/backtest.yaml)',
    )
    .option('--seed <s>', 'random seed (default: validation/backtest.yaml)')
    .option(
      '--no-judgement',
      'ignore the analyst judgements (local balance, revisionist claim); use era figures only',
    )
    .option(
      '--label <outcome>',
      `outcome to score: ${LABEL_KEYS.join(', ')} (default: validation/backtest.yaml)`,
    )
    .option('--misses <n>', 'how many worst misses to explain (default 5)')
    .option(
      '--calibrated-out <file>',
      "write the calibrated values as YAML; validation/calibrated.yaml is the model's defaults file",
    )
    .option('--json', 'the full report as JSON (field names documented in docs/validation.md)')
    .option('--markdown', 'tables as markdown')
    .action(async (flags: BacktestFlags) => {
      const samples = flags.samples === undefined ? undefined : parseCount('--samples', flags.samples);
      const seed = flags.seed === undefined ? undefined : parseCount('--seed', flags.seed);
      const misses = flags.misses === undefined ? 5 : parseCount('--misses', flags.misses);
      const loaded = loadBacktestSettings();
      if (flags.label !== undefined && !(LABEL_KEYS as readonly string[]).includes(flags.label)) {
        const guess = didYouMean(flags.label, LABEL_KEYS);
        throw new GuarantorError('usage.label', `--label must be one of ${LABEL_KEYS.join(', ')}`, [
          {
            code: 'usage.label',
            message: `--label must be one of ${LABEL_KEYS.join(', ')}, got '${flags.label}'`,
            path: ['--label'],
            hint: guess ? `did you mean '${guess}'?` : 'e.g. --label major20y',
          },
        ]);
      }
      const settings = flags.label
        ? { ...loaded, label: flags.label as (typeof LABEL_KEYS)[number] }
        : loaded;
      const report = await runBacktest({
        cases: loadHistoricalCasesStrict(),
        actors: loadCatalog({ strict: true }).catalog.actors,
        // calibrate the literature priors, never the calibrated defaults (that would apply the fit twice)
        priors: loadPriors(PRIORS_FILE, { set: 'literature' }),
        settings,
        mode: flags.judgement ? 'judgement' : 'structural',
        ...(samples !== undefined ? { samples } : {}),
        ...(seed !== undefined ? { seed } : {}),
      });
      if (flags.calibratedOut) writeFileSync(flags.calibratedOut, calibratedYaml(report));
      const format = outputFormat(flags);
      if (format === 'json') return printJson(ctx, report);
      ctx.io.out(`${renderReport(report, ctx, format === 'markdown', misses)}\n`);
    });
}

function renderReport(r: BacktestReport, ctx: CliContext, md: boolean, misses: number): string {
  const p = paint(ctx.io);
  const table = (h: string[], rows: Cell[][], align?: ('l' | 'r')[]) =>
    md ? renderMarkdown(h, rows, align ? { align } : {}) : renderTable(h, rows, align ? { align } : {});
  const head = (s: string) => (md ? `### ${s}` : p.bold(s));
  const out: string[] = [];
  out.push(
    head(
      `Back-test: ${r.scored} cases scored, ${r.events} attacked (${r.label}), ${r.mode === 'judgement' ? 'with' : 'without'} analyst judgement, ${r.samples} samples, seed ${r.seed}`,
    ),
  );
  out.push(
    table(
      ['case', 'start', 'commitment', 'attacked', 'P(no attack) prior', 'held-out', 'fitted'],
      r.cases.map((c) => [
        c.id,
        c.startYear,
        c.commitment,
        c.attacked === null ? 'censored' : c.attacked ? p.red('yes') : 'no',
        pct(c.pNoAttackPrior),
        pct(c.pNoAttackHeldOut),
        pct(c.pNoAttackFitted),
      ]),
      ['l', 'r', 'l', 'l', 'r', 'r', 'r'],
    ),
  );
  out.push('');
  out.push(head('Scores (forecasts of attack; lower Brier and log loss are better, AUC 0.5 = chance)'));
  const s = r.scores;
  out.push(
    table(
      ['forecast', 'Brier', 'AUC', 'log loss', 'note'],
      [
        [
          'model, literature priors',
          num(s.prior.brier),
          num(s.prior.auc),
          num(s.prior.logLoss),
          'nothing fitted',
        ],
        [
          'model, calibrated (leave-one-out)',
          num(s.heldOut.brier),
          num(s.heldOut.auc),
          num(s.heldOut.logLoss),
          'out of sample',
        ],
        [
          'base rate (leave-one-out)',
          num(s.baseRateHeldOut.brier),
          'n/a',
          num(s.baseRateHeldOut.logLoss),
          'out of sample',
        ],
        [
          'model, calibrated on all cases',
          num(s.inSample.brier),
          num(s.inSample.auc),
          num(s.inSample.logLoss),
          'in sample: optimistic',
        ],
        ['base rate (all cases)', num(s.baseRateInSample.brier), 'n/a', '', 'in sample'],
      ],
      ['l', 'r', 'r', 'r', 'l'],
    ),
  );
  out.push('');
  out.push(head('Calibration (maximum likelihood over a grid of multipliers on the priors)'));
  out.push(
    table(
      ['parameter', 'literature prior', 'calibrated default (fitted on all cases)', 'multiplier'],
      r.calibration.values.map((v) => [v.name, v.literatureSpec, v.calibratedSpec, v.multiplier]),
    ),
  );
  out.push(
    `log-likelihood: prior ${r.calibration.priorLogLikelihood}, fitted ${r.calibration.fitted.logLikelihood}; ` +
      `leave-one-out folds chose ${r.calibration.heldOutChoices.map((c) => `[${c.multipliers.join(', ')}] x${c.folds}`).join(', ')}`,
  );
  out.push('');
  out.push(head('Calibration table (held-out forecasts of attack)'));
  out.push(
    table(
      ['forecast bin', 'cases', 'mean forecast', 'observed'],
      r.calibrationTable.map((b) => [
        `${pct(b.lo)}-${pct(b.hi)}`,
        b.n,
        b.meanForecast === null ? '' : pct(b.meanForecast),
        b.observed === null ? '' : pct(b.observed),
      ]),
      ['l', 'r', 'r', 'r'],
    ),
  );
  out.push('');
  out.push(head(`Worst misses (held out) and the model's reasons`));
  for (const id of r.worstMisses.slice(0, misses)) {
    const c = r.cases.find((x) => x.id === id)!;
    const ins = [...c.reasons.instruments].sort(
      (a, b) => Math.abs(b.deltaPNoAttack) - Math.abs(a.deltaPNoAttack),
    );
    out.push(
      `${md ? '- ' : ''}${c.id} ${c.name}: forecast P(no attack) ${pct(c.pNoAttackHeldOut)}, ` +
        `${c.attacked ? 'attacked' : 'not attacked'}; guarantor response ${c.guarantorResponse}.`,
    );
    out.push(
      `  inputs: defender power ${c.reasons.defenderPowerRatio} of the aggressor's, motivation ${c.reasons.motivation}, ` +
        `aggressor ${c.reasons.aggressorNuclear ? 'nuclear' : 'non-nuclear'}` +
        (c.reasons.alignedWithAggressor ? ', aligned with the protected state' : '') +
        (c.reasons.nuclearUmbrella.length
          ? `, nuclear umbrella of ${c.reasons.nuclearUmbrella.join(', ')}`
          : '') +
        '; honour in year 1: ' +
        (c.reasons.guarantors
          .map(
            (g) =>
              `${g.id} ${g.honourProbabilityYear1 > 0 ? pct(g.honourProbabilityYear1) : 'no combat commitment'}`,
          )
          .join(', ') || 'no guarantor'),
    );
    out.push(
      `  instruments (change in P(no attack) from each): ${ins.map((x) => `${x.id} ${x.deltaPNoAttack >= 0 ? '+' : ''}${(x.deltaPNoAttack * 100).toFixed(1)} pts`).join(', ')}`,
    );
  }
  return out.join('\n');
}
