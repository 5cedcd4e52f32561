// the release workbook's main sheet ("Bilateral Assistance, MAIN DATA"): its column contract and row mapping.
// The layout drifts between releases (header row offset, a blank column A in Release 28), so the contract is
// checked by name and every missing or renamed column is reported before anything is imported.
import type { Diagnostic } from '../errors.js';
import type { CsvTable } from './csv.js';
import { activityPledge, type Parsed, readDonor } from './kiel-rows.js';
import type { Category, LedgerPledge } from './ledger.js';
import { bindColumns, type ColumnSpec, readerFor } from './row-reader.js';

export const MAIN_SHEET = 'Bilateral Assistance, MAIN DATA';

export const WORKBOOK_COLUMNS: ColumnSpec[] = [
  { name: 'donor', required: true },
  { name: 'announcement_date', required: true },
  { name: 'aid_type_general', required: true },
  { name: 'measure', required: true },
  { name: 'tot_sub_activity_value_EUR', required: true, aliases: ['tot_sub_activity_value_EUR_OLD'] },
  { name: 'activity_id', required: true },
  { name: 'item_type', required: false },
  { name: 'item', required: false },
  { name: 'item_numb', required: false },
  { name: 'item_numb_deliv', required: false },
  { name: 'explanation', required: false },
];

/** the header row is the first of the top rows that names both donor and measure */
export function findHeaderRow(rows: string[][], scan = 30): number {
  for (let i = 0; i < Math.min(rows.length, scan); i++) {
    const names = rows[i]!.map((c) => c.trim().toLowerCase());
    if (names.includes('donor') && names.includes('measure')) return i;
  }
  return -1;
}

const CATS: Record<string, Category> = {
  military: 'military',
  financial: 'financial',
  humanitarian: 'humanitarian',
};

export function parseKielWorkbookSheet(table: CsvTable, file: string, release: string): Parsed<LedgerPledge> {
  const out: Diagnostic[] = [];
  const bound = bindColumns(table.header, WORKBOOK_COLUMNS, file, `'${MAIN_SHEET}'`, true);
  if (bound.diagnostics.length) return { records: [], diagnostics: bound.diagnostics, notes: [] };
  const r = readerFor(table, bound, file, out);
  const perActivity = new Map<string, number>();
  const records: LedgerPledge[] = [];
  for (const row of table.rows) {
    const before = out.length;
    const donor = readDonor(r, row, 'donor');
    const date = r.date(row, 'announcement_date');
    // trailing spaces such as 'Humanitarian ' occur in the workbook
    const typeRaw = r.text(row, 'aid_type_general', { required: true });
    const category = typeRaw ? CATS[typeRaw.trim().toLowerCase()] : undefined;
    if (typeRaw && !category)
      r.fail(
        row,
        'aid_type_general',
        'tracker.bad-value',
        `aid type '${typeRaw}' is not Financial, Humanitarian or Military`,
      );
    const measure = r.text(row, 'measure', { required: true })?.trim().toLowerCase();
    if (measure && measure !== 'allocation' && measure !== 'commitment')
      r.fail(row, 'measure', 'tracker.bad-value', `measure '${measure}' is not Allocation or Commitment`);
    const valueEur = r.number(row, 'tot_sub_activity_value_EUR');
    const activity = r.text(row, 'activity_id', { required: true });
    const quantity = r.number(row, 'item_numb', { nonNegative: true });
    const delivered = r.number(row, 'item_numb_deliv', { nonNegative: true });
    if (out.length > before || !donor || !category || !measure || !activity) continue;
    const n = (perActivity.get(activity) ?? 0) + 1;
    perActivity.set(activity, n);
    const item = r.text(row, 'item');
    records.push(
      activityPledge(
        'kiel-xlsx',
        {
          donor,
          date,
          category,
          measure: measure as 'allocation' | 'commitment',
          valueEur,
          id: `${activity}#${n}`,
          ...(item ? { item } : {}),
          ...(quantity !== undefined ? { quantity } : {}),
          ...(delivered !== undefined ? { deliveredQuantity: delivered } : {}),
        },
        n,
        release,
      ),
    );
  }
  return { records, diagnostics: out, notes: [] };
}
