// Kiel Ukraine Support Tracker tables (CSV as re-published, or the workbook's main sheet) -> ledger records
import type { Diagnostic } from '../errors.js';
import type { CsvRow, CsvTable } from './csv.js';
import { lookupDonor } from './donors.js';
import type { Category, KielMonth, KielWeapon, LedgerPledge } from './ledger.js';
import { bindColumns, type ColumnSpec, type RowReader, readerFor } from './row-reader.js';

export interface Parsed<T> {
  records: T[];
  /** errors (any error means nothing is imported) and warnings */
  diagnostics: Diagnostic[];
  /** facts worth telling the user that are not problems, e.g. how many identical rows were kept */
  notes: string[];
}

export const hasErrors = (ds: Diagnostic[]) => ds.some((d) => (d.severity ?? 'error') === 'error');

/** the canonical donor name, or an error with a suggestion */
export function readDonor(r: RowReader, row: CsvRow, column: string): string | undefined {
  const raw = r.text(row, column, { required: true });
  if (raw === undefined) return undefined;
  const hit = lookupDonor(raw);
  if (hit.ok) return hit.donor.name;
  r.fail(
    row,
    column,
    'tracker.unknown-donor',
    `unknown donor '${raw}'`,
    hit.suggestion
      ? `did you mean '${hit.suggestion}'?`
      : 'use a donor name as the Kiel tracker spells it (see docs/tracker.md)',
  );
  return undefined;
}

function duplicateCheck(
  seen: Map<string, number>,
  key: string,
  r: RowReader,
  row: CsvRow,
  column: string,
  what: string,
): boolean {
  const prev = seen.get(key);
  if (prev !== undefined) {
    r.fail(
      row,
      column,
      'tracker.duplicate-row',
      `duplicate ${what} '${key}', first seen on line ${prev}`,
      'remove one of the two rows',
    );
    return true;
  }
  seen.set(key, row.line);
  return false;
}

export const EXPLORER_COLUMNS: ColumnSpec[] = [
  { name: 'country', required: true, aliases: ['donor'] },
  { name: 'iso', required: false },
  { name: 'year', required: true },
  { name: 'month', required: true },
  { name: 'total', required: true },
  { name: 'financial', required: true },
  { name: 'humanitarian', required: true },
  { name: 'military', required: true },
  { name: 'commitments', required: false },
  { name: 'to_be_allocated', required: false },
  { name: 'gdp', required: false },
  { name: 'pct_gdp', required: false },
];

export function parseKielExplorer(table: CsvTable, file: string): Parsed<KielMonth> {
  const out: Diagnostic[] = [];
  const bound = bindColumns(table.header, EXPLORER_COLUMNS, file, 'Kiel data explorer');
  if (bound.diagnostics.length) return { records: [], diagnostics: bound.diagnostics, notes: [] };
  const r = readerFor(table, bound, file, out);
  const seen = new Map<string, number>();
  const records: KielMonth[] = [];
  for (const row of table.rows) {
    const before = out.length;
    const donor = readDonor(r, row, 'country');
    const year = r.number(row, 'year', { required: true });
    const month = r.number(row, 'month', { required: true });
    if (year !== undefined && (!Number.isInteger(year) || year < 2022 || year > 2100))
      r.fail(row, 'year', 'tracker.bad-date', `year ${year} is outside the tracker's range (2022 onward)`);
    if (month !== undefined && (!Number.isInteger(month) || month < 1 || month > 12))
      r.fail(row, 'month', 'tracker.bad-date', `month ${month} is not 1-12`);
    const nn = { required: true, nonNegative: true };
    const rec = {
      total: r.number(row, 'total', nn),
      financial: r.number(row, 'financial', nn),
      humanitarian: r.number(row, 'humanitarian', nn),
      military: r.number(row, 'military', nn),
      commitments: r.number(row, 'commitments', { nonNegative: true }),
      // negative when more was allocated than committed; Kiel publishes it that way
      toBeAllocated: r.number(row, 'to_be_allocated'),
      gdp: r.number(row, 'gdp', { nonNegative: true }),
      pctGdp: r.number(row, 'pct_gdp', { nonNegative: true }),
    };
    if (out.length > before || donor === undefined) continue;
    const m = `${year}-${String(month).padStart(2, '0')}`;
    const key = `${donor}|${m}`;
    if (duplicateCheck(seen, key, r, row, 'country', 'donor-month')) continue;
    records.push({
      key,
      donor,
      iso: r.text(row, 'iso'),
      month: m,
      total: rec.total!,
      financial: rec.financial!,
      humanitarian: rec.humanitarian!,
      military: rec.military!,
      commitments: rec.commitments,
      toBeAllocated: rec.toBeAllocated,
      gdp: rec.gdp,
      pctGdp: rec.pctGdp,
    });
  }
  return { records, diagnostics: out, notes: [] };
}

export const WEAPONS_COLUMNS: ColumnSpec[] = [
  { name: 'donor', required: true, aliases: ['country'] },
  { name: 'category', required: true },
  { name: 'number_of_weapons', required: true, aliases: ['count'] },
  { name: 'monetary_value_eur', required: false, aliases: ['value_eur'] },
  { name: 'weapons_list', required: false },
];

export function parseKielWeapons(table: CsvTable, file: string): Parsed<KielWeapon> {
  const out: Diagnostic[] = [];
  const bound = bindColumns(table.header, WEAPONS_COLUMNS, file, 'Kiel weapons');
  if (bound.diagnostics.length) return { records: [], diagnostics: bound.diagnostics, notes: [] };
  const r = readerFor(table, bound, file, out);
  const seen = new Map<string, number>();
  const records: KielWeapon[] = [];
  for (const row of table.rows) {
    const before = out.length;
    const donor = readDonor(r, row, 'donor');
    const category = r.text(row, 'category', { required: true });
    const count = r.number(row, 'number_of_weapons', { required: true, nonNegative: true });
    const valueEur = r.number(row, 'monetary_value_eur', { nonNegative: true });
    if (out.length > before || donor === undefined || category === undefined) continue;
    const key = `${donor}|${category}`;
    if (duplicateCheck(seen, key, r, row, 'donor', 'donor and category')) continue;
    records.push({ key, donor, category, count: count!, valueEur, items: r.text(row, 'weapons_list') });
  }
  return { records, diagnostics: out, notes: [] };
}

export const ACTIVITY_COLUMNS: ColumnSpec[] = [
  { name: 'donor', required: true, aliases: ['country'] },
  { name: 'announcement_date', required: true },
  { name: 'aid_type', required: true, aliases: ['aid_type_general'] },
  { name: 'measure', required: true },
  { name: 'value_eur', required: true, aliases: ['tot_sub_activity_value_EUR'] },
];

const AID_TYPES: Record<string, Category> = {
  military: 'military',
  financial: 'financial',
  humanitarian: 'humanitarian',
};

/** the shared half of activity parsing: the CSV and the workbook both end up here */
export function activityPledge(
  origin: string,
  a: {
    donor: string;
    date: string | undefined;
    category: Category;
    measure: 'allocation' | 'commitment';
    valueEur: number | undefined;
    id?: string;
    item?: string;
    quantity?: number;
    deliveredQuantity?: number;
  },
  occurrence: number,
  release: string,
): LedgerPledge {
  // Kiel commitment rows in the re-published CSV carry 0 for "no value stated"
  const value = a.measure === 'commitment' && a.valueEur === 0 ? undefined : a.valueEur;
  const correction = value !== undefined && value < 0;
  const key = a.id
    ? `${origin}:${a.id}`
    : `${origin}:${a.donor}|${a.date ?? 'undated'}|${a.category}|${a.measure}|${a.valueEur ?? ''}#${occurrence}`;
  const stage = a.measure === 'allocation' ? 'allocated' : 'committed';
  const events: LedgerPledge['events'] = [
    {
      stage,
      ...(a.date ? { on: a.date } : {}),
      ...(a.quantity !== undefined ? { quantity: a.quantity } : {}),
      ...(value !== undefined ? { valueEur: value } : {}),
      source: release,
      ...(correction ? { note: 'downward correction (negative allocation in the Kiel data)' } : {}),
    },
  ];
  if (a.deliveredQuantity !== undefined && a.deliveredQuantity > 0)
    events.push({
      stage: 'delivered',
      quantity: a.deliveredQuantity,
      source: release,
      note: 'Kiel item_numb_deliv (no delivery date)',
    });
  return {
    key,
    donor: a.donor,
    category: a.category,
    ...(a.item ? { item: a.item } : {}),
    ...(a.quantity !== undefined ? { quantity: a.quantity } : {}),
    ...(value !== undefined && !correction ? { valueEur: value, value, currency: 'EUR' } : {}),
    ...(a.date ? { announcedOn: a.date } : {}),
    ...(a.date && a.measure === 'commitment' ? { committedOn: a.date } : {}),
    sourceId: release,
    evidence: 'verified',
    events,
  };
}

export function parseKielActivities(table: CsvTable, file: string, release: string): Parsed<LedgerPledge> {
  const out: Diagnostic[] = [];
  const bound = bindColumns(table.header, ACTIVITY_COLUMNS, file, 'Kiel activities');
  if (bound.diagnostics.length) return { records: [], diagnostics: bound.diagnostics, notes: [] };
  const r = readerFor(table, bound, file, out);
  const occurrences = new Map<string, number>();
  const records: LedgerPledge[] = [];
  let undated = 0;
  let corrections = 0;
  for (const row of table.rows) {
    const before = out.length;
    const donor = readDonor(r, row, 'donor');
    const date = r.date(row, 'announcement_date');
    const typeRaw = r.text(row, 'aid_type', { required: true });
    const category = typeRaw ? AID_TYPES[typeRaw.toLowerCase()] : undefined;
    if (typeRaw && !category)
      r.fail(
        row,
        'aid_type',
        'tracker.bad-value',
        `aid type '${typeRaw}' is not Financial, Humanitarian or Military`,
      );
    const measureRaw = r.text(row, 'measure', { required: true })?.toLowerCase();
    if (measureRaw && measureRaw !== 'allocation' && measureRaw !== 'commitment')
      r.fail(row, 'measure', 'tracker.bad-value', `measure '${measureRaw}' is not Allocation or Commitment`);
    const valueEur = r.number(row, 'value_eur');
    if (out.length > before || !donor || !category || !measureRaw) continue;
    if (!date) undated++;
    if (valueEur !== undefined && valueEur < 0) {
      corrections++;
      out.push({
        code: 'tracker.negative-correction',
        message: `negative allocation ${valueEur.toFixed(0)} EUR kept as a downward correction (column 'value_eur')`,
        path: [],
        file,
        line: r.cell(row, 'value_eur')?.line ?? row.line,
        col: r.cell(row, 'value_eur')?.col ?? 1,
        severity: 'warning',
      });
    }
    const measure = measureRaw as 'allocation' | 'commitment';
    // Kiel's sub-activities repeat donor, date, type and value; identical rows are distinct entries, numbered
    const base = `${donor}|${date}|${category}|${measure}|${valueEur}`;
    const n = (occurrences.get(base) ?? 0) + 1;
    occurrences.set(base, n);
    records.push(activityPledge('kiel-activities', { donor, date, category, measure, valueEur }, n, release));
  }
  const repeated = [...occurrences.values()].reduce((s, n) => s + (n - 1), 0);
  const notes: string[] = [];
  if (repeated)
    notes.push(
      `${repeated} rows repeat an earlier row exactly; Kiel lists sub-activities that way, so each is kept and numbered`,
    );
  if (undated) notes.push(`${undated} rows have no announcement date`);
  if (corrections) notes.push(`${corrections} negative allocations kept as corrections`);
  return { records, diagnostics: out, notes };
}
