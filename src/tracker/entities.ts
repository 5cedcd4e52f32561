// how each imported record maps onto its table: typed columns for queries, the record itself for the audit log
import { createHash } from 'node:crypto';
import type { InstrumentRecord, KielMonth, KielWeapon, LedgerPledge } from '../core/tracker/ledger.js';

export type EntityName = 'pledges' | 'kiel_monthly' | 'kiel_weapons' | 'instruments';

export interface EntityRow {
  key: string;
  /** what the audit log stores as before/after */
  record: unknown;
  /** typed columns, by column name */
  cols: Record<string, string | number | null>;
}

/** column name -> SQL type, in insert order; key, origin, record, content_hash and release_id are implied */
export const COLUMNS: Record<EntityName, [string, string][]> = {
  pledges: [
    ['donor', 'text'],
    ['instrument_key', 'text'],
    ['category', 'text'],
    ['item', 'text'],
    ['quantity', 'double precision'],
    ['unit', 'text'],
    ['value', 'double precision'],
    ['currency', 'text'],
    ['value_eur', 'double precision'],
    ['announced_on', 'date'],
    ['committed_on', 'date'],
    ['due_on', 'date'],
    ['source_id', 'text'],
    ['evidence', 'text'],
    ['note', 'text'],
  ],
  kiel_monthly: [
    ['donor', 'text'],
    ['iso', 'text'],
    ['month', 'date'],
    ['total', 'double precision'],
    ['financial', 'double precision'],
    ['humanitarian', 'double precision'],
    ['military', 'double precision'],
    ['commitments', 'double precision'],
    ['to_be_allocated', 'double precision'],
    ['gdp', 'double precision'],
    ['pct_gdp', 'double precision'],
  ],
  kiel_weapons: [
    ['donor', 'text'],
    ['category', 'text'],
    ['count', 'double precision'],
    ['value_eur', 'double precision'],
    ['items', 'text'],
  ],
  instruments: [
    ['kind', 'text'],
    ['donor', 'text'],
    ['title', 'text'],
    ['signed_on', 'date'],
    ['duration_years', 'integer'],
    ['source_id', 'text'],
    ['evidence', 'text'],
    ['note', 'text'],
  ],
};

const n = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

export function pledgeRow(p: LedgerPledge): EntityRow {
  return {
    key: p.key,
    record: p,
    cols: {
      donor: p.donor,
      instrument_key: n(p.instrumentKey),
      category: p.category,
      item: n(p.item),
      quantity: n(p.quantity),
      unit: n(p.unit),
      value: n(p.value),
      currency: n(p.currency),
      value_eur: n(p.valueEur),
      announced_on: n(p.announcedOn),
      committed_on: n(p.committedOn),
      due_on: n(p.dueOn),
      source_id: n(p.sourceId),
      evidence: p.evidence,
      note: n(p.note),
    },
  };
}

export function monthRow(m: KielMonth): EntityRow {
  return {
    key: m.key,
    record: m,
    cols: {
      donor: m.donor,
      iso: n(m.iso),
      month: `${m.month}-01`,
      total: m.total,
      financial: m.financial,
      humanitarian: m.humanitarian,
      military: m.military,
      commitments: n(m.commitments),
      to_be_allocated: n(m.toBeAllocated),
      gdp: n(m.gdp),
      pct_gdp: n(m.pctGdp),
    },
  };
}

export function weaponRow(w: KielWeapon): EntityRow {
  return {
    key: w.key,
    record: w,
    cols: {
      donor: w.donor,
      category: w.category,
      count: w.count,
      value_eur: n(w.valueEur),
      items: n(w.items),
    },
  };
}

export function instrumentRow(i: InstrumentRecord): EntityRow {
  return {
    key: i.key,
    record: i,
    cols: {
      kind: i.kind,
      donor: i.donor,
      title: i.title,
      signed_on: n(i.signedOn),
      duration_years: n(i.durationYears),
      source_id: i.sourceId,
      evidence: i.evidence,
      note: n(i.note),
    },
  };
}

/** JSON with sorted keys, so equal records hash equally whatever order their fields were built in */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(
          Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : x,
  );
}

export const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
