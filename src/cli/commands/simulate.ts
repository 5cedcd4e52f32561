// simulate, stress and sensitivity: the deterrence model of docs/model.md on one scenario

import type { Command } from 'commander';
import { type Attribution, attribution, type Tornado, tornado } from '../../core/deterrence/sensitivity.js';
import { type SimulationReport, simulate, stress } from '../../core/deterrence/simulate.js';
import { formatDiagnostic } from '../../core/errors.js';
import { type CliContext, outputFormat, printJson } from '../context.js';
import { paint } from '../io.js';
import { type Cell, renderMarkdown, renderTable } from '../table.js';
import {
  addRunOptions,
  cliStress,
  declaredStress,
  loadRun,
  parseCount,
  pct,
  runControls,
  runOptionsFrom,
  type SimFlags,
} from './deterrence-options.js';

const table = (md: boolean, headers: string[], rows: Cell[][], align?: ('l' | 'r')[]) =>
  md
    ? renderMarkdown(headers, rows, align ? { align } : {})
    : renderTable(headers, rows, align ? { align } : {});

const bn = (x: number) => (x === 0 ? '0' : x.toFixed(1));

function renderReport(ctx: CliContext, title: string, r: SimulationReport, md: boolean): string {
  const p = paint(ctx.io);
  const H = r.horizonYears;
  const lines = [
    p.bold(`${r.scenario}: ${title}`),
    `${H}-year horizon, ${r.samples.toLocaleString('en')} samples, seed ${r.seed}`,
    '',
    `P(no renewed major attack within ${H} years)  ${p.bold(pct(r.pNoAttack.mean))}  (s.e. ${r.pNoAttack.standardError.toFixed(4)}; 90% of parameter draws ${pct(r.pNoAttack.p5)} to ${pct(r.pNoAttack.p95)})`,
    `P(attack succeeds | attack)                  ${p.bold(pct(r.pSuccessGivenAttack.pooled))}  (90% of parameter draws ${pct(r.pSuccessGivenAttack.p5)} to ${pct(r.pSuccessGivenAttack.p95)})`,
    '',
    table(
      md,
      ['year', 'P(no attack)', 'p5', 'p95', 'forces USD bn', 'aid EUR bn', 'Ukraine USD bn'],
      r.survival.map((s, t) => [
        s.year,
        pct(s.mean),
        pct(s.p5),
        pct(s.p95),
        bn(r.costs[t]!.guarantorsForcesUsdBn),
        bn(r.costs[t]!.guarantorsAidEurBn),
        bn(r.costs[t]!.ukraineDefenceUsdBn),
      ]),
      ['r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  ];
  const g = r.guarantors.filter((x) => x.honourProbabilityYear1 > 0);
  if (g.length)
    lines.push(
      '',
      `Chance each guarantor fights if attacked in year 1: ${g.map((x) => `${x.id} ${x.honourProbabilityYear1.toFixed(2)}`).join(', ')}`,
    );
  const calibrated = r.assumptions.filter((a) => a.literature);
  if (calibrated.length)
    lines.push(
      '',
      `Calibrated defaults (historical back-test, docs/validation.md; --priors literature runs without them):`,
      ...calibrated.map(
        (a) =>
          `  ${a.name} = ${a.calibrated ?? a.spec} (literature prior ${a.literature!.spec}${a.origin === 'prior' ? '' : `; overridden by ${a.origin === 'set' ? '--set' : 'the scenario'}`})`,
      ),
    );
  else if (r.priorSet === 'literature')
    lines.push('', 'Defaults: the literature priors (--priors literature).');
  const changed = r.assumptions.filter((a) => a.origin !== 'prior');
  if (changed.length)
    lines.push(
      '',
      'Inputs changed from the priors:',
      ...changed.map((a) => `  ${a.name} = ${a.spec} (${a.origin === 'set' ? '--set' : 'scenario'})`),
    );
  lines.push(
    '',
    p.dim(
      "Costs are expected values per year: foreign troop-, aircraft- and ship-years (USD bn), military aid delivered (EUR bn), Ukraine's defence budget (USD bn). The model and its sources: docs/model.md.",
    ),
  );
  return lines.join('\n');
}

function printWarnings(ctx: CliContext, warnings: { code: string }[]): void {
  for (const w of warnings) ctx.io.err(formatDiagnostic(w as Parameters<typeof formatDiagnostic>[0]));
}

export function registerSimulate(program: Command, ctx: CliContext): void {
  addRunOptions(
    program
      .command('simulate')
      .description(
        'Monte Carlo of renewed attack over the horizon: P(no attack), survival curve, P(success | attack), costs',
      )
      .argument('<scenario>', 'catalog id or path to a YAML file'),
    100_000,
  )
    .option(
      '--shock <spec>',
      'apply shocks, e.g. government-change:USA@2 or delivery-slip:12 (repeatable)',
      (v: string, p: string[] = []) => [...p, v],
    )
    .option('--list-inputs', 'list the model inputs (names for --set and assumptions:) and exit')
    .option(
      '--json',
      'JSON: scenario, horizonYears, samples, seed, pNoAttack{}, pAttack, pSuccessGivenAttack{}, survival[], costs[], guarantors[], priorSet, assumptions[] (literature{} beside calibrated defaults)',
    )
    .option('--markdown', 'markdown tables')
    .action(async (arg: string, flags: SimFlags & { listInputs?: boolean }) => {
      const o = runOptionsFrom(flags, 100_000);
      const run = loadRun(ctx, arg, flags);
      if (flags.listInputs) {
        const rows = run.setup.inputs.assumptions;
        if (flags.json) return printJson(ctx, rows);
        ctx.io.out(
          table(
            outputFormat(flags) === 'markdown',
            ['name', 'group', 'spec', 'literature prior', 'unit', 'sources', 'evidence'],
            rows.map((a) => [
              a.name,
              a.group,
              a.spec,
              a.literature ? a.literature.spec : '',
              a.unit,
              a.sources.join(' '),
              a.evidence,
            ]),
          ),
        );
        return;
      }
      const shocks = cliStress(ctx, run.setup, flags.shock ?? []);
      const c = runControls(ctx, flags, o, 'simulate');
      const rep = await simulate(run.setup, { ...c, ...(shocks ? { shocks } : {}) });
      c.done();
      printWarnings(ctx, rep.warnings);
      if (flags.json) return printJson(ctx, rep);
      ctx.io.out(renderReport(ctx, run.resolved.scenario.title, rep, outputFormat(flags) === 'markdown'));
    });
}

export function registerStress(program: Command, ctx: CliContext): void {
  addRunOptions(
    program
      .command('stress')
      .description(
        "the baseline and every stress test side by side: the scenario's declared tests plus --shock ones",
      )
      .argument('<scenario>', 'catalog id or path to a YAML file'),
    50_000,
  )
    .option(
      '--shock <spec>',
      'extra shocks, combined into one test: government-change:USA@2, guarantor-withdraws:GBR@3, veto-used:RUS, nuclear-threat:severe@1, delivery-slip:12[:BEL] (repeatable)',
      (v: string, p: string[] = []) => [...p, v],
    )
    .option(
      '--json',
      'JSON: {baseline, tests[]}, each a simulate report; tests add name, deltaPNoAttack, deltaPSuccessGivenAttack',
    )
    .option('--markdown', 'markdown table')
    .action(async (arg: string, flags: SimFlags) => {
      const o = runOptionsFrom(flags, 50_000);
      const run = loadRun(ctx, arg, flags);
      const declared = declaredStress(ctx, run);
      const extra = cliStress(ctx, run.setup, flags.shock ?? []);
      const tests = [...declared.tests, ...(extra ? [extra] : [])];
      const c = runControls(ctx, flags, o, 'stress');
      const rep = await stress(run.setup, tests, c);
      c.done();
      printWarnings(ctx, [...declared.warnings, ...rep.baseline.warnings]);
      if (flags.json) return printJson(ctx, rep);
      const H = rep.baseline.horizonYears;
      const describe = (s: (typeof rep.tests)[number]['shocks'][number]) =>
        s.type === 'delivery-slip'
          ? `delivery-slip ${s.months} months${s.actor ? ` (${s.actor})` : ''}`
          : s.type === 'nuclear-threat'
            ? `nuclear-threat ${s.severity} from year ${s.year}`
            : s.type === 'veto-used'
              ? `veto-used by ${s.actor}`
              : `${s.type} ${s.actor} in year ${s.year}`;
      const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;
      const rows: Cell[][] = [
        [
          'baseline',
          pct(rep.baseline.pNoAttack.mean),
          '',
          pct(rep.baseline.pSuccessGivenAttack.pooled),
          '',
          'none',
        ],
        ...rep.tests.map((t) => [
          t.name,
          pct(t.pNoAttack.mean),
          signed(t.deltaPNoAttack),
          pct(t.pSuccessGivenAttack.pooled),
          signed(t.deltaPSuccessGivenAttack),
          t.shocks.map(describe).join('; '),
        ]),
      ];
      ctx.io.out(
        [
          paint(ctx.io).bold(`${rep.baseline.scenario}: stress tests`),
          `${H}-year horizon, ${o.samples.toLocaleString('en')} samples, seed ${o.seed}, common random numbers`,
          '',
          table(
            outputFormat(flags) === 'markdown',
            ['test', `P(no attack ${H}y)`, 'change', 'P(success|attack)', 'change', 'shocks'],
            rows,
            ['l', 'r', 'r', 'r', 'r', 'l'],
          ),
          ...(tests.length
            ? []
            : ['', 'No stress tests: the scenario declares none; add --shock to run one.']),
        ].join('\n'),
      );
    });
}

export function registerSensitivity(program: Command, ctx: CliContext): void {
  addRunOptions(
    program
      .command('sensitivity')
      .description(
        'tornado of the inputs that move P(no attack) most, and per-instrument attribution (ablation, Shapley)',
      )
      .argument('<scenario>', 'catalog id or path to a YAML file'),
    20_000,
  )
    .option('--top <n>', 'tornado bars to print (default 12; --json has all)')
    .option(
      '--json',
      'JSON: {tornado: {samples, seed, baseline, bars[]}, attribution: {samples, shapleySamples, seed, all, none, instruments[], method}}',
    )
    .option('--markdown', 'markdown tables')
    .action(async (arg: string, flags: SimFlags & { top?: string }) => {
      const o = runOptionsFrom(flags, 20_000);
      const top = flags.top === undefined ? 12 : parseCount('--top', flags.top);
      const run = loadRun(ctx, arg, flags);
      const c1 = runControls(ctx, flags, o, 'tornado');
      const t: Tornado = await tornado(run.setup, c1);
      c1.done();
      const c2 = runControls(ctx, flags, o, 'attribution');
      const a: Attribution = await attribution(run.setup, c2);
      c2.done();
      if (flags.json) return printJson(ctx, { tornado: t, attribution: a });
      const md = outputFormat(flags) === 'markdown';
      const H = run.setup.prepared.structure.horizon;
      const num = (x: number) =>
        Math.abs(x) >= 1000 ? x.toExponential(2) : String(Number(x.toPrecision(3)));
      const signed = (x: number | undefined) =>
        x === undefined ? '' : `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;
      ctx.io.out(
        [
          paint(ctx.io).bold(`${run.resolved.scenario.id}: what drives P(no attack within ${H} years)`),
          `${o.samples.toLocaleString('en')} samples, seed ${o.seed}, common random numbers; baseline ${pct(t.baseline)}`,
          '',
          'Tornado: each input fixed at its 10th and 90th percentile, all others uncertain',
          table(
            md,
            ['input', 'group', 'p10', 'p90', 'P at p10', 'P at p90', 'swing'],
            t.bars
              .slice(0, top)
              .map((b) => [
                b.name,
                b.group,
                num(b.low),
                num(b.high),
                pct(b.atLow),
                pct(b.atHigh),
                pct(b.swing),
              ]),
            ['l', 'l', 'r', 'r', 'r', 'r', 'r'],
          ),
          '',
          `Attribution: P(no attack) with every instrument ${pct(a.all)}, with none ${pct(a.none)}`,
          table(
            md,
            ['instrument', 'ablation', 'alone', 'Shapley'],
            a.instruments.map((i) => [i.id, signed(i.ablation), signed(i.alone), signed(i.shapley)]),
            ['l', 'r', 'r', 'r'],
          ),
          '',
          `ablation = P(all) - P(all but this); alone = P(this only) - P(none); Shapley = average marginal effect over all orders${a.shapleySamples !== null ? ` (${a.shapleySamples.toLocaleString('en')} samples)` : ' (not computed: more than 12 instruments)'}.`,
        ].join('\n'),
      );
    });
}

/** simulate, stress and sensitivity (one line in register.ts) */
export function registerDeterrence(program: Command, ctx: CliContext): void {
  registerSimulate(program, ctx);
  registerStress(program, ctx);
  registerSensitivity(program, ctx);
}
