// forces: size a mission (troops, rotation pool, aircraft, ships, cost with 90% intervals) and compare it with the
// pledges; or size the force instruments of a scenario; or list the archetypes and reference missions

import type { Command } from 'commander';
import { GuarantorError } from '../../core/errors.js';
import type { Archetype } from '../../core/forces/archetype.js';
import { estimateMission } from '../../core/forces/estimate-mission.js';
import type { ForcePledge } from '../../core/forces/force-pledge.js';
import type { ForcesData } from '../../core/forces/forces-data.js';
import type { Interval, MissionEstimate } from '../../core/forces/interval.js';
import { type PledgeGap, pledgeGap } from '../../core/forces/pledge-gap.js';
import { missionDensities } from '../../core/forces/reference-mission.js';
import { describeSizing, type ResolvedInput, sizeMission } from '../../core/forces/size-mission.js';
import { type ScenarioForces, sizeScenarioForces } from '../../core/forces/size-scenario.js';
import type { SourcedRange } from '../../core/forces/sourced-range.js';
import { didYouMean } from '../../core/util/did-you-mean.js';
import { loadCatalog, resolveScenario } from '../../node/catalog-files.js';
import { loadForcesData } from '../../node/forces-files.js';
import { type CliContext, outputFormat, printJson } from '../context.js';
import { paint } from '../io.js';
import { type Cell, renderMarkdown, renderTable } from '../table.js';

/** CLI flag -> calculator input; the same table names fields in error messages */
const FLAGS = {
  frontKm: '--front-km',
  density: '--density',
  formations: '--formations',
  troopsPerFormation: '--troops-per-formation',
  troops: '--troops',
  aircraft: '--aircraft',
  ships: '--ships',
  rotation: '--rotation',
  tourMonths: '--tour-months',
  years: '--years',
  readiness: '--readiness',
  costPerTroopYear: '--cost-troop',
  costPerAircraftYear: '--cost-aircraft',
  costPerShipYear: '--cost-ship',
} as const;
type FlagKey = keyof typeof FLAGS;
const label = (k: string) => (k === 'mission' ? '--mission' : (FLAGS[k as FlagKey] ?? k));
const EXAMPLE: Partial<Record<string, string>> = {
  '--front-km': '1250',
  '--years': '2',
  '--rotation': '3',
  '--readiness': '0.9',
  '--samples': '10000',
  '--seed': '42',
};

interface ForcesOptions extends Partial<Record<FlagKey, string>> {
  list?: boolean;
  mission?: string;
  pledge?: string[];
  pledges?: boolean;
  samples?: string;
  seed?: string;
  json?: boolean;
  markdown?: boolean;
}

function parseNumber(flag: string, raw: string): number {
  const t = raw.trim();
  // plain decimal numbers only: "1e3" or "0x10" are more likely typos than intent
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(t.replaceAll('_', '').replaceAll(',', ''))) {
    throw new GuarantorError('usage.forces-number', `${flag} expects a number, got '${raw}'`, [
      {
        code: 'usage.forces-number',
        message: `${flag} expects a number, got '${raw}'`,
        path: [flag],
        hint: `e.g. ${flag} ${EXAMPLE[flag] ?? '5000'}`,
      },
    ]);
  }
  return Number(t.replaceAll('_', '').replaceAll(',', ''));
}

function parsePledges(raw: string[]): ForcePledge[] {
  const { catalog } = loadCatalog();
  return raw.map((item) => {
    const m = /^([A-Za-z][A-Za-z0-9-]*)=(\d+(?:\.\d+)?)(troops|aircraft|ships)?$/.exec(item.trim());
    if (!m) {
      throw new GuarantorError(
        'usage.forces-pledge',
        `--pledge expects ACTOR=NUMBER[troops|aircraft|ships], got '${item}'`,
        [
          {
            code: 'usage.forces-pledge',
            message: `--pledge expects ACTOR=NUMBER[troops|aircraft|ships], got '${item}'`,
            path: ['--pledge'],
            hint: 'e.g. --pledge GBR=10000 --pledge FRA=24aircraft --pledge TUR=2ships',
          },
        ],
      );
    }
    const actor = m[1]!.toUpperCase();
    if (!catalog.actors.has(actor)) {
      const guess = didYouMean(actor, catalog.actors.keys());
      throw new GuarantorError('usage.unknown-actor', `unknown actor '${actor}' in --pledge`, [
        {
          code: 'usage.unknown-actor',
          message: `unknown actor '${actor}' in --pledge`,
          path: ['--pledge'],
          hint: guess
            ? `did you mean '${guess}'?`
            : 'actor ids are ISO alpha-3 codes from data/actors.yaml, e.g. GBR',
        },
      ]);
    }
    const unit = (m[3] ?? 'troops') as 'troops' | 'aircraft' | 'ships';
    return {
      actor,
      [unit]: Number(m[2]),
      status: 'offered',
      source: 'guarantor-forces-assumptions',
      evidence: 'unverified',
      note: 'entered with --pledge',
    } as ForcePledge;
  });
}

const int = (x: number) => Math.round(x).toLocaleString('en-US');
const num = (x: number) =>
  Number.isInteger(x) ? x.toLocaleString('en-US') : String(Number(x.toPrecision(3)));
function usd(x: number): string {
  const a = Math.abs(x);
  if (a >= 1e9) return `$${(x / 1e9).toFixed(a >= 1e10 ? 0 : 1)}bn`;
  if (a >= 1e6) return `$${(x / 1e6).toFixed(a >= 1e7 ? 0 : 1)}m`;
  if (a >= 1e3) return `$${(x / 1e3).toFixed(0)}k`;
  return `$${x.toFixed(0)}`;
}
const pct = (x: number | null) => (x === null ? '' : `${Math.round(x * 100)}%`);

function table(headers: string[], rows: Cell[][], markdown: boolean, align?: ('l' | 'r')[]): string {
  return markdown ? renderMarkdown(headers, rows, { align }) : renderTable(headers, rows, { align });
}

function rangeText(r: SourcedRange | undefined): string {
  return r ? `${num(r.low.value)}-${num(r.high.value)}` : '';
}

function intervalRow(name: string, i: Interval, fmt: (x: number) => string): Cell[] {
  return [name, fmt(i.central), fmt(i.p05), fmt(i.p95)];
}

function renderMission(
  e: MissionEstimate,
  gap: PledgeGap | undefined,
  archetype: Archetype,
  markdown: boolean,
  ctx: CliContext,
): string {
  const p = paint(ctx.io);
  const out: string[] = [];
  out.push(
    `${p.bold(e.mission.title)} (${e.mission.id}): ${describeSizing(archetype, e.inputs.some((i) => i.key === 'troops' && i.origin === 'user') && archetype.sizing !== 'fixed')}`,
  );
  out.push(
    `${e.years} year(s), ${e.contingents} contingent(s) of ${num(e.inputs.find((i) => i.key === 'tourMonths')!.value)} months, rotation x${num(e.rotationMultiplier)}; costs in USD; 90% interval from ${int(e.uncertainty.samples)} PERT samples (seed ${e.uncertainty.seed})`,
  );
  out.push('');
  const rows: Cell[][] = [
    intervalRow('deployed troops', e.intervals.deployed, int),
    intervalRow('committed personnel (pool)', e.intervals.committed, int),
  ];
  if (e.aircraft > 0 || e.intervals.aircraft.p95 > 0)
    rows.push(intervalRow('aircraft', e.intervals.aircraft, int));
  if (e.ships > 0 || e.intervals.ships.p95 > 0) rows.push(intervalRow('ships', e.intervals.ships, int));
  rows.push(intervalRow('cost per year', e.intervals.yearlyCost, usd));
  rows.push(intervalRow(`cost over ${num(e.years)} year(s)`, e.intervals.lifetimeCost, usd));
  out.push(table(['quantity', 'central', '5%', '95%'], rows, markdown, ['l', 'r', 'r', 'r']));
  out.push('');
  out.push(
    table(
      ['input', 'value', 'range', 'origin', 'source', 'evidence'],
      e.inputs.map((i: ResolvedInput) => [
        label(i.key),
        num(i.value),
        i.origin === 'default' ? rangeText(i.range) : '',
        i.origin,
        i.source ?? '',
        i.evidence ? (i.evidence === 'verified' ? i.evidence : p.yellow(i.evidence)) : '',
      ]),
      markdown,
      ['l', 'r', 'r', 'l', 'l', 'l'],
    ),
  );
  if (gap) {
    out.push('');
    out.push(`${p.bold('Pledges against the requirement')} (central)`);
    out.push(
      table(
        ['actor', 'troops', 'aircraft', 'ships', 'status', 'share', 'source'],
        gap.rows.map((r) => [
          r.actor,
          int(r.troops),
          int(r.aircraft),
          int(r.ships),
          r.status,
          pct(r.troopShare),
          r.source,
        ]),
        markdown,
        ['l', 'r', 'r', 'r', 'l', 'r', 'l'],
      ),
    );
    const word = (g: number) =>
      g > 0 ? p.red(`shortfall ${int(g)}`) : g < 0 ? p.green(`surplus ${int(-g)}`) : 'met';
    const parts = [
      `troops ${int(gap.pledged.troops)} of ${int(gap.required.troops)} (${word(gap.gap.troops)})`,
    ];
    if (gap.required.aircraft > 0)
      parts.push(
        `aircraft ${int(gap.pledged.aircraft)} of ${int(gap.required.aircraft)} (${word(gap.gap.aircraft)})`,
      );
    if (gap.required.ships > 0)
      parts.push(`ships ${int(gap.pledged.ships)} of ${int(gap.required.ships)} (${word(gap.gap.ships)})`);
    out.push(`pledged: ${parts.join('; ')}`);
  }
  if (archetype.anchors.length) {
    out.push('');
    for (const a of archetype.anchors) {
      out.push(
        `anchor ${a.id}: ${a.label} [${a.source}${a.evidence === 'verified' ? '' : `, ${a.evidence}`}${a.reconstruction ? ', reconstruction' : ''}]`,
      );
    }
  }
  for (const w of e.warnings) out.push(p.yellow(`warning: ${w}`));
  return out.join('\n');
}

function listing(data: ForcesData) {
  return {
    archetypes: [...data.archetypes.values()].map((a) => {
      const e = sizeMission({ mission: a.id }, data);
      return {
        id: a.id,
        title: a.title,
        sizing: a.sizing,
        deployed: e.deployed,
        aircraft: e.aircraft,
        ships: e.ships,
        presenceMissions: a.presenceMissions,
        sources: [
          ...new Set(
            e.inputs
              .filter((i) => i.range)
              .flatMap((i) => [i.range!.low.source, i.range!.central.source, i.range!.high.source]),
          ),
        ],
        anchors: a.anchors.map((x) => ({
          id: x.id,
          label: x.label,
          source: x.source,
          evidence: x.evidence,
          reconstruction: x.reconstruction,
        })),
      };
    }),
    referenceMissions: data.referenceMissions.map((m) => ({
      id: m.id,
      name: m.name,
      kind: m.kind,
      period: m.period,
      strength: m.strength.value,
      year: m.strength.year ?? null,
      frontageKm: m.frontageKm?.value ?? null,
      areaKm2: m.areaKm2?.value ?? null,
      perKm: missionDensities(m).perKm ?? null,
      perKm2: missionDensities(m).perKm2 ?? null,
      source: m.strength.source,
      evidence: [m.strength, m.frontageKm, m.areaKm2].some((f) => f?.evidence === 'unverified')
        ? 'unverified'
        : [m.strength, m.frontageKm, m.areaKm2].some((f) => f?.evidence === 'secondary')
          ? 'secondary'
          : 'verified',
    })),
    parameters: data.parameters,
  };
}

function renderListing(data: ForcesData, markdown: boolean, ctx: CliContext): string {
  const p = paint(ctx.io);
  const l = listing(data);
  const out: string[] = [
    p.bold('Mission archetypes (central defaults; guarantor forces --mission <id> for intervals)'),
  ];
  out.push(
    table(
      ['id', 'sizing', 'troops', 'aircraft', 'ships', 'anchors', 'scenario missions'],
      l.archetypes.map((a) => [
        a.id,
        a.sizing,
        int(a.deployed),
        int(a.aircraft),
        int(a.ships),
        a.anchors.map((x) => x.id).join(', '),
        a.presenceMissions.join(', '),
      ]),
      markdown,
      ['l', 'l', 'r', 'r', 'r', 'l', 'l'],
    ),
  );
  out.push('', p.bold('Reference missions (strength per km of frontage / per km2 of area)'));
  out.push(
    table(
      ['id', 'strength', 'year', 'km', 'per km', 'per km2', 'source', 'evidence'],
      l.referenceMissions.map((m) => [
        m.id,
        int(m.strength),
        m.year ?? '',
        m.frontageKm === null ? '' : int(m.frontageKm),
        m.perKm === null ? '' : num(m.perKm),
        m.perKm2 === null ? '' : num(m.perKm2),
        m.source,
        m.evidence === 'verified' ? m.evidence : p.yellow(m.evidence),
      ]),
      markdown,
      ['l', 'r', 'r', 'r', 'r', 'r', 'l', 'l'],
    ),
  );
  out.push('', p.bold('Shared parameters (low / central / high)'));
  const params = data.parameters;
  const rangeRows = (
    [
      'frontKm',
      'rotation',
      'readiness',
      'costPerTroopYear',
      'costPerAircraftYear',
      'costPerShipYear',
    ] as const
  ).map((k) => {
    const r = params[k];
    const f = k.startsWith('cost') ? usd : num;
    return [label(k), f(r.low.value), f(r.central.value), f(r.high.value), r.unit, r.central.source];
  });
  for (const k of ['tourMonths', 'years'] as const) {
    const v = params[k];
    rangeRows.push([label(k), '', num(v.value), '', v.unit, v.source]);
  }
  out.push(
    table(['input', 'low', 'central', 'high', 'unit', 'central source'], rangeRows, markdown, [
      'l',
      'r',
      'r',
      'r',
      'l',
      'l',
    ]),
  );
  return out.join('\n');
}

/** air and sea archetypes require no troops: leave their troop cells empty rather than print 0 (0-0) */
const troopsMatter = (g: ScenarioForces['groups'][number]) =>
  g.requirement !== null && (g.requirement.intervals.deployed.p95 > 0 || g.pledged.troops > 0);

function renderScenario(s: ScenarioForces, title: string, markdown: boolean, ctx: CliContext): string {
  const p = paint(ctx.io);
  const out: string[] = [
    `${p.bold(title)} (${s.scenario}): force instruments against the sized requirement`,
    `front ${int(s.frontKm.value)} km (${s.frontKm.origin}, ${s.frontKm.source}); costs in USD; 90% intervals from ${int(s.uncertainty.samples)} samples (seed ${s.uncertainty.seed})`,
    '',
  ];
  if (s.groups.length === 0) {
    out.push('this package puts no troops, aircraft or ships anywhere (no depth.forces entries)');
    return out.join('\n');
  }
  const req = (x: number, i?: Interval) => (i ? `${int(x)} (${int(i.p05)}-${int(i.p95)})` : int(x));
  out.push(
    table(
      [
        'mission',
        'sized as',
        'years',
        'required troops',
        'pledged',
        'gap',
        'aircraft req/pl',
        'ships req/pl',
        'cost/yr pledged',
      ],
      s.groups.map((g) => [
        g.mission,
        g.archetype?.id ?? '(none)',
        num(g.years),
        troopsMatter(g) ? req(g.requirement!.deployed, g.requirement!.intervals.deployed) : '',
        int(g.pledged.troops),
        troopsMatter(g) ? int(g.gap.troops) : '',
        g.requirement ? `${int(g.requirement.aircraft)}/${int(g.pledged.aircraft)}` : int(g.pledged.aircraft),
        g.requirement ? `${int(g.requirement.ships)}/${int(g.pledged.ships)}` : int(g.pledged.ships),
        `${usd(g.pledgedYearlyCost.central)} (${usd(g.pledgedYearlyCost.p05)}-${usd(g.pledgedYearlyCost.p95)})`,
      ]),
      markdown,
      ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  out.push('', p.bold('Contributions by actor'));
  out.push(
    table(
      ['mission', 'actor', 'troops', 'aircraft', 'ships', 'instruments'],
      s.groups.flatMap((g) =>
        g.pledged.byActor.map((a) => [
          g.mission,
          a.actor,
          int(a.troops),
          int(a.aircraft),
          int(a.ships),
          a.instruments.join(', '),
        ]),
      ),
      markdown,
      ['l', 'l', 'r', 'r', 'r', 'l'],
    ),
  );
  const t = s.totals;
  out.push(
    '',
    `total pledged: ${int(t.troops)} troops (${int(t.committed)} committed with rotation), ${int(t.aircraft)} aircraft, ${int(t.ships)} ships; ` +
      `cost ${usd(t.yearlyCost.central)}/yr (90%: ${usd(t.yearlyCost.p05)}-${usd(t.yearlyCost.p95)}), ${usd(t.lifetimeCost.central)} over the instruments' durations`,
  );
  for (const w of s.warnings) out.push(p.yellow(`warning: ${w}`));
  return out.join('\n');
}

export function registerForces(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('forces')
    .description(
      "size a mission (troops, rotation, aircraft, ships, cost with 90% intervals) or a scenario's force instruments",
    )
    .argument('[scenario]', 'catalog id or YAML file: size its force instruments against the requirement')
    .option('--list', 'list mission archetypes, reference missions and shared parameters with their sources')
    .option('--mission <archetype>', 'size one mission archetype, e.g. ceasefire-monitoring (see --list)');
  for (const [key, flag] of Object.entries(FLAGS) as [FlagKey, string][]) {
    cmd.option(`${flag} <n>`, `override ${key} (default: the sourced central value)`);
  }
  cmd
    .option(
      '--pledge <actor=n>',
      'a pledge ACTOR=NUMBER[troops|aircraft|ships]; repeat; replaces the shipped offers',
      (v: string, acc: string[] = []) => [...acc, v],
    )
    .option('--no-pledges', 'do not compare with pledges')
    .option('--samples <n>', 'Monte Carlo samples for the 90% intervals (default 10000)')
    .option('--seed <n>', 'random seed (default 1); same seed, same intervals')
    .option(
      '--json',
      'JSON: the mission estimate {mission, deployed, committed, ..., intervals, inputs, pledges}, the scenario sizing, or the listing',
    )
    .option('--markdown', 'markdown tables')
    .action((arg: string | undefined, opts: ForcesOptions) => {
      const data = loadForcesData();
      const format = outputFormat(opts);
      const markdown = format === 'markdown';
      const sampling = {
        ...(opts.samples !== undefined ? { samples: parseNumber('--samples', opts.samples) } : {}),
        ...(opts.seed !== undefined ? { seed: parseNumber('--seed', opts.seed) } : {}),
      };
      if (opts.list) {
        if (format === 'json') return printJson(ctx, listing(data));
        ctx.io.out(renderListing(data, markdown, ctx));
        return;
      }
      if (arg !== undefined && opts.mission !== undefined) {
        throw new GuarantorError('usage.forces-args', 'give either a scenario or --mission, not both', [
          {
            code: 'usage.forces-args',
            message: 'give either a scenario or --mission, not both',
            path: [],
            hint: 'guarantor forces <scenario> | guarantor forces --mission <archetype>',
          },
        ]);
      }
      if (arg !== undefined) {
        const r = resolveScenario(arg, ctx.io.cwd);
        const s = sizeScenarioForces(r.scenario, data, sampling);
        if (format === 'json') return printJson(ctx, s);
        ctx.io.out(renderScenario(s, r.scenario.title, markdown, ctx));
        return;
      }
      if (opts.mission === undefined) {
        throw new GuarantorError(
          'usage.forces-args',
          'name a scenario, or pass --mission <archetype> or --list',
          [
            {
              code: 'usage.forces-args',
              message: 'name a scenario, or pass --mission <archetype> or --list',
              path: [],
              hint: 'e.g. guarantor forces --mission ceasefire-monitoring --front-km 1250 --rotation 3 --years 2',
            },
          ],
        );
      }
      const overrides: Record<string, number> = {};
      for (const [key, flag] of Object.entries(FLAGS) as [FlagKey, string][]) {
        const raw = opts[key];
        if (raw !== undefined) overrides[key] = parseNumber(flag, raw);
      }
      const e = estimateMission({ mission: opts.mission, ...overrides }, data, { ...sampling, label });
      const archetype = data.archetypes.get(e.mission.id)!;
      const pledges =
        opts.pledges === false ? undefined : opts.pledge?.length ? parsePledges(opts.pledge) : data.pledges;
      const gap = pledges
        ? pledgeGap({ troops: e.deployed, aircraft: e.aircraft, ships: e.ships }, pledges)
        : undefined;
      if (format === 'json') return printJson(ctx, { ...e, pledges: gap ?? null });
      ctx.io.out(renderMission(e, gap, archetype, markdown, ctx));
    });
}
