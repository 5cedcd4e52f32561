// list, show, sources, schema: reading the catalog and its reference data

import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { GuarantorError } from '../../core/errors.js';
import type { Instrument } from '../../core/schema/instrument.js';
import { scenarioJsonSchema } from '../../core/schema/json-schema.js';
import type { Scenario } from '../../core/schema/scenario.js';
import { loadCatalog, resolveScenario } from '../../node/catalog-files.js';
import { packageRoot } from '../../node/paths.js';
import { readTextFile } from '../../node/read-text-file.js';
import { sourceDetail, sourcesList } from '../../node/sources-json.js';
import { type CliContext, outputFormat, printJson } from '../context.js';
import { paint } from '../io.js';
import { renderMarkdown, renderTable } from '../table.js';

const fmt = (n: number) => n.toLocaleString('en-US');

export function registerList(program: Command, ctx: CliContext): void {
  program
    .command('list')
    .description('list the scenarios in the shipped catalog')
    .option('--json', 'JSON array: id, title, systems, category, status, asOf, instruments, file')
    .option('--markdown', 'markdown table')
    .action((opts: { json?: boolean; markdown?: boolean }) => {
      const { catalog } = loadCatalog();
      const rows = [...catalog.scenarios.values()].map(({ scenario: s, file }) => ({
        id: s.id,
        title: s.title,
        systems: s.systems,
        category: s.category,
        status: s.status,
        asOf: s.asOf,
        instruments: s.instruments.length,
        file,
      }));
      const format = outputFormat(opts);
      if (format === 'json') return printJson(ctx, rows);
      const headers = ['id', 'title', 'systems', 'category', 'status', 'as of'];
      const cells = rows.map((r) => [r.id, r.title, r.systems.join(' '), r.category, r.status, r.asOf]);
      ctx.io.out(format === 'markdown' ? renderMarkdown(headers, cells) : renderTable(headers, cells));
    });
}

function evidenceMark(e: string): string {
  return e === 'verified' ? '' : ` [${e}]`;
}

function describeInstrument(i: Instrument): string[] {
  const lines = [
    `- ${i.id}: ${i.title}${evidenceMark(i.evidence)}`,
    `    guarantors: ${i.guarantors.join(', ') || '(none)'}; obligations: ${i.obligations.join(', ')}; strength: ${i.strength} (${i.automaticity})`,
    `    trigger: ${i.trigger.timing}, ${i.trigger.threshold}${i.trigger.adversary ? ` by ${i.trigger.adversary}` : ''}; domains: ${i.trigger.domains.join(', ')}${
      i.trigger.responseDeadlineHours !== undefined
        ? `; respond within ${i.trigger.responseDeadlineHours} h`
        : ''
    }${i.trigger.excludedTerritories.length ? `; excludes ${i.trigger.excludedTerritories.join(', ')}` : ''}`,
    `    legal: ${i.legal.form}, ratification ${i.legal.ratification}, ${i.legal.status}; duration: ${
      i.duration.unspecified
        ? 'not specified'
        : i.duration.years === null
          ? 'indefinite'
          : `${i.duration.years} years`
    }${i.duration.terminationNoticeMonths !== undefined ? `, ${i.duration.terminationNoticeMonths} months' notice` : ''}; decision: ${i.decision.rule}${
      i.decision.vetoHolders.length ? ` (veto: ${i.decision.vetoHolders.join(', ')})` : ''
    }`,
  ];
  for (const f of i.depth.forces) {
    const what = [
      f.troops !== undefined ? `${fmt(f.troops)} troops` : '',
      f.aircraft !== undefined ? `${fmt(f.aircraft)} aircraft` : '',
      f.ships !== undefined ? `${fmt(f.ships)} ships` : '',
    ].filter(Boolean);
    lines.push(
      `    forces: ${f.actor} ${what.join(', ')}, ${f.mission} at ${f.location}${f.heavy ? ', heavy' : ''} [${f.source}]${evidenceMark(f.evidence)}`,
    );
  }
  for (const p of i.pledges) {
    const money = p.money
      ? `${p.money.currency} ${fmt(p.money.amount)}${p.money.scale === 'unit' ? '' : p.money.scale === 'million' ? 'm' : 'bn'}${p.money.perYear ? '/yr' : ''}`
      : '';
    const qty = p.quantity !== undefined ? `${fmt(p.quantity)} ${p.unit ?? ''}`.trim() : '';
    lines.push(
      `    pledge: ${p.actor} ${[p.item, qty, money].filter(Boolean).join(' · ')}${p.due ? ` by ${p.due}` : ''} [${p.source}]${evidenceMark(p.evidence)}`,
    );
  }
  if (i.voidIf.length) lines.push(`    void if: ${i.voidIf.map((v) => v.description).join('; ')}`);
  lines.push(`    sources: ${i.sources.join(', ')}`);
  return lines;
}

export function describeScenario(s: Scenario): string {
  const c = s.constraints;
  const constraints = [
    c.armyCap ? `army cap ${fmt(c.armyCap.troops)}${evidenceMark(c.armyCap.evidence)}` : '',
    ...c.weaponCaps.map((w) => `${w.category} ≤ ${fmt(w.max)}${evidenceMark(w.evidence)}`),
    c.missileRangeKm ? `missile range ≤ ${c.missileRangeKm.max} km` : '',
    c.neutrality?.required ? 'neutrality' : '',
    c.foreignTroopsBanned?.banned ? 'no foreign troops' : '',
    c.allianceBan?.banned ? 'no alliances' : '',
    c.nonNuclear?.required ? 'non-nuclear' : '',
    c.exercisesNeedConsentOf.length ? `exercises need consent of ${c.exercisesNeedConsentOf.join(', ')}` : '',
    c.deepStrikeAllowed
      ? c.deepStrikeAllowed.allowed
        ? 'deep strikes allowed'
        : 'deep strikes restricted'
      : '',
  ].filter(Boolean);
  return [
    `${s.title} (${s.id})`,
    `systems: ${s.systems.join(', ') || '-'} · ${s.category} · status ${s.status} · as of ${s.asOf}`,
    '',
    s.summary.trim(),
    '',
    `context: ${s.context.protectedState} vs ${s.context.aggressor}, horizon ${s.context.horizonYears} years${
      s.context.frontKm ? `, front ${fmt(s.context.frontKm.value)} km [${s.context.frontKm.source}]` : ''
    }${s.context.aggressorMotivation ? `, aggressor motivation ${s.context.aggressorMotivation.level}` : ''}`,
    `constraints: ${constraints.join('; ') || 'none'}`,
    '',
    `instruments (${s.instruments.length}):`,
    ...s.instruments.flatMap(describeInstrument),
    ...(s.positions.length
      ? [
          '',
          'stated positions:',
          ...s.positions.map(
            (p) => `- ${p.party} ${p.stance}: ${p.summary} [${p.source}]${evidenceMark(p.evidence)}`,
          ),
        ]
      : []),
    '',
    `sources: ${s.sources.join(', ')}`,
  ].join('\n');
}

export function registerShow(program: Command, ctx: CliContext): void {
  program
    .command('show')
    .description('show one scenario: instruments, constraints, context, sources')
    .argument('<scenario>', 'catalog id or path to a YAML file')
    .option('--json', 'the validated scenario as JSON (defaults filled in)')
    .option('--yaml', 'the scenario file as written (a template for your own)')
    .action((arg: string, opts: { json?: boolean; yaml?: boolean }) => {
      const r = resolveScenario(arg, ctx.io.cwd);
      if (opts.json) return printJson(ctx, r.scenario);
      if (opts.yaml) {
        const text = readTextFile(r.fromCatalog ? `${packageRoot}${r.file}` : r.file);
        if (!text.ok)
          throw new GuarantorError(text.diagnostic.code, text.diagnostic.message, [text.diagnostic]);
        return ctx.io.out(text.text);
      }
      ctx.io.out(describeScenario(r.scenario));
    });
}

export function registerSources(program: Command, ctx: CliContext): void {
  program
    .command('sources')
    .description('the bibliography: every source id that data, defaults and findings cite')
    .argument('[id]', 'show one source and where it is cited')
    .option(
      '--kind <kind>',
      'only sources of this kind (seed, literature, official, news, dataset, analysis, derived)',
    )
    .option('--json', 'JSON')
    .option('--markdown', 'markdown table')
    .action((id: string | undefined, opts: { kind?: string; json?: boolean; markdown?: boolean }) => {
      const { catalog } = loadCatalog();
      const p = paint(ctx.io);
      if (id) {
        const s = sourceDetail(catalog, id);
        if (!s) throw new GuarantorError('usage.unknown-source', `no source '${id}' (run guarantor sources)`);
        const { citedBy } = s;
        if (opts.json) return printJson(ctx, s);
        return ctx.io.out(
          [
            p.bold(`${s.id}`) + (s.evidence !== 'verified' ? ` [${s.evidence}]` : ''),
            `${s.authors.join(', ')} (${s.date}). ${s.title}.${s.outlet ? ` ${s.outlet}.` : ''}`,
            s.url ? s.url : '',
            s.doi ? `doi:${s.doi}` : '',
            s.note ? `note: ${s.note.trim()}` : '',
            `cited by: ${citedBy.join(', ') || '(no scenario)'}`,
          ]
            .filter(Boolean)
            .join('\n'),
        );
      }
      const list = sourcesList(catalog, opts.kind);
      if (opts.json) return printJson(ctx, list);
      const headers = ['id', 'kind', 'date', 'evidence', 'reference'];
      const cells = list.map((s) => [
        s.id,
        s.kind,
        s.date,
        s.evidence,
        `${s.authors.length ? `${s.authors.slice(0, 2).join(', ')}${s.authors.length > 2 ? ' et al.' : ''}: ` : ''}${s.title}`.slice(
          0,
          90,
        ),
      ]);
      ctx.io.out(
        outputFormat(opts) === 'markdown' ? renderMarkdown(headers, cells) : renderTable(headers, cells),
      );
    });
}

export function registerSchema(program: Command, ctx: CliContext): void {
  program
    .command('schema')
    .description('print the JSON Schema of scenario files (for YAML editors)')
    .option('--out <file>', 'write it to a file instead of printing it')
    .action((opts: { out?: string }) => {
      const text = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
      if (opts.out) {
        writeFileSync(opts.out, text);
        ctx.io.err(`wrote ${opts.out}`);
      } else ctx.io.out(text);
    });
}
