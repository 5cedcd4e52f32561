// read side of the ledger: the SQL that feeds the pure metrics in src/core/tracker
import type { LedgerEvent, LedgerPledge } from '../core/tracker/ledger.js';
import type { MonthlyFlow } from '../core/tracker/metrics.js';
import type { DbQueryable } from './db.js';

interface PledgeRowSql {
  key: string;
  donor: string;
  instrument_key: string | null;
  category: LedgerPledge['category'];
  item: string | null;
  quantity: number | null;
  unit: string | null;
  value: number | null;
  currency: string | null;
  value_eur: number | null;
  announced_on: string | null;
  committed_on: string | null;
  due_on: string | null;
  source_id: string | null;
  evidence: LedgerPledge['evidence'];
  note: string | null;
  events:
    | {
        stage: LedgerEvent['stage'];
        on: string | null;
        quantity: number | null;
        valueEur: number | null;
        source: string | null;
        note: string | null;
      }[]
    | string;
}

const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

export interface PledgeFilter {
  donor?: string;
  instrument?: string;
  origin?: string;
  /** only pledges tied to an instrument (agreements and CSV rows that name one) */
  withInstrument?: boolean;
}

export async function loadPledges(db: DbQueryable, f: PledgeFilter = {}): Promise<LedgerPledge[]> {
  const where: string[] = [];
  const params: string[] = [];
  if (f.donor) where.push(`p.donor = $${params.push(f.donor)}`);
  if (f.instrument) where.push(`p.instrument_key = $${params.push(f.instrument)}`);
  if (f.origin) where.push(`p.origin = $${params.push(f.origin)}`);
  if (f.withInstrument) where.push('p.instrument_key is not null');
  const rows = await db.query<PledgeRowSql>(
    `select p.key, p.donor, p.instrument_key, p.category, p.item, p.quantity, p.unit, p.value, p.currency, p.value_eur,
       p.announced_on::text as announced_on, p.committed_on::text as committed_on, p.due_on::text as due_on,
       p.source_id, p.evidence, p.note,
       coalesce((select json_agg(json_build_object('stage', e.stage, 'on', e.occurred_on::text, 'quantity', e.quantity,
                   'valueEur', e.value_eur, 'source', e.source, 'note', e.note) order by e.seq)
                 from pipeline_events e where e.pledge_id = p.id), '[]'::json) as events
     from pledges p ${where.length ? `where ${where.join(' and ')}` : ''}
     order by p.key`,
    params,
  );
  return rows.map((r) => {
    const events =
      typeof r.events === 'string'
        ? (JSON.parse(r.events) as Exclude<PledgeRowSql['events'], string>)
        : r.events;
    return {
      key: r.key,
      donor: r.donor,
      ...(r.instrument_key ? { instrumentKey: r.instrument_key } : {}),
      category: r.category,
      ...(r.item ? { item: r.item } : {}),
      ...(r.quantity !== null ? { quantity: Number(r.quantity) } : {}),
      ...(r.unit ? { unit: r.unit } : {}),
      ...(r.value !== null ? { value: Number(r.value) } : {}),
      ...(r.currency ? { currency: r.currency } : {}),
      ...(r.value_eur !== null ? { valueEur: Number(r.value_eur) } : {}),
      ...(r.announced_on ? { announcedOn: r.announced_on } : {}),
      ...(r.committed_on ? { committedOn: r.committed_on } : {}),
      ...(r.due_on ? { dueOn: r.due_on } : {}),
      ...(r.source_id ? { sourceId: r.source_id } : {}),
      evidence: r.evidence,
      ...(r.note ? { note: r.note } : {}),
      events: events.map((e) => ({
        stage: e.stage,
        ...(opt(e.on) ? { on: e.on! } : {}),
        ...(e.quantity !== null ? { quantity: Number(e.quantity) } : {}),
        ...(e.valueEur !== null ? { valueEur: Number(e.valueEur) } : {}),
        ...(e.source ? { source: e.source } : {}),
        ...(e.note ? { note: e.note } : {}),
      })),
    };
  });
}

export interface ReleaseRow {
  id: number;
  kind: string;
  origin: string;
  label: string | null;
  file_name: string;
  sha256: string;
  row_count: number;
  added: number;
  changed: number;
  removed: number;
  imported_by: string;
  imported_at: string;
}

export async function latestReleases(db: DbQueryable): Promise<ReleaseRow[]> {
  return db.query<ReleaseRow>(
    `select distinct on (origin) id, kind, origin, label, file_name, sha256, row_count, added, changed, removed, imported_by,
       to_char(imported_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as imported_at
     from releases order by origin, id desc`,
  );
}

export interface DonorStatus {
  donor: string;
  kiel_committed_bn: number | null;
  kiel_allocated_bn: number | null;
  kiel_military_bn: number | null;
  agreements: number;
  pledged_eur: number;
  delivered_eur: number;
  deliverables: number;
  overdue: number;
}

/** one aggregate query per donor: Kiel's committed vs allocated, and the agreements' stated deliverables */
export async function donorStatus(db: DbQueryable, asOf: string): Promise<DonorStatus[]> {
  return db.query<DonorStatus>(
    `with kiel as (
       select donor, sum(commitments) as committed, sum(total) as allocated, sum(military) as military
       from kiel_monthly group by donor),
     agr as (
       select donor, count(*)::int as agreements from instruments group by donor),
     del as (
       select p.id, p.donor, p.value_eur, p.due_on,
              coalesce(sum(e.value_eur) filter (where e.stage in ('delivered', 'operational')), 0) as delivered,
              coalesce(sum(e.quantity) filter (where e.stage in ('delivered', 'operational')), 0) as delivered_qty,
              p.quantity
       from pledges p left join pipeline_events e on e.pledge_id = p.id
       where p.instrument_key is not null
       group by p.id),
     ded as (
       select donor, count(*)::int as deliverables, coalesce(sum(value_eur), 0) as pledged, coalesce(sum(delivered), 0) as delivered,
              count(*) filter (where due_on < $1::date
                and not (coalesce(quantity, 0) > 0 and delivered_qty >= quantity)
                and not (coalesce(value_eur, 0) > 0 and delivered >= value_eur))::int as overdue
       from del group by donor),
     donors as (select donor from kiel union select donor from agr union select donor from ded)
     select d.donor, k.committed::float8 as kiel_committed_bn, k.allocated::float8 as kiel_allocated_bn,
            k.military::float8 as kiel_military_bn, coalesce(a.agreements, 0) as agreements,
            coalesce(x.pledged, 0)::float8 as pledged_eur, coalesce(x.delivered, 0)::float8 as delivered_eur,
            coalesce(x.deliverables, 0) as deliverables, coalesce(x.overdue, 0) as overdue
     from donors d left join kiel k using (donor) left join agr a using (donor) left join ded x using (donor)
     order by coalesce(k.committed, 0) desc, d.donor`,
    [asOf],
  );
}

export interface LedgerCounts {
  pledges: number;
  events: number;
  instruments: number;
  kiel_months: number;
  kiel_weapons: number;
  audit_entries: number;
  releases: number;
}

export async function ledgerCounts(db: DbQueryable): Promise<LedgerCounts> {
  const [r] = await db.query<LedgerCounts>(
    `select (select count(*) from pledges)::int as pledges, (select count(*) from pipeline_events)::int as events,
            (select count(*) from instruments)::int as instruments, (select count(*) from kiel_monthly)::int as kiel_months,
            (select count(*) from kiel_weapons)::int as kiel_weapons, (select count(*) from audit_log)::int as audit_entries,
            (select count(*) from releases)::int as releases`,
  );
  return r!;
}

/** Kiel's monthly series unpivoted: donor x month x aid type (financial, humanitarian, military, total) and commitments */
export async function kielMonthlyFlows(db: DbQueryable, donor?: string): Promise<MonthlyFlow[]> {
  const rows = await db.query<{
    donor: string;
    month: string;
    aid_type: string;
    measure: MonthlyFlow['measure'];
    eur_bn: number;
  }>(
    `select donor, to_char(month, 'YYYY-MM') as month, t.aid_type, t.measure, t.eur_bn::float8 as eur_bn
     from kiel_monthly m
     cross join lateral (values ('financial', 'allocation', m.financial), ('humanitarian', 'allocation', m.humanitarian),
                                ('military', 'allocation', m.military), ('total', 'allocation', m.total),
                                ('total', 'commitment', m.commitments)) as t(aid_type, measure, eur_bn)
     where t.eur_bn is not null ${donor ? 'and donor = $1' : ''}
     order by donor, month, t.measure, t.aid_type`,
    donor ? [donor] : [],
  );
  return rows.map((r) => ({
    donor: r.donor,
    month: r.month,
    aidType: r.aid_type,
    measure: r.measure,
    eurBn: Number(r.eur_bn),
  }));
}

export interface InstrumentRowSql {
  key: string;
  kind: string;
  donor: string;
  title: string;
  signed_on: string | null;
  duration_years: number | null;
  source_id: string;
  evidence: string;
  note: string | null;
}

export async function loadInstruments(db: DbQueryable, key?: string): Promise<InstrumentRowSql[]> {
  return db.query<InstrumentRowSql>(
    `select key, kind, donor, title, signed_on::text as signed_on, duration_years, source_id, evidence, note
     from instruments ${key ? 'where key = $1' : ''} order by signed_on nulls last, key`,
    key ? [key] : [],
  );
}

export async function knownDonors(db: DbQueryable): Promise<string[]> {
  const rows = await db.query<{ donor: string }>(
    'select donor from pledges union select donor from kiel_monthly union select donor from instruments order by 1',
  );
  return rows.map((r) => r.donor);
}

export async function kielWeapons(
  db: DbQueryable,
  donor?: string,
): Promise<
  { donor: string; category: string; count: number; value_eur: number | null; items: string | null }[]
> {
  return db.query(
    `select donor, category, count::float8 as count, value_eur::float8 as value_eur, items from kiel_weapons
     ${donor ? 'where donor = $1' : ''} order by donor, category`,
    donor ? [donor] : [],
  );
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_key: string;
  release_id: number | null;
}

export async function auditLog(db: DbQueryable, limit = 1000): Promise<AuditRow[]> {
  return db.query<AuditRow>(
    `select id::int as id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at, actor, action, entity, entity_key, release_id
     from audit_log order by id desc limit $1`,
    [limit],
  );
}
