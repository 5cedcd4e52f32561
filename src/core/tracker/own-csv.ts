// Guarantor's own ledger CSV: one row per pipeline event, pledge fields repeated on each row (docs/tracker.md)
import type { Diagnostic } from '../errors.js';
import type { CsvRow, CsvTable } from './csv.js';
import { type Parsed, readDonor } from './kiel-rows.js';
import { Category, type LedgerEvent, type LedgerPledge, Stage } from './ledger.js';
import { bindColumns, type ColumnSpec, readerFor } from './row-reader.js';

export const OWN_CSV_COLUMNS: ColumnSpec[] = [
  { name: 'pledge_id', required: true },
  { name: 'donor', required: true },
  { name: 'category', required: true },
  { name: 'stage', required: true },
  { name: 'date', required: true },
  { name: 'instrument', required: false },
  { name: 'item', required: false },
  { name: 'unit', required: false },
  { name: 'quantity', required: false },
  { name: 'value', required: false },
  { name: 'currency', required: false },
  { name: 'value_eur', required: false },
  { name: 'due', required: false },
  { name: 'source', required: false },
  { name: 'note', required: false },
];

const STAGE_ALIASES: Record<string, Stage> = { contracted: 'allocated', pledged: 'committed' };

interface Draft {
  firstLine: number;
  shared: Record<string, string | undefined>;
  pledge: LedgerPledge;
}

const SHARED = ['donor', 'category', 'instrument', 'item', 'unit', 'due'] as const;

export function parseOwnCsv(table: CsvTable, file: string): Parsed<LedgerPledge> {
  const out: Diagnostic[] = [];
  const bound = bindColumns(table.header, OWN_CSV_COLUMNS, file, 'ledger CSV');
  if (bound.diagnostics.length) return { records: [], diagnostics: bound.diagnostics, notes: [] };
  const r = readerFor(table, bound, file, out);
  const drafts = new Map<string, Draft>();
  const rowsSeen = new Map<string, number>();
  const fingerprint = (row: CsvRow) => row.cells.map((c) => c.value.trim()).join('\u0001');
  for (const row of table.rows) {
    const before = out.length;
    const id = r.text(row, 'pledge_id', { required: true });
    if (id && !/^[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(id))
      r.fail(
        row,
        'pledge_id',
        'tracker.bad-id',
        `pledge id '${id}' has spaces or symbols`,
        'use letters, digits, dot, dash, colon',
      );
    const donor = readDonor(r, row, 'donor');
    const catRaw = r.text(row, 'category', { required: true })?.toLowerCase();
    const category = catRaw ? Category.safeParse(catRaw) : undefined;
    if (category && !category.success)
      r.fail(
        row,
        'category',
        'tracker.bad-value',
        `category '${catRaw}' is not one of ${Category.options.join(', ')}`,
      );
    const stageRaw = r.text(row, 'stage', { required: true })?.toLowerCase();
    const stage = stageRaw ? Stage.safeParse(STAGE_ALIASES[stageRaw] ?? stageRaw) : undefined;
    if (stage && !stage.success)
      r.fail(
        row,
        'stage',
        'tracker.bad-value',
        `stage '${stageRaw}' is not one of ${Stage.options.join(', ')} (or contracted)`,
      );
    const date = r.date(row, 'date', { required: true });
    const due = r.date(row, 'due');
    const quantity = r.number(row, 'quantity', { nonNegative: true });
    const value = r.number(row, 'value', { nonNegative: true });
    const currency = r.text(row, 'currency')?.toUpperCase();
    if (currency && !/^[A-Z]{3}$/.test(currency))
      r.fail(
        row,
        'currency',
        'tracker.bad-value',
        `currency '${currency}' is not an ISO 4217 code`,
        'e.g. EUR, USD, GBP',
      );
    let valueEur = r.number(row, 'value_eur', { nonNegative: true });
    if (value !== undefined && valueEur === undefined) {
      if (!currency || currency === 'EUR') valueEur = value;
      else
        r.fail(
          row,
          'value_eur',
          'tracker.missing-value',
          `value is in ${currency} but value_eur is empty`,
          'give the EUR value you used and its rate source in the note; we do not guess exchange rates',
        );
    }
    if (out.length > before || !id || !donor || !category?.success || !stage?.success || !date) continue;
    const fp = fingerprint(row);
    const dup = rowsSeen.get(fp);
    if (dup !== undefined) {
      r.fail(
        row,
        'pledge_id',
        'tracker.duplicate-row',
        `this row repeats line ${dup} exactly`,
        'delete the repeated row',
      );
      continue;
    }
    rowsSeen.set(fp, row.line);
    const shared: Draft['shared'] = {
      donor,
      category: category.data,
      instrument: r.text(row, 'instrument'),
      item: r.text(row, 'item'),
      unit: r.text(row, 'unit'),
      due,
    };
    let draft = drafts.get(id);
    if (!draft) {
      draft = {
        firstLine: row.line,
        shared,
        pledge: {
          key: `csv:${id}`,
          donor,
          category: category.data,
          ...(shared.instrument ? { instrumentKey: shared.instrument } : {}),
          ...(shared.item ? { item: shared.item } : {}),
          ...(shared.unit ? { unit: shared.unit } : {}),
          ...(due ? { dueOn: due } : {}),
          evidence: 'verified',
          events: [],
        },
      };
      drafts.set(id, draft);
    } else {
      for (const k of SHARED) {
        if ((shared[k] ?? '') !== (draft.shared[k] ?? '')) {
          const col = k === 'due' ? 'due' : k;
          r.fail(
            row,
            col,
            'tracker.inconsistent-pledge',
            `pledge '${id}' has ${k} '${shared[k] ?? ''}' here but '${draft.shared[k] ?? ''}' on line ${draft.firstLine}`,
            'pledge fields must be the same on every row of a pledge',
          );
        }
      }
    }
    const ev: LedgerEvent = {
      stage: stage.data,
      on: date,
      ...(quantity !== undefined ? { quantity } : {}),
      ...(valueEur !== undefined ? { valueEur } : {}),
      ...(r.text(row, 'source') ? { source: r.text(row, 'source') } : {}),
      ...(r.text(row, 'note') ? { note: r.text(row, 'note') } : {}),
    };
    draft.pledge.events.push(ev);
    const p = draft.pledge;
    if (stage.data === 'announced' && (!p.announcedOn || date < p.announcedOn)) p.announcedOn = date;
    if (stage.data === 'committed') {
      if (!p.committedOn || date < p.committedOn) p.committedOn = date;
      if (quantity !== undefined) p.quantity = (p.quantity ?? 0) + quantity;
      if (valueEur !== undefined) p.valueEur = (p.valueEur ?? 0) + valueEur;
      if (value !== undefined) {
        p.value = (p.value ?? 0) + value;
        p.currency = currency ?? 'EUR';
      }
    }
  }
  // a pledge only announced takes its size from the announcement
  const records = [...drafts.values()].map(({ pledge }) => {
    if (pledge.quantity === undefined && pledge.valueEur === undefined) {
      const ann = pledge.events.filter((e) => e.stage === 'announced');
      const q = ann.reduce((s, e) => s + (e.quantity ?? 0), 0);
      const v = ann.reduce((s, e) => s + (e.valueEur ?? 0), 0);
      if (q > 0) pledge.quantity = q;
      if (v > 0) pledge.valueEur = v;
    }
    pledge.events.sort(
      (a, b) =>
        Stage.options.indexOf(a.stage) - Stage.options.indexOf(b.stage) ||
        (a.on ?? '').localeCompare(b.on ?? ''),
    );
    return pledge;
  });
  return { records, diagnostics: out, notes: [] };
}
