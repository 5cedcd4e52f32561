// track: the pledge/delivery ledger. import files (Kiel CSVs and workbook, our CSV, the agreements), seed the
// shipped data, and report status, a donor, an agreement, exports and the capability series for the deterrence model

import { isAbsolute, join } from 'node:path';
import type { Command } from 'commander';
import { type Diagnostic, GuarantorError } from '../../core/errors.js';
import { didYouMean } from '../../core/util/did-you-mean.js';
import {
  asOfDate,
  EXPORTS,
  importDryRunJson,
  importJson,
  METRIC_HEADERS,
  metricRow,
  trackerAgreement,
  trackerAgreements,
  trackerCapability,
  trackerDonor,
  trackerExport,
  trackerStatus,
} from '../../node/tracker-json.js';
import type { Db } from '../../store/db.js';
import { openDb } from '../../store/open-db.js';
import type { ImportKind } from '../../tracker/apply-import.js';
import { IMPORT_KINDS, importPrepared, prepareImport } from '../../tracker/import-file.js';
import { seedShipped } from '../../tracker/seed.js';
import { type CliContext, printDiagnostics, printJson } from '../context.js';
import { paint } from '../io.js';
import { createProgress, type ProgressReporter } from '../progress.js';
import { type Cell, renderMarkdown, renderTable } from '../table.js';

/** how commands get a database; tests swap in a shared instance (one PGlite per test file, tech notes C1d) */
export const trackDb = {
  open: (ctx: CliContext): Promise<Db> => openDb({ env: ctx.io.env, cwd: ctx.io.cwd }),
};

async function withTrackDb<T>(ctx: CliContext, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await trackDb.open(ctx);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

interface FormatOpts {
  json?: boolean;
  csv?: boolean;
  markdown?: boolean;
}

function csvCell(c: Cell): string {
  const s = c === null || c === undefined ? '' : String(c);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(headers: string[], rows: Cell[][]): string {
  return [headers, ...rows].map((r) => r.map(csvCell).join(',')).join('\n');
}

/** table, markdown or CSV for the human formats; JSON is printed by the caller with stable field names */
function printRows(
  ctx: CliContext,
  o: FormatOpts,
  headers: string[],
  rows: Cell[][],
  align?: ('l' | 'r')[],
): void {
  if (o.csv) ctx.io.out(`${toCsv(headers, rows)}\n`);
  else if (o.markdown) ctx.io.out(`${renderMarkdown(headers, rows, align ? { align } : {})}\n`);
  else ctx.io.out(`${renderTable(headers, rows, align ? { align } : {})}\n`);
}

const bn = (eur: number | null | undefined, digits = 2) =>
  eur === null || eur === undefined ? '' : (eur / 1e9).toFixed(digits);
const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '' : `${(x * 100).toFixed(0)}%`;
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function asOfOption(raw: string | undefined): string {
  return asOfDate(raw, today());
}

function actorOf(ctx: CliContext): string {
  return ctx.io.env.GUARANTOR_ACTOR || ctx.io.env.USER || ctx.io.env.USERNAME || 'unknown';
}

const METRIC_ALIGN: ('l' | 'r')[] = ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l', 'l'];

/** a bar on a terminal for imports big enough to notice (one per batch of writes); silent otherwise */
function importProgress(ctx: CliContext): {
  onProgress: (done: number, total: number) => void;
  finish: () => void;
} {
  let bar: ProgressReporter | undefined;
  return {
    onProgress: (done, total) => {
      if (total < 2000) return;
      bar ??= createProgress(ctx.io, { label: 'import', total, unit: 'records', enabled: ctx.io.isTTY });
      bar.update(done);
      if (done >= total) {
        bar.finish();
        bar = undefined;
      }
    },
    finish: () => bar?.finish(),
  };
}

interface ImportOpts extends FormatOpts {
  kind?: string;
  release?: string;
  shipped?: boolean;
  dryRun?: boolean;
}

async function runImport(ctx: CliContext, file: string | undefined, o: ImportOpts): Promise<void> {
  if (o.shipped) return runSeed(ctx, o);
  if (!file)
    throw new GuarantorError('usage.missing-file', 'track import needs a file (or --shipped)', [
      {
        code: 'usage.missing-file',
        message: 'no file given',
        path: ['file'],
        hint: 'guarantor track import data.csv, or guarantor track import --shipped',
      },
    ]);
  if (o.kind && !IMPORT_KINDS.includes(o.kind as ImportKind)) {
    const guess = didYouMean(o.kind, IMPORT_KINDS);
    throw new GuarantorError('usage.unknown-kind', `unknown --kind '${o.kind}'`, [
      {
        code: 'usage.unknown-kind',
        message: `unknown --kind '${o.kind}'`,
        path: ['--kind'],
        hint: guess ? `did you mean '${guess}'?` : `one of: ${IMPORT_KINDS.join(', ')}`,
      },
    ]);
  }
  const path = isAbsolute(file) ? file : join(ctx.io.cwd, file);
  const prepared = await prepareImport({
    path,
    display: file,
    kind: o.kind as ImportKind | undefined,
    release: o.release,
    actor: actorOf(ctx),
  });
  const warnings = prepared.warnings.filter((d) => d.severity === 'warning');
  if (o.dryRun) {
    if (o.json) printJson(ctx, importDryRunJson(file, prepared, warnings));
    else
      ctx.io.out(
        `${file}: ${prepared.kind}, ${prepared.batches.reduce((s, b) => s + b.rows.length, 0)} records valid (dry run, nothing written)\n`,
      );
    if (!o.json) printWarnings(ctx, warnings);
    return;
  }
  const progress = importProgress(ctx);
  const outcome = await withTrackDb(ctx, (db) =>
    importPrepared(db, prepared, actorOf(ctx), { onProgress: progress.onProgress }),
  ).finally(progress.finish);
  if (o.json) {
    printJson(ctx, importJson(file, prepared, outcome, warnings));
    return;
  }
  const p = paint(ctx.io);
  const what =
    outcome.status === 'unchanged'
      ? p.dim('unchanged: this content is already in the ledger, nothing written')
      : p.green(
          `imported as release #${outcome.releaseId}: +${outcome.added} ~${outcome.changed} -${outcome.removed}`,
        );
  ctx.io.out(
    `${file} (${prepared.kind}${prepared.label ? `, ${prepared.label}` : ''}): ${outcome.rows} records; ${what}\n`,
  );
  for (const n of prepared.notes) ctx.io.out(`  note: ${n}\n`);
  printWarnings(ctx, warnings);
}

function printWarnings(ctx: CliContext, warnings: Diagnostic[]): void {
  if (!warnings.length) return;
  printDiagnostics(ctx, warnings.slice(0, 20));
  if (warnings.length > 20) ctx.io.err(`... and ${warnings.length - 20} more warnings`);
}

async function runSeed(ctx: CliContext, o: FormatOpts): Promise<void> {
  const progress = importProgress(ctx);
  const steps = await withTrackDb(ctx, (db) =>
    seedShipped(db, ctx.io.env, actorOf(ctx), { cwd: ctx.io.cwd, onProgress: progress.onProgress }),
  ).finally(progress.finish);
  if (o.json) return printJson(ctx, { steps });
  printRows(
    ctx,
    o,
    ['file', 'kind', 'status', 'added', 'changed', 'removed'],
    steps.map((s) => [s.file, s.kind, s.status, s.added, s.changed, s.removed]),
  );
  const missing = steps.filter((s) => s.status === 'missing');
  if (missing.length)
    ctx.io.err(
      `note: ${missing.length} Kiel file(s) not found; set GUARANTOR_KIEL_DIR to the folder with data_explorer.csv`,
    );
}

async function runStatus(ctx: CliContext, o: FormatOpts & { asOf?: string; all?: boolean }): Promise<void> {
  const asOf = asOfOption(o.asOf);
  const { counts, releases, donorJson, json } = await withTrackDb(ctx, (db) => trackerStatus(db, asOf));
  if (o.json) {
    printJson(ctx, json);
    return;
  }
  if (counts.releases === 0) {
    ctx.io.out(
      'the ledger is empty: run `guarantor track seed` (shipped agreements and Kiel data) or `guarantor track import <file>`\n',
    );
    return;
  }
  const p = paint(ctx.io);
  if (!o.csv) {
    ctx.io.out(
      `${p.bold('Ledger')} as of ${asOf}: ${counts.pledges} pledges, ${counts.events} pipeline events, ${counts.instruments} agreements, ${counts.kiel_months} Kiel donor-months, ${counts.audit_entries} audit entries\n\n`,
    );
    printRows(
      ctx,
      o,
      ['import', 'release', 'file', 'rows', 'last change'],
      releases.map((r) => [
        r.origin,
        r.label ?? '',
        r.file_name,
        r.row_count,
        `#${r.id} +${r.added} ~${r.changed} -${r.removed}`,
      ]),
    );
    ctx.io.out('\n');
  }
  const shown = o.all || o.csv ? donorJson : donorJson.slice(0, 15);
  printRows(
    ctx,
    o,
    [
      'donor',
      'Kiel committed €bn',
      'Kiel allocated €bn',
      'allocated/committed',
      'agreements',
      'deliverables',
      'pledged €bn',
      'delivered €bn',
      'overdue',
    ],
    shown.map((d) => [
      d.donor,
      d.kielCommittedEurBn?.toFixed(2) ?? '',
      d.kielAllocatedEurBn?.toFixed(2) ?? '',
      pct(d.kielAllocationRatio),
      d.agreements,
      d.deliverables,
      d.pledgedEurBn?.toFixed(2) ?? '',
      d.deliveredEurBn?.toFixed(2) ?? '',
      d.overdue || '',
    ]),
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
  if (!o.csv && shown.length < donorJson.length)
    ctx.io.out(p.dim(`(${donorJson.length - shown.length} more donors: --all)\n`));
}

async function runDonor(ctx: CliContext, name: string, o: FormatOpts & { asOf?: string }): Promise<void> {
  const asOf = asOfOption(o.asOf);
  const { data, byCategory, byInstrument, kielByYear, json } = await withTrackDb(ctx, (db) =>
    trackerDonor(db, name, asOf),
  );
  if (o.json) {
    printJson(ctx, json);
    return;
  }
  const p = paint(ctx.io);
  if (!o.csv) ctx.io.out(`${p.bold(data.donor)} as of ${asOf}\n\n${p.bold('Ledger by category')}\n`);
  printRows(ctx, o, METRIC_HEADERS, byCategory.map(metricRow), METRIC_ALIGN);
  if (o.csv) return;
  if (byInstrument.length) {
    ctx.io.out(`\n${p.bold('Agreement deliverables')}\n`);
    printRows(ctx, o, METRIC_HEADERS, byInstrument.map(metricRow), METRIC_ALIGN);
  }
  if (kielByYear.length) {
    ctx.io.out(`\n${p.bold('Kiel tracker by year')} (€bn)\n`);
    printRows(
      ctx,
      o,
      ['year', 'committed', 'allocated', 'of which military'],
      kielByYear.map((k) => [
        k.year,
        k.committedEurBn?.toFixed(2),
        k.allocatedEurBn?.toFixed(2),
        k.militaryEurBn?.toFixed(2),
      ]),
      ['l', 'r', 'r', 'r'],
    );
  }
  if (data.weapons.length) {
    ctx.io.out(`\n${p.bold('Heavy weapons (Kiel)')}\n`);
    printRows(
      ctx,
      o,
      ['category', 'count', 'value €bn'],
      data.weapons.map((w) => [w.category, w.count, bn(w.value_eur, 3)]),
      ['l', 'r', 'r'],
    );
  }
}

async function runAgreement(
  ctx: CliContext,
  id: string | undefined,
  o: FormatOpts & { asOf?: string },
): Promise<void> {
  const asOf = asOfOption(o.asOf);
  if (!id) {
    const { list, json } = await withTrackDb(ctx, (db) => trackerAgreements(db));
    if (o.json) return printJson(ctx, json);
    printRows(
      ctx,
      o,
      ['id', 'donor', 'signed', 'evidence', 'source'],
      list.map((a) => [a.key, a.donor, a.signed_on ?? '', a.evidence, a.source_id]),
    );
    return;
  }
  const { data, m, rows, json } = await withTrackDb(ctx, (db) => trackerAgreement(db, id, asOf));
  if (o.json) {
    printJson(ctx, json);
    return;
  }
  const p = paint(ctx.io);
  if (!o.csv) {
    ctx.io.out(
      `${p.bold(data.inst.title)} (${data.inst.key})\n${data.inst.donor}, signed ${data.inst.signed_on ?? 'date not recorded'}${data.inst.duration_years ? `, ${data.inst.duration_years} years` : ''}; source ${data.inst.source_id} [${data.inst.evidence}]\n\n`,
    );
  }
  if (!rows.length && !o.csv) {
    ctx.io.out('no quantified deliverables recorded for this agreement\n');
    return;
  }
  printRows(
    ctx,
    o,
    ['deliverable', 'pledged', 'due', 'delivered', 'status', 'Kiel allocated in period', 'evidence'],
    rows.map(({ pledge, pr, cov }) => [
      pledge.key.split(':').pop(),
      pledge.quantity !== undefined
        ? `${pledge.quantity} ${pledge.unit ?? ''}`.trim()
        : pledge.value !== undefined
          ? `${(pledge.value / 1e9).toFixed(3)}bn ${pledge.currency ?? 'EUR'}`
          : '',
      pledge.dueOn ?? '',
      pr.deliveredQty !== undefined
        ? String(pr.deliveredQty)
        : pr.deliveredEur
          ? `€${bn(pr.deliveredEur, 3)}bn`
          : '-',
      pr.complete ? p.green('complete') : pledge.dueOn && pledge.dueOn < asOf ? p.red('overdue') : 'open',
      cov
        ? `€${bn(cov.allocatedEur)}bn ${cov.aidType} ${cov.from}..${cov.to}${cov.ratio !== null ? ` (${pct(cov.ratio)})` : ''}${cov.partial ? ' partial' : ''}`
        : '',
      pledge.evidence,
    ]),
  );
  if (!o.csv && m?.forecast.p50)
    ctx.io.out(
      `\nforecast completion of open deliverables: p10 ${m.forecast.p10}, p50 ${m.forecast.p50}, p90 ${m.forecast.p90} (${m.forecast.basis})\n`,
    );
  if (!o.csv)
    ctx.io.out(
      p.dim(
        'Kiel allocations are not deliveries: Kiel records no delivery dates. Record deliveries with `track import` (docs/tracker.md).\n',
      ),
    );
}

interface ExportOpts extends FormatOpts {
  what?: string;
  by?: string;
  from?: string;
  asOf?: string;
  limit?: string;
}

async function runExport(ctx: CliContext, o: ExportOpts): Promise<void> {
  const asOf = asOfOption(o.asOf);
  const r = await withTrackDb(ctx, (db) =>
    trackerExport(db, {
      asOf,
      ...(o.what !== undefined ? { what: o.what } : {}),
      ...(o.by !== undefined ? { by: o.by } : {}),
      ...(o.from !== undefined ? { from: o.from } : {}),
      ...(o.limit !== undefined ? { limit: o.limit } : {}),
    }),
  );
  if (o.json) printJson(ctx, r.json);
  else printRows(ctx, { ...o, csv: o.csv || !o.markdown }, r.headers, r.rows as Cell[][]);
}

async function runCapability(
  ctx: CliContext,
  o: FormatOpts & {
    shift?: string;
    fromYear?: string;
    toYear?: string;
    donor?: string;
    basis?: string;
    asOf?: string;
  },
): Promise<void> {
  const asOf = asOfOption(o.asOf);
  const { shift, basis, delivered, planned, promised, years, json } = await withTrackDb(ctx, (db) =>
    trackerCapability(db, {
      asOf,
      ...(o.shift !== undefined ? { shift: o.shift } : {}),
      ...(o.fromYear !== undefined ? { fromYear: o.fromYear } : {}),
      ...(o.toYear !== undefined ? { toYear: o.toYear } : {}),
      ...(o.donor !== undefined ? { donor: o.donor } : {}),
      ...(o.basis !== undefined ? { basis: o.basis } : {}),
    }),
  );
  if (o.json) {
    printJson(ctx, json);
    return;
  }
  printRows(
    ctx,
    o,
    ['year', 'index as promised', `index, open pledges +${shift} mo`, 'stock €bn', 'shifted stock €bn'],
    years.map((y) => [
      y.year,
      y.promisedIndex?.toFixed(3),
      y.shiftedIndex?.toFixed(3),
      y.promisedStockEurBn?.toFixed(2),
      y.shiftedStockEurBn?.toFixed(2),
    ]),
    ['l', 'r', 'r', 'r', 'r'],
  );
  if (!o.csv)
    ctx.io.out(
      `${delivered.length} deliveries (${basis === 'kiel' ? 'Kiel military allocations as a proxy, plus ledger deliveries' : 'ledger deliveries'}), ` +
        `${planned.length} open military pledges at their due dates; ${promised.unvalued} without a value or priced item. Method: docs/tracker.md\n`,
    );
}

export function registerTrack(program: Command, ctx: CliContext): void {
  const track = program
    .command('track')
    .description(
      'pledge/delivery ledger: import Kiel data and agreements, report fulfilment, delays and forecasts',
    );
  track.exitOverride();
  const fmt = (c: Command, { csv = true, markdown = true } = {}) => {
    c.option('--json', 'machine-readable JSON (stable field names)');
    if (csv) c.option('--csv', 'CSV');
    if (markdown) c.option('--markdown', 'markdown table');
    return c.exitOverride();
  };
  fmt(
    track
      .command('import')
      .argument('[file]', 'CSV, XLSX workbook or agreements YAML')
      .description(
        'import a file into the ledger: all or nothing; re-importing the same content changes nothing',
      )
      .option('--kind <kind>', `file kind (auto-detected when possible): ${IMPORT_KINDS.join(', ')}`)
      .option('--release <label>', "release label for Kiel files, e.g. 'Release 30'")
      .option('--shipped', 'import the shipped agreements and the Kiel data (same as track seed)')
      .option('--dry-run', 'validate only; write nothing'),
    { csv: false, markdown: false },
  ).action((file: string | undefined, o: ImportOpts) => runImport(ctx, file, o));
  fmt(
    track
      .command('seed')
      .description('load the shipped agreements and, when present, the Kiel data in ../shared/data/kiel'),
  ).action((o: FormatOpts) => runSeed(ctx, o));
  fmt(
    track
      .command('status')
      .description(
        'what is in the ledger: releases, and per donor committed vs allocated, deliverables and overdue ones',
      )
      .option('--as-of <date>', 'the date overdue is judged against (default today)')
      .option('--all', 'list every donor'),
  ).action((o: FormatOpts & { asOf?: string; all?: boolean }) => runStatus(ctx, o));
  fmt(
    track
      .command('donor')
      .argument('<name>', 'donor name or ISO code')
      .description('one donor: metrics by category and agreement, Kiel by year, heavy weapons')
      .option('--as-of <date>', 'analysis date (default today)'),
  ).action((name: string, o: FormatOpts & { asOf?: string }) => runDonor(ctx, name, o));
  fmt(
    track
      .command('agreement')
      .argument('[id]', 'agreement id, e.g. bsa-bel-2024 (omit to list)')
      .description(
        'one bilateral agreement: deliverables, progress, Kiel allocations in the period, forecast',
      )
      .option('--as-of <date>', 'analysis date (default today)'),
  ).action((id: string | undefined, o: FormatOpts & { asOf?: string }) => runAgreement(ctx, id, o));
  fmt(
    track
      .command('export')
      .description(
        'export data: monthly series (EUR bn), metrics, pledges, events, releases or the audit log (CSV by default)',
      )
      .option('--what <what>', `${EXPORTS.join(' | ')}`, 'monthly')
      .option('--by <group>', 'for metrics: donor | category | instrument | month', 'donor')
      .option('--from <source>', 'for monthly: kiel (data explorer) | ledger (pipeline events)', 'kiel')
      .option('--as-of <date>', 'analysis date for metrics (default today)')
      .option('--limit <n>', 'for audit: newest N entries', '1000'),
  ).action((o: ExportOpts) => runExport(ctx, o));
  fmt(
    track
      .command('capability')
      .description(
        'defender-capability index per year from deliveries, as promised and with deliveries shifted by N months',
      )
      .option('--shift <months>', 'delay open deliveries by this many months', '0')
      .option('--from-year <year>', 'first year', '2022')
      .option('--to-year <year>', 'last year', '2030')
      .option('--donor <name>', 'one donor only')
      .option(
        '--basis <basis>',
        'deliveries: kiel (Kiel military allocations as a proxy, plus the ledger) | ledger',
        'kiel',
      )
      .option('--as-of <date>', 'overdue pledges are placed at this date (default today)'),
  ).action(
    (
      o: FormatOpts & {
        shift?: string;
        fromYear?: string;
        toYear?: string;
        donor?: string;
        basis?: string;
        asOf?: string;
      },
    ) => runCapability(ctx, o),
  );
}
