// RFC 4180 CSV with positions: every cell knows its line and column so problems point at file:line:col
import type { Diagnostic } from '../errors.js';

export interface CsvCell {
  value: string;
  line: number;
  col: number;
}

export interface CsvRow {
  line: number;
  cells: CsvCell[];
}

export interface CsvTable {
  delimiter: ',' | ';' | '\t';
  header: CsvCell[];
  rows: CsvRow[];
}

export type CsvResult = { ok: true; table: CsvTable } | { ok: false; diagnostics: Diagnostic[] };

/** the delimiter that splits the header line into the most fields (outside quotes) */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
}

export function parseCsv(input: string, file: string): CsvResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const diagnostics: Diagnostic[] = [];
  const records: CsvRow[] = [];
  let line = 1;
  let col = 1;
  let cells: CsvCell[] = [];
  let rowLine = 1;
  let cur = '';
  let cellLine = 1;
  let cellCol = 1;
  let quoted = false;
  let quoteLine = 0;
  let quoteCol = 0;
  let afterQuote = false;
  const pushCell = () => {
    cells.push({ value: cur, line: cellLine, col: cellCol });
    cur = '';
    afterQuote = false;
  };
  const pushRow = () => {
    pushCell();
    // blank lines carry no data
    if (!(cells.length === 1 && cells[0]!.value === '')) records.push({ line: rowLine, cells });
    cells = [];
  };
  let i = 0;
  const n = text.length;
  let atCellStart = true;
  while (i < n) {
    const ch = text[i]!;
    if (atCellStart) {
      cellLine = line;
      cellCol = col;
      if (cells.length === 0) rowLine = line;
      atCellStart = false;
    }
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cur += '"';
          i += 2;
          col += 2;
          continue;
        }
        quoted = false;
        afterQuote = true;
      } else if (ch === '\n') {
        cur += ch;
        line++;
        col = 0;
      } else cur += ch;
      i++;
      col++;
      continue;
    }
    if (ch === '"' && cur === '' && !afterQuote) {
      quoted = true;
      quoteLine = line;
      quoteCol = col;
    } else if (ch === delimiter) {
      pushCell();
      atCellStart = true;
    } else if (ch === '\r' || ch === '\n') {
      pushRow();
      atCellStart = true;
      if (ch === '\r' && text[i + 1] === '\n') i++;
      line++;
      col = 0;
    } else if (afterQuote) {
      diagnostics.push({
        code: 'csv.text-after-quote',
        message: `unexpected ${JSON.stringify(ch)} after a closing quote`,
        path: [],
        file,
        line,
        col,
        hint: 'inside a quoted cell write a quote as "" (two quotes)',
      });
      afterQuote = false;
      cur += ch;
    } else cur += ch;
    i++;
    col++;
  }
  if (quoted) {
    diagnostics.push({
      code: 'csv.unterminated-quote',
      message: 'a quoted cell is never closed: the file ends inside it (truncated file?)',
      path: [],
      file,
      line: quoteLine,
      col: quoteCol,
      hint: 're-export or re-download the file; a complete CSV closes every quote',
    });
  } else if (!atCellStart || cells.length > 0) pushRow();
  if (diagnostics.length) return { ok: false, diagnostics };
  const [header, ...rows] = records;
  if (!header) {
    return {
      ok: false,
      diagnostics: [
        {
          code: 'csv.empty',
          message: 'the file is empty',
          path: [],
          file,
          line: 1,
          col: 1,
          hint: 'expected a header row',
        },
      ],
    };
  }
  for (const c of header.cells) c.value = c.value.trim();
  const width = header.cells.length;
  const endsWithNewline = /[\r\n]$/.test(text);
  rows.forEach((r, idx) => {
    if (r.cells.length === width) return;
    const last = idx === rows.length - 1;
    const truncated = last && !endsWithNewline && r.cells.length < width;
    const lastCell = r.cells[r.cells.length - 1]!;
    diagnostics.push({
      code: truncated ? 'csv.truncated' : 'csv.field-count',
      message: truncated
        ? `the last row stops after ${r.cells.length} of ${width} fields: the file looks truncated`
        : `row has ${r.cells.length} fields, the header has ${width}`,
      path: [],
      file,
      line: r.line,
      col: r.cells.length < width ? lastCell.col + lastCell.value.length : (r.cells[width]?.col ?? 1),
      hint: truncated
        ? 're-export or re-download the complete file'
        : delimiter === ','
          ? 'quote cells that contain commas'
          : `this file is ${delimiter === ';' ? 'semicolon' : 'tab'}-separated; quote cells that contain the separator`,
    });
  });
  if (diagnostics.length) return { ok: false, diagnostics };
  return { ok: true, table: { delimiter, header: header.cells, rows } };
}
