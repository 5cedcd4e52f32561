import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.js';

const enc = (s: string) => new TextEncoder().encode(s);
function utf16(s: string, le: boolean, bom: boolean): Uint8Array {
  const out: number[] = bom ? (le ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out.push(...(le ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return Uint8Array.from(out);
}

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const r = decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...enc('donor\nTürkiye\n')]), 'f');
    expect(r).toMatchObject({ ok: true, text: 'donor\nTürkiye\n', encoding: 'utf-8', bom: true });
    expect(decodeText(enc('a,b\n'), 'f')).toMatchObject({ ok: true, bom: false, warnings: [] });
  });

  it('reads UTF-16 in both byte orders, with a BOM or guessed from NULs (with a warning)', () => {
    expect(decodeText(utf16('donor,x\nTürkiye,1\n', true, true), 'f')).toMatchObject({
      ok: true,
      text: 'donor,x\nTürkiye,1\n',
      encoding: 'utf-16le',
    });
    expect(decodeText(utf16('donor,x\n', false, true), 'f')).toMatchObject({
      ok: true,
      encoding: 'utf-16be',
    });
    const guessed = decodeText(utf16('donor,x\nBelgium,1\n', true, false), 'f');
    expect(guessed).toMatchObject({ ok: true, encoding: 'utf-16le', text: 'donor,x\nBelgium,1\n' });
    if (guessed.ok) expect(guessed.warnings[0]?.code).toBe('tracker.encoding-guessed');
  });

  it('falls back to Windows-1252 for Latin-1 exports and says where the first non-UTF-8 byte is', () => {
    // "Türkiye" in Latin-1: ü is the single byte 0xFC
    const bytes = Uint8Array.from([...enc('donor\nT'), 0xfc, ...enc('rkiye\n')]);
    const r = decodeText(bytes, 'f.csv');
    expect(r).toMatchObject({ ok: true, text: 'donor\nTürkiye\n', encoding: 'windows-1252' });
    if (r.ok)
      expect(r.warnings[0]).toMatchObject({
        code: 'tracker.encoding-fallback',
        line: 2,
        col: 2,
        severity: 'warning',
      });
  });

  it('refuses binary files and XLSX workbooks given as CSV', () => {
    expect(decodeText(Uint8Array.from([0x61, 0x0a, 0x62, 0, 0x63]), 'f')).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'tracker.binary', line: 2, col: 2 }],
    });
    expect(decodeText(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2]), 'f')).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'tracker.not-text' }],
    });
  });

  it('calls an odd-length UTF-16 file truncated', () => {
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0x61, 0x00, 0x62]), 'f')).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'tracker.truncated' }],
    });
  });
});
