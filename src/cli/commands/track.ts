// track: the pledge/delivery ledger. import files (Kiel CSVs and workbook, our CSV, the agreements), seed the
// shipped data, and report status, a donor, an agreement, exports and the capability series for the deterrence model

import { isAbsolute, join } from 'node:path';
import type { Command } from 'commander';
import { type Diagnostic, GuarantorError } from '../../core/errors.js';
import {
  capabilityByYear,
  deliveriesFromKiel,
  deliveriesFromLedger,
  plannedDeliveries,
  shiftDeliveries,
} from '../../core/tracker/capability.js';
import { parseDate } from '../../core/tracker/dates.js';
import { lookupDonor } from '../../core/tracker/donors.js';
import { kielCoverage } from '../../core/tracker/kiel-coverage.js';
import type { LedgerPledge } from '../../core/tracker/ledger.js';
import {
  type GroupBy,
  type GroupMetrics,
  ledgerMonthlyFlows,
  metricsBy,
  observedSlippage,
  pledgeProgress,
} from '../../core/tracker/metrics.js';
import { didYouMean } from '../../core/util/did-you-mean.js';
import type { Db } from '../../store/db.js';
import { openDb } from '../../store/open-db.js';
import {
  auditLog,
  donorStatus,
  kielMonthlyFlows,
  kielWeapons,
  knownDonors,
  latestReleases,
  ledgerCounts,
  loadInstruments,
  loadPledges,
  type ReleaseRow,
} from '../../store/tracker-repo.js';
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
const round = (x: number | null, d = 4) => (x === null ? null : Number(x.toFixed(d)));

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function asOfOption(raw: string | undefined): string {
  if (!raw) return today();
  const r = parseDate(raw);
  if (!r.ok)
    throw new GuarantorError('usage.bad-date', `--as-of: ${r.message}`, [
      {
        code: 'usage.bad-date',
        message: `--as-of: ${r.message}`,
        path: ['--as-of'],
        hint: 'e.g. --as-of 2026-06-30',
      },
    ]);
  return r.iso;
}

function actorOf(ctx: CliContext): string {
  return ctx.io.env.GUARANTOR_ACTOR || ctx.io.env.USER || ctx.io.env.USERNAME || 'unknown';
}

function metricsJson(m: GroupMetrics) {
  return {
    key: m.key,
    pledges: m.pledges,
    committedEurBn: round(m.committedEur / 1e9),
    allocatedEurBn: round(m.allocatedEur / 1e9),
    deliveredEurBn: round(m.deliveredEur / 1e9),
    fulfilment: round(m.fulfilment),
    backlogEurBn: round(m.backlogEur / 1e9),
    onTimeShare: round(m.onTimeShare),
    due: m.due,
    onTime: m.onTime,
    late: m.late,
    slippageMonths: m.slippageMonths,
    overdueMonths: m.overdueMonths,
    forecast: m.forecast,
  };
}

const METRIC_HEADERS = [
  'group',
  'pledges',
  'committed €bn',
  'allocated €bn',
  'delivered €bn',
  'fulfilment',
  'backlog €bn',
  'on time',
  'overdue p50 (mo)',
  'forecast p50',
  'forecast p90',
];
const METRIC_ALIGN: ('l' | 'r')[] = ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l', 'l'];
const metricRow = (m: GroupMetrics): Cell[] => [
  m.key,
  m.pledges,
  bn(m.committedEur),
  bn(m.allocatedEur),
  bn(m.deliveredEur),
  pct(m.fulfilment),
  bn(m.backlogEur),
  m.due ? `${m.onTime}/${m.due}` : '',
  m.overdueMonths.p50 === null ? '' : m.overdueMonths.p50.toFixed(1),
  m.forecast.p50 ?? '',
  m.forecast.p90 ?? '',
];

function resolveDonorArg(raw: string, present: string[]): string {
  const hit = lookupDonor(raw);
  if (hit.ok && present.includes(hit.donor.name)) return hit.donor.name;
  const guess = hit.ok ? undefined : (hit.suggestion ?? didYouMean(raw, present));
  const message = hit.ok ? `no data for donor '${hit.donor.name}' in the ledger` : `unknown donor '${raw}'`;
  throw new GuarantorError('usage.unknown-donor', message, [
    {
      code: 'usage.unknown-donor',
      message,
      path: ['donor'],
      hint: guess
        ? `did you mean '${guess}'?`
        : 'run `guarantor track status` to list the donors with data (or `track seed` first)',
    },
  ]);
}

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
    if (o.json)
      printJson(ctx, {
        file,
        kind: prepared.kind,
        release: prepared.label ?? null,
        dryRun: true,
        rows: prepared.batches.reduce((s, b) => s + b.rows.length, 0),
        warnings: warnings.length,
        notes: prepared.notes,
      });
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
    printJson(ctx, {
      file,
      kind: prepared.kind,
      release: prepared.label ?? null,
      status: outcome.status,
      releaseId: outcome.releaseId,
      rows: outcome.rows,
      added: outcome.added,
      changed: outcome.changed,
      removed: outcome.removed,
      warnings: warnings.length,
      notes: prepared.notes,
    });
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
  const { counts, releases, donors } = await withTrackDb(ctx, async (db) => ({
    counts: await ledgerCounts(db),
    releases: await latestReleases(db),
    donors: await donorStatus(db, asOf),
  }));
  const donorJson = donors.map((d) => ({
    donor: d.donor,
    kielCommittedEurBn: d.kiel_committed_bn === null ? null : round(Number(d.kiel_committed_bn)),
    kielAllocatedEurBn: d.kiel_allocated_bn === null ? null : round(Number(d.kiel_allocated_bn)),
    kielAllocationRatio: d.kiel_committed_bn
      ? round(Number(d.kiel_allocated_bn) / Number(d.kiel_committed_bn))
      : null,
    agreements: d.agreements,
    deliverables: d.deliverables,
    pledgedEurBn: round(Number(d.pledged_eur) / 1e9),
    deliveredEurBn: round(Number(d.delivered_eur) / 1e9),
    overdue: d.overdue,
  }));
  if (o.json) {
    printJson(ctx, {
      asOf,
      counts,
      releases: releases.map((r) => ({
        id: r.id,
        kind: r.kind,
        origin: r.origin,
        label: r.label,
        file: r.file_name,
        rows: r.row_count,
        added: r.added,
        changed: r.changed,
        removed: r.removed,
        importedBy: r.imported_by,
        importedAt: r.imported_at,
      })),
      donors: donorJson,
    });
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
  const data = await withTrackDb(ctx, async (db) => {
    const donor = resolveDonorArg(name, await knownDonors(db));
    return {
      donor,
      pledges: await loadPledges(db, { donor }),
      // delays observed anywhere in the ledger: one donor rarely has enough completed pledges of its own
      slippage: observedSlippage(await loadPledges(db, { withInstrument: true })),
      flows: await kielMonthlyFlows(db, donor),
      weapons: await kielWeapons(db, donor),
    };
  });
  const byCategory = metricsBy(data.pledges, 'category', { asOf, slippage: data.slippage });
  const byInstrument = metricsBy(
    data.pledges.filter((x) => x.instrumentKey),
    'instrument',
    { asOf, slippage: data.slippage },
  );
  const years = new Map<string, { committed: number; allocated: number; military: number }>();
  for (const f of data.flows) {
    const y = f.month.slice(0, 4);
    const cur = years.get(y) ?? { committed: 0, allocated: 0, military: 0 };
    if (f.measure === 'commitment') cur.committed += f.eurBn;
    else if (f.aidType === 'total') cur.allocated += f.eurBn;
    else if (f.aidType === 'military') cur.military += f.eurBn;
    years.set(y, cur);
  }
  const kielByYear = [...years.entries()].sort().map(([year, v]) => ({
    year: Number(year),
    committedEurBn: round(v.committed),
    allocatedEurBn: round(v.allocated),
    militaryEurBn: round(v.military),
  }));
  if (o.json) {
    printJson(ctx, {
      donor: data.donor,
      asOf,
      byCategory: byCategory.map(metricsJson),
      byAgreement: byInstrument.map(metricsJson),
      kielByYear,
      weapons: data.weapons.map((w) => ({
        category: w.category,
        count: w.count,
        valueEurBn: w.value_eur === null ? null : round(w.value_eur / 1e9),
      })),
    });
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
    const list = await withTrackDb(ctx, (db) => loadInstruments(db));
    if (o.json)
      return printJson(ctx, {
        agreements: list.map((a) => ({
          id: a.key,
          donor: a.donor,
          title: a.title,
          signed: a.signed_on,
          durationYears: a.duration_years,
          source: a.source_id,
          evidence: a.evidence,
        })),
      });
    printRows(
      ctx,
      o,
      ['id', 'donor', 'signed', 'evidence', 'source'],
      list.map((a) => [a.key, a.donor, a.signed_on ?? '', a.evidence, a.source_id]),
    );
    return;
  }
  const data = await withTrackDb(ctx, async (db) => {
    const [inst] = await loadInstruments(db, id);
    if (!inst) {
      const ids = (await loadInstruments(db)).map((a) => a.key);
      const guess = didYouMean(id, ids) ?? ids.find((k) => k.includes(id.toLowerCase()));
      throw new GuarantorError('usage.unknown-agreement', `no agreement '${id}' in the ledger`, [
        {
          code: 'usage.unknown-agreement',
          message: `no agreement '${id}'`,
          path: ['id'],
          hint: guess
            ? `did you mean '${guess}'?`
            : ids.length
              ? 'run `guarantor track agreement` to list them'
              : 'run `guarantor track seed` first',
        },
      ]);
    }
    return {
      inst,
      pledges: await loadPledges(db, { instrument: id }),
      // delays observed anywhere in the ledger: one agreement rarely has enough completed deliverables
      slippage: observedSlippage(await loadPledges(db, { withInstrument: true })),
      flows: await kielMonthlyFlows(db, inst.donor),
    };
  });
  const [m] = metricsBy(data.pledges, 'instrument', { asOf, slippage: data.slippage });
  const rows = data.pledges.map((pl: LedgerPledge) => {
    const pr = pledgeProgress(pl);
    const cov = kielCoverage(pl, data.flows);
    return { pledge: pl, pr, cov };
  });
  if (o.json) {
    printJson(ctx, {
      id: data.inst.key,
      donor: data.inst.donor,
      title: data.inst.title,
      signed: data.inst.signed_on,
      durationYears: data.inst.duration_years,
      source: data.inst.source_id,
      evidence: data.inst.evidence,
      asOf,
      metrics: m ? metricsJson(m) : null,
      deliverables: rows.map(({ pledge, pr, cov }) => ({
        key: pledge.key,
        category: pledge.category,
        summary: pledge.note ?? null,
        quantity: pledge.quantity ?? null,
        unit: pledge.unit ?? null,
        value: pledge.value ?? null,
        currency: pledge.currency ?? null,
        valueEurBn: pledge.valueEur === undefined ? null : round(pledge.valueEur / 1e9),
        due: pledge.dueOn ?? null,
        deliveredQuantity: pr.deliveredQty ?? null,
        deliveredEurBn: round(pr.deliveredEur / 1e9),
        complete: pr.complete,
        overdue: !pr.complete && pledge.dueOn !== undefined && pledge.dueOn < asOf,
        source: pledge.sourceId ?? null,
        evidence: pledge.evidence,
        kielAllocated: cov
          ? {
              from: cov.from,
              to: cov.to,
              aidType: cov.aidType,
              eurBn: round(cov.allocatedEur / 1e9),
              ratio: round(cov.ratio),
              partial: cov.partial,
            }
          : null,
      })),
    });
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

const EXPORTS = ['monthly', 'metrics', 'pledges', 'events', 'releases', 'audit'] as const;

async function runExport(ctx: CliContext, o: ExportOpts): Promise<void> {
  const what = o.what ?? 'monthly';
  if (!EXPORTS.includes(what as (typeof EXPORTS)[number])) {
    const guess = didYouMean(what, EXPORTS);
    throw new GuarantorError('usage.unknown-export', `unknown --what '${what}'`, [
      {
        code: 'usage.unknown-export',
        message: `unknown --what '${what}'`,
        path: ['--what'],
        hint: guess ? `did you mean '${guess}'?` : `one of: ${EXPORTS.join(', ')}`,
      },
    ]);
  }
  const asOf = asOfOption(o.asOf);
  const emit = (headers: string[], rows: Cell[][], json: unknown) =>
    o.json ? printJson(ctx, json) : printRows(ctx, { ...o, csv: o.csv || !o.markdown }, headers, rows);
  await withTrackDb(ctx, async (db) => {
    if (what === 'monthly') {
      const from = o.from ?? 'kiel';
      if (from !== 'kiel' && from !== 'ledger')
        throw new GuarantorError('usage.bad-option', `--from must be kiel or ledger, got '${from}'`);
      const flows = from === 'kiel' ? await kielMonthlyFlows(db) : ledgerMonthlyFlows(await loadPledges(db));
      emit(
        ['donor', 'month', 'aid_type', 'measure', 'eur_bn'],
        flows.map((f) => [f.donor, f.month, f.aidType, f.measure, Number(f.eurBn.toFixed(6))]),
        {
          from,
          unit: 'EUR bn',
          rows: flows.map((f) => ({
            donor: f.donor,
            month: f.month,
            aidType: f.aidType,
            measure: f.measure,
            eurBn: Number(f.eurBn.toFixed(6)),
          })),
        },
      );
    } else if (what === 'metrics') {
      const by = (o.by ?? 'donor') as GroupBy;
      if (!['donor', 'category', 'instrument', 'month'].includes(by))
        throw new GuarantorError(
          'usage.bad-option',
          `--by must be donor, category, instrument or month, got '${by}'`,
        );
      const ms = metricsBy(await loadPledges(db), by, { asOf });
      emit(METRIC_HEADERS, ms.map(metricRow), { by, asOf, groups: ms.map(metricsJson) });
    } else if (what === 'pledges' || what === 'events') {
      const pledges = await loadPledges(db);
      if (what === 'pledges') {
        emit(
          [
            'key',
            'donor',
            'instrument',
            'category',
            'item',
            'quantity',
            'unit',
            'value',
            'currency',
            'value_eur',
            'announced',
            'committed',
            'due',
            'source',
            'evidence',
          ],
          pledges.map((x) => [
            x.key,
            x.donor,
            x.instrumentKey,
            x.category,
            x.item,
            x.quantity,
            x.unit,
            x.value,
            x.currency,
            x.valueEur,
            x.announcedOn,
            x.committedOn,
            x.dueOn,
            x.sourceId,
            x.evidence,
          ]),
          { pledges },
        );
      } else {
        const events = pledges.flatMap((x) =>
          x.events.map((e) => ({ pledge: x.key, donor: x.donor, category: x.category, ...e })),
        );
        emit(
          ['pledge', 'donor', 'category', 'stage', 'date', 'quantity', 'value_eur', 'source', 'note'],
          events.map((e) => [
            e.pledge,
            e.donor,
            e.category,
            e.stage,
            e.on,
            e.quantity,
            e.valueEur,
            e.source,
            e.note,
          ]),
          { events },
        );
      }
    } else if (what === 'releases') {
      const rs = await db.query<ReleaseRow>(
        `select id, kind, origin, label, file_name, sha256, row_count, added, changed, removed, imported_by,
           to_char(imported_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as imported_at from releases order by id`,
      );
      emit(
        [
          'id',
          'kind',
          'origin',
          'label',
          'file',
          'sha256',
          'rows',
          'added',
          'changed',
          'removed',
          'imported_by',
          'imported_at',
        ],
        rs.map((r) => [
          r.id,
          r.kind,
          r.origin,
          r.label,
          r.file_name,
          r.sha256,
          r.row_count,
          r.added,
          r.changed,
          r.removed,
          r.imported_by,
          r.imported_at,
        ]),
        { releases: rs },
      );
    } else {
      const rows = await auditLog(db, Number(o.limit ?? 1000));
      emit(
        ['id', 'at', 'actor', 'action', 'entity', 'key', 'release'],
        rows.map((r) => [r.id, r.at, r.actor, r.action, r.entity, r.entity_key, r.release_id]),
        { audit: rows },
      );
    }
  });
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
  const shift = Number(o.shift ?? 0);
  const fromYear = Number(o.fromYear ?? 2022);
  const toYear = Number(o.toYear ?? 2030);
  const basis = o.basis ?? 'kiel';
  const asOf = asOfOption(o.asOf);
  if (
    !Number.isInteger(shift) ||
    !Number.isInteger(fromYear) ||
    !Number.isInteger(toYear) ||
    toYear < fromYear
  )
    throw new GuarantorError(
      'usage.bad-option',
      '--shift, --from-year and --to-year take whole numbers, with --to-year >= --from-year',
    );
  if (basis !== 'kiel' && basis !== 'ledger')
    throw new GuarantorError('usage.bad-option', `--basis must be kiel or ledger, got '${basis}'`);
  const { pledges, flows, donor } = await withTrackDb(ctx, async (db) => {
    const d = o.donor ? resolveDonorArg(o.donor, await knownDonors(db)) : undefined;
    return {
      donor: d,
      pledges: await loadPledges(db, d ? { donor: d } : {}),
      flows: basis === 'kiel' ? await kielMonthlyFlows(db, d) : [],
    };
  });
  const kielEnd =
    flows
      .map((f) => f.month)
      .sort()
      .at(-1) ?? '';
  const delivered = [...deliveriesFromLedger(pledges), ...deliveriesFromKiel(flows)];
  const planned = plannedDeliveries(pledges, { asOf, ...(kielEnd ? { coveredUntil: `${kielEnd}-31` } : {}) });
  const promised = capabilityByYear([...delivered, ...planned], { fromYear, toYear });
  const shifted = capabilityByYear([...delivered, ...shiftDeliveries(planned, shift)], { fromYear, toYear });
  const years = promised.years.map((y, i) => ({
    year: y.year,
    promisedIndex: round(y.index),
    shiftedIndex: round(shifted.years[i]!.index),
    promisedStockEurBn: round(y.stockEurBn),
    shiftedStockEurBn: round(shifted.years[i]!.stockEurBn),
  }));
  if (o.json) {
    printJson(ctx, {
      basis,
      donor: donor ?? null,
      asOf,
      shiftMonths: shift,
      deliveries: delivered.length,
      planned: planned.length,
      unvalued: promised.unvalued,
      params: {
        halfLifeYears: promised.params.halfLifeYears,
        referenceFlowEurBn: promised.params.referenceFlowEurBn,
      },
      years,
    });
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
