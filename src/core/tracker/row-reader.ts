// column contracts and typed cell access for imported tables; every problem becomes a located Diagnostic
import type { Diagnostic } from '../errors.js';
import { didYouMean } from '../util/did-you-mean.js';
import type { CsvCell, CsvRow, CsvTable } from './csv.js';
import { parseDate } from './dates.js';

export interface ColumnSpec {
  name: string;
  required: boolean;
  /** earlier or alternative spellings accepted silently */
  aliases?: string[];
}

export interface BoundColumns {
  index: Map<string, number>;
  diagnostics: Diagnostic[];
}

const norm = (s: string) => s.trim().toLowerCase();

/** matches header cells to the contract: missing required columns are errors that name likely renames */
export function bindColumns(
  header: CsvCell[],
  specs: ColumnSpec[],
  file: string,
  what: string,
  /** spreadsheet cells: col counts columns, not characters */
  sheet = false,
): BoundColumns {
  const index = new Map<string, number>();
  const names = header.map((c) => norm(c.value));
  const used = new Set<number>();
  for (const s of specs) {
    const i = names.findIndex((h) => h === norm(s.name) || (s.aliases ?? []).some((a) => norm(a) === h));
    if (i >= 0) {
      index.set(s.name, i);
      used.add(i);
    }
  }
  const unused = header.filter((_, i) => !used.has(i)).map((c) => c.value);
  const diagnostics: Diagnostic[] = [];
  for (const s of specs) {
    if (!s.required || index.has(s.name)) continue;
    const guess = didYouMean(s.name, unused);
    const last = header[header.length - 1];
    diagnostics.push({
      code: 'tracker.missing-column',
      message: guess
        ? `required column '${s.name}' is missing; column '${guess}' looks like it was renamed`
        : `required column '${s.name}' is missing from the ${what} header`,
      path: [],
      file,
      line: header[0]?.line ?? 1,
      col: guess
        ? header.find((c) => c.value === guess)!.col
        : last
          ? last.col + (sheet ? 1 : last.value.length)
          : 1,
      hint: `expected columns: ${specs.map((x) => x.name).join(', ')}`,
    });
  }
  return { index, diagnostics };
}

export interface CellOpts {
  required?: boolean;
  /** reject negative numbers */
  nonNegative?: boolean;
}

/** typed reads of one row; problems accumulate in `out` so one pass reports every bad cell */
export class RowReader {
  constructor(
    readonly file: string,
    readonly index: Map<string, number>,
    readonly decimalComma: boolean,
    readonly out: Diagnostic[],
  ) {}

  cell(row: CsvRow, name: string): CsvCell | undefined {
    const i = this.index.get(name);
    return i === undefined ? undefined : row.cells[i];
  }

  fail(row: CsvRow, name: string, code: string, message: string, hint?: string): void {
    const c = this.cell(row, name);
    this.out.push({
      code,
      message: `${message} (column '${name}')`,
      path: [],
      file: this.file,
      line: c?.line ?? row.line,
      col: c?.col ?? 1,
      ...(hint ? { hint } : {}),
    });
  }

  text(row: CsvRow, name: string, opts: CellOpts = {}): string | undefined {
    const v = this.cell(row, name)?.value.trim() ?? '';
    if (v === '') {
      if (opts.required) this.fail(row, name, 'tracker.missing-value', 'a value is required here');
      return undefined;
    }
    return v;
  }

  number(row: CsvRow, name: string, opts: CellOpts = {}): number | undefined {
    const raw = this.text(row, name, opts);
    if (raw === undefined) return undefined;
    let s = raw.replace(/[\s\u00a0_]/g, '');
    if (this.decimalComma && /^-?\d+(\.\d{3})*(,\d+)?$/.test(s)) s = s.replace(/\./g, '').replace(',', '.');
    const n = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s) ? Number(s) : Number.NaN;
    if (!Number.isFinite(n)) {
      this.fail(
        row,
        name,
        'tracker.bad-number',
        `'${raw}' is not a number`,
        'write plain numbers such as 1500000 or 2.5',
      );
      return undefined;
    }
    if (opts.nonNegative && n < 0) {
      this.fail(
        row,
        name,
        'tracker.negative',
        `${raw} is negative; expected 0 or more`,
        'record a reduction as a new event or a correction note, not a negative amount',
      );
      return undefined;
    }
    return n;
  }

  date(row: CsvRow, name: string, opts: CellOpts = {}): string | undefined {
    const raw = this.text(row, name, opts);
    if (raw === undefined) return undefined;
    const r = parseDate(raw);
    if (!r.ok) {
      this.fail(row, name, 'tracker.bad-date', r.message, 'write dates as YYYY-MM-DD');
      return undefined;
    }
    return r.iso;
  }
}

export function readerFor(table: CsvTable, bound: BoundColumns, file: string, out: Diagnostic[]): RowReader {
  return new RowReader(file, bound.index, table.delimiter === ';', out);
}
