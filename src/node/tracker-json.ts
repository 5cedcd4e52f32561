// the tracker reports as data: what `guarantor track <sub> --json` prints and the HTTP API answers, computed once here
// so both stay identical; the CLI renders its tables from the same results

import { type Diagnostic, GuarantorError } from '../core/errors.js';
import {
  capabilityByYear,
  deliveriesFromKiel,
  deliveriesFromLedger,
  plannedDeliveries,
  shiftDeliveries,
} from '../core/tracker/capability.js';
import { parseDate } from '../core/tracker/dates.js';
import { lookupDonor } from '../core/tracker/donors.js';
import { kielCoverage } from '../core/tracker/kiel-coverage.js';
import type { LedgerPledge } from '../core/tracker/ledger.js';
import {
  type GroupBy,
  type GroupMetrics,
  ledgerMonthlyFlows,
  metricsBy,
  observedSlippage,
  pledgeProgress,
} from '../core/tracker/metrics.js';
import { didYouMean } from '../core/util/did-you-mean.js';
import type { Db } from '../store/db.js';
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
} from '../store/tracker-repo.js';

export const round = (x: number | null, d = 4) => (x === null ? null : Number(x.toFixed(d)));

/** an analysis date: `raw` parsed (usage.bad-date names `flag`), or today's date */
export function asOfDate(raw: string | undefined, today: string, flag = '--as-of'): string {
  if (!raw) return today;
  const r = parseDate(raw);
  if (!r.ok)
    throw new GuarantorError('usage.bad-date', `${flag}: ${r.message}`, [
      {
        code: 'usage.bad-date',
        message: `${flag}: ${r.message}`,
        path: [flag],
        hint: `e.g. ${flag} 2026-06-30`,
      },
    ]);
  return r.iso;
}

export function metricsJson(m: GroupMetrics) {
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

export function resolveDonorArg(raw: string, present: string[]): string {
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

/** track status */
export async function trackerStatus(db: Db, asOf: string) {
  const counts = await ledgerCounts(db);
  const releases = await latestReleases(db);
  const donors = await donorStatus(db, asOf);
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
  const json = {
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
  };
  return { counts, releases, donorJson, json };
}

/** track donor <name> */
export async function trackerDonor(db: Db, name: string, asOf: string) {
  const donor = resolveDonorArg(name, await knownDonors(db));
  const data = {
    donor,
    pledges: await loadPledges(db, { donor }),
    // delays observed anywhere in the ledger: one donor rarely has enough completed pledges of its own
    slippage: observedSlippage(await loadPledges(db, { withInstrument: true })),
    flows: await kielMonthlyFlows(db, donor),
    weapons: await kielWeapons(db, donor),
  };
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
  const json = {
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
  };
  return { data, byCategory, byInstrument, kielByYear, json };
}

/** track agreement (the list) */
export async function trackerAgreements(db: Db) {
  const list = await loadInstruments(db);
  return {
    list,
    json: {
      agreements: list.map((a) => ({
        id: a.key,
        donor: a.donor,
        title: a.title,
        signed: a.signed_on,
        durationYears: a.duration_years,
        source: a.source_id,
        evidence: a.evidence,
      })),
    },
  };
}

/** track agreement <id> */
export async function trackerAgreement(db: Db, id: string, asOf: string) {
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
  const data = {
    inst,
    pledges: await loadPledges(db, { instrument: id }),
    // delays observed anywhere in the ledger: one agreement rarely has enough completed deliverables
    slippage: observedSlippage(await loadPledges(db, { withInstrument: true })),
    flows: await kielMonthlyFlows(db, inst.donor),
  };
  const [m] = metricsBy(data.pledges, 'instrument', { asOf, slippage: data.slippage });
  const rows = data.pledges.map((pl: LedgerPledge) => {
    const pr = pledgeProgress(pl);
    const cov = kielCoverage(pl, data.flows);
    return { pledge: pl, pr, cov };
  });
  const json = {
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
  };
  return { data, m, rows, json };
}

export const EXPORTS = ['monthly', 'metrics', 'pledges', 'events', 'releases', 'audit'] as const;
export type ExportWhat = (typeof EXPORTS)[number];

/** a table for the human formats plus the JSON object, for `track export` */
export interface ExportResult {
  headers: string[];
  rows: (string | number | boolean | null | undefined)[][];
  json: unknown;
}

/** track export: `what` is checked here (usage.unknown-export) */
export async function trackerExport(
  db: Db,
  o: { what?: string; by?: string; from?: string; asOf: string; limit?: string | number },
): Promise<ExportResult> {
  const what = o.what ?? 'monthly';
  if (!EXPORTS.includes(what as ExportWhat)) {
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
  const asOf = o.asOf;
  if (what === 'monthly') {
    const from = o.from ?? 'kiel';
    if (from !== 'kiel' && from !== 'ledger')
      throw new GuarantorError('usage.bad-option', `--from must be kiel or ledger, got '${from}'`);
    const flows = from === 'kiel' ? await kielMonthlyFlows(db) : ledgerMonthlyFlows(await loadPledges(db));
    return {
      headers: ['donor', 'month', 'aid_type', 'measure', 'eur_bn'],
      rows: flows.map((f) => [f.donor, f.month, f.aidType, f.measure, Number(f.eurBn.toFixed(6))]),
      json: {
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
    };
  }
  if (what === 'metrics') {
    const by = (o.by ?? 'donor') as GroupBy;
    if (!['donor', 'category', 'instrument', 'month'].includes(by))
      throw new GuarantorError(
        'usage.bad-option',
        `--by must be donor, category, instrument or month, got '${by}'`,
      );
    const ms = metricsBy(await loadPledges(db), by, { asOf });
    return {
      headers: METRIC_HEADERS,
      rows: ms.map(metricRow),
      json: { by, asOf, groups: ms.map(metricsJson) },
    };
  }
  if (what === 'pledges' || what === 'events') {
    const pledges = await loadPledges(db);
    if (what === 'pledges')
      return {
        headers: [
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
        rows: pledges.map((x) => [
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
        json: { pledges },
      };
    const events = pledges.flatMap((x) =>
      x.events.map((e) => ({ pledge: x.key, donor: x.donor, category: x.category, ...e })),
    );
    return {
      headers: ['pledge', 'donor', 'category', 'stage', 'date', 'quantity', 'value_eur', 'source', 'note'],
      rows: events.map((e) => [
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
      json: { events },
    };
  }
  if (what === 'releases') {
    const rs = await db.query<ReleaseRow>(
      `select id, kind, origin, label, file_name, sha256, row_count, added, changed, removed, imported_by,
         to_char(imported_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as imported_at from releases order by id`,
    );
    return {
      headers: [
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
      rows: rs.map((r) => [
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
      json: { releases: rs },
    };
  }
  const rows = await auditLog(db, Number(o.limit ?? 1000));
  return {
    headers: ['id', 'at', 'actor', 'action', 'entity', 'key', 'release'],
    rows: rows.map((r) => [r.id, r.at, r.actor, r.action, r.entity, r.entity_key, r.release_id]),
    json: { audit: rows },
  };
}

export interface CapabilityOptions {
  shift?: string | number;
  fromYear?: string | number;
  toYear?: string | number;
  donor?: string;
  basis?: string;
  asOf: string;
}

/** track capability */
export async function trackerCapability(db: Db, o: CapabilityOptions) {
  const shift = Number(o.shift ?? 0);
  const fromYear = Number(o.fromYear ?? 2022);
  const toYear = Number(o.toYear ?? 2030);
  const basis = o.basis ?? 'kiel';
  const asOf = o.asOf;
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
  const donor = o.donor ? resolveDonorArg(o.donor, await knownDonors(db)) : undefined;
  const pledges = await loadPledges(db, donor ? { donor } : {});
  const flows = basis === 'kiel' ? await kielMonthlyFlows(db, donor) : [];
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
  const json = {
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
  };
  return { shift, basis, delivered, planned, promised, years, json };
}

export const METRIC_HEADERS = [
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

const bn = (eur: number | null | undefined, digits = 2) =>
  eur === null || eur === undefined ? '' : (eur / 1e9).toFixed(digits);
const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '' : `${(x * 100).toFixed(0)}%`;

export const metricRow = (m: GroupMetrics): (string | number)[] => [
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

/** `track import --json` for a dry run and a real one */
export function importDryRunJson(
  file: string,
  prepared: { kind: string; label?: string; batches: { rows: unknown[] }[]; notes: string[] },
  warnings: Diagnostic[],
) {
  return {
    file,
    kind: prepared.kind,
    release: prepared.label ?? null,
    dryRun: true,
    rows: prepared.batches.reduce((s, b) => s + b.rows.length, 0),
    warnings: warnings.length,
    notes: prepared.notes,
  };
}

export function importJson(
  file: string,
  prepared: { kind: string; label?: string; notes: string[] },
  outcome: {
    status: string;
    releaseId: number | null;
    rows: number;
    added: number;
    changed: number;
    removed: number;
  },
  warnings: Diagnostic[],
) {
  return {
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
  };
}
