import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from './csv.js';

const ok = (text: string) => {
  const r = parseCsv(text, 'f.csv');
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.table;
};

describe('parseCsv', () => {
  it('reads quoted cells with commas, doubled quotes and newlines, keeping each cell position', () => {
    const t = ok('a,b,c\n1,"x, ""y""",3\n4,"multi\nline",6\n');
    expect(t.rows.map((r) => r.cells.map((c) => c.value))).toEqual([
      ['1', 'x, "y"', '3'],
      ['4', 'multi\nline', '6'],
    ]);
    expect(t.rows[0]!.cells[2]).toEqual({ value: '3', line: 2, col: 14 });
    expect(t.rows[1]!.line).toBe(3);
  });

  it('handles CRLF, a BOM, blank lines and a missing final newline', () => {
    const t = ok('\uFEFFa,b\r\n1,2\r\n\r\n3,4');
    expect(t.header.map((c) => c.value)).toEqual(['a', 'b']);
    expect(t.rows.map((r) => r.line)).toEqual([2, 4]);
  });

  it('detects semicolon and tab separators from the header', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('a\tb\n')).toBe('\t');
    expect(detectDelimiter('"x;y",b\n')).toBe(',');
    expect(ok('a;b\n1,5;2\n').rows[0]!.cells.map((c) => c.value)).toEqual(['1,5', '2']);
  });

  it('reports a file cut off inside a quoted cell at the opening quote', () => {
    const r = parseCsv('a,b\n1,"never closed\n', 'f.csv');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]).toMatchObject({ code: 'csv.unterminated-quote', line: 2, col: 3 });
  });

  it('calls a short last row without a final newline truncated, and a short middle row a field-count error', () => {
    const cut = parseCsv('a,b,c\n1,2,3\n4,5', 'f.csv');
    expect(cut.ok).toBe(false);
    if (!cut.ok) expect(cut.diagnostics[0]).toMatchObject({ code: 'csv.truncated', line: 3, col: 4 });
    const mid = parseCsv('a,b,c\n1,2\n4,5,6\n', 'f.csv');
    if (mid.ok) throw new Error('expected failure');
    expect(mid.diagnostics[0]).toMatchObject({ code: 'csv.field-count', line: 2 });
  });

  it('rejects an empty file and text after a closing quote', () => {
    expect(parseCsv('', 'f.csv').ok).toBe(false);
    const r = parseCsv('a,b\n"x"y,2\n', 'f.csv');
    if (r.ok) throw new Error('expected failure');
    expect(r.diagnostics[0]).toMatchObject({ code: 'csv.text-after-quote', line: 2, col: 4 });
  });
});
