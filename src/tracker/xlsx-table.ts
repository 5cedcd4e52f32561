// reads the Kiel release workbook's main sheet into the same located table the CSV importers use
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import { type Diagnostic, GuarantorError } from '../core/errors.js';
import type { CsvCell, CsvTable } from '../core/tracker/csv.js';
import { findHeaderRow, MAIN_SHEET } from '../core/tracker/kiel-workbook.js';

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v) return String((v as { text: unknown }).text);
    if ('error' in v) return '';
  }
  return String(v);
}

/** cells keep their sheet row as `line` and column number as `col`, so diagnostics read file:row:col */
export async function readWorkbookSheet(
  path: string,
  display: string,
): Promise<{ table: CsvTable; file: string }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    throw new GuarantorError(
      'tracker.bad-workbook',
      `${display} is not a readable XLSX workbook (${e instanceof Error ? e.message : e})`,
      [
        {
          code: 'tracker.bad-workbook',
          message: 'not a readable XLSX workbook (truncated or not XLSX?)',
          path: [],
          file: display,
          line: 1,
          col: 1,
          hint: 're-download the release workbook',
        },
      ],
    );
  }
  const sheet = wb.getWorksheet(MAIN_SHEET);
  const file = `${display}[${MAIN_SHEET}]`;
  if (!sheet) {
    const names = wb.worksheets.map((w) => w.name);
    const diag: Diagnostic = {
      code: 'tracker.missing-sheet',
      message: `no sheet named '${MAIN_SHEET}'`,
      path: [],
      file: display,
      line: 1,
      col: 1,
      hint: `sheets found: ${names.join(', ') || '(none)'}`,
    };
    throw new GuarantorError('tracker.missing-sheet', `${basename(display)} has no sheet '${MAIN_SHEET}'`, [
      diag,
    ]);
  }
  const raw: { line: number; cells: CsvCell[] }[] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CsvCell[] = [];
    for (let c = 1; c <= width; c++)
      cells.push({ value: cellText(row.getCell(c).value).trim(), line: rowNumber, col: c });
    raw.push({ line: rowNumber, cells });
  });
  const headerIdx = findHeaderRow(raw.map((r) => r.cells.map((c) => c.value)));
  if (headerIdx < 0) {
    throw new GuarantorError(
      'tracker.missing-column',
      `no header row with 'donor' and 'measure' in the first rows of '${MAIN_SHEET}'`,
      [
        {
          code: 'tracker.missing-column',
          message: "no header row naming 'donor' and 'measure' in the first 30 rows",
          path: [],
          file,
          line: 1,
          col: 1,
          hint: 'the column contract is listed in docs/tracker.md',
        },
      ],
    );
  }
  const header = raw[headerIdx]!;
  // drop empty header columns (Release 28 inserted a blank column A) but keep positions
  const keep = header.cells.map((c, i) => (c.value !== '' ? i : -1)).filter((i) => i >= 0);
  const pick = (cells: CsvCell[]) =>
    keep.map((i) => cells[i] ?? { value: '', line: header.line, col: i + 1 });
  const rows = raw
    .slice(headerIdx + 1)
    .map((r) => ({ line: r.line, cells: pick(r.cells) }))
    .filter((r) => r.cells.some((c) => c.value !== ''));
  return { table: { delimiter: ',', header: pick(header.cells), rows }, file };
}
