import { describe, expect, it } from 'vitest';
import { slug, toCsv } from './download';

describe('table exports', () => {
  it('writes RFC 4180 CSV: quotes only where needed, doubled quotes, empty for null', () => {
    const csv = toCsv(
      ['a', 'b', 'c'],
      [
        { a: 'plain', b: 1.5, c: null },
        { a: 'with, comma', b: 'say "hi"', c: 'line\nbreak' },
        { a: ['x', 'y'], b: true },
      ],
    );
    expect(csv).toBe(
      'a,b,c\r\nplain,1.5,\r\n"with, comma","say ""hi""","line\nbreak"\r\n"[""x"",""y""]",true,\r\n',
    );
  });

  it('makes file names from captions', () => {
    expect(slug('Metrics by donor (EUR bn), as of 2026-01-01')).toBe(
      'metrics-by-donor-eur-bn-as-of-2026-01-01',
    );
    expect(slug('***')).toBe('export');
  });
});
