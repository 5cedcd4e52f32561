// bytes -> text for imported files: BOMs, UTF-16 and Windows-1252 exports from spreadsheet programs
import type { Diagnostic } from '../errors.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type Decoded =
  | { ok: true; text: string; encoding: Encoding; bom: boolean; warnings: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

function lineColAt(bytes: Uint8Array, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  return { line, col: offset - start + 1 };
}

/** first offset at which the bytes stop being valid UTF-8 */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : (c & 0xe0) === 0xc0 ? 1 : (c & 0xf0) === 0xe0 ? 2 : (c & 0xf8) === 0xf0 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
}

/** decodes strictly; files that are not UTF-8 are read as Windows-1252 (a superset of Latin-1) with a warning */
export function decodeText(bytes: Uint8Array, file: string): Decoded {
  const at = (code: string, message: string, hint: string, line = 1, col = 1): Diagnostic => ({
    code,
    message,
    path: [],
    file,
    line,
    col,
    hint,
  });
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return {
      ok: false,
      diagnostics: [
        at(
          'tracker.not-text',
          'this is a ZIP container (an XLSX workbook?), not a CSV text file',
          'import workbooks with --kind kiel-xlsx',
        ),
      ],
    };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const rest = bytes.subarray(3);
    const bad = firstInvalidUtf8(rest);
    if (bad >= 0) {
      const p = lineColAt(rest, bad);
      return {
        ok: false,
        diagnostics: [
          at(
            'tracker.encoding',
            `the file starts with a UTF-8 byte-order mark but byte ${bad + 4} is not valid UTF-8`,
            're-save the file as UTF-8',
            p.line,
            p.col,
          ),
        ],
      };
    }
    return {
      ok: true,
      text: new TextDecoder('utf-8').decode(rest),
      encoding: 'utf-8',
      bom: true,
      warnings: [],
    };
  }
  const utf16 = (
    enc: 'utf-16le' | 'utf-16be',
    body: Uint8Array,
    bom: boolean,
    warnings: Diagnostic[],
  ): Decoded => {
    if (body.length % 2 !== 0)
      return {
        ok: false,
        diagnostics: [
          at(
            'tracker.truncated',
            `the UTF-16 file has an odd number of bytes: it is truncated`,
            're-export the file',
          ),
        ],
      };
    return { ok: true, text: new TextDecoder(enc).decode(body), encoding: enc, bom, warnings };
  };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16('utf-16le', bytes.subarray(2), true, []);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16('utf-16be', bytes.subarray(2), true, []);
  // UTF-16 without a BOM: ASCII text shows a NUL in every other byte
  const probe = bytes.subarray(0, Math.min(bytes.length, 400));
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < probe.length; i++) if (probe[i] === 0) i % 2 === 0 ? evenNul++ : oddNul++;
  const half = probe.length / 2;
  if (probe.length >= 4 && (oddNul > half * 0.6 || evenNul > half * 0.6)) {
    const enc = oddNul > evenNul ? 'utf-16le' : 'utf-16be';
    const w = at(
      'tracker.encoding-guessed',
      `no byte-order mark; the NUL pattern says ${enc.toUpperCase()}`,
      'save as UTF-8 to avoid guessing',
    );
    return utf16(enc, bytes, false, [{ ...w, severity: 'warning' }]);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const p = lineColAt(bytes, nul);
    return {
      ok: false,
      diagnostics: [
        at(
          'tracker.binary',
          'the file contains NUL bytes: it is binary, not CSV text',
          'name a CSV file',
          p.line,
          p.col,
        ),
      ],
    };
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0)
    return {
      ok: true,
      text: new TextDecoder('utf-8').decode(bytes),
      encoding: 'utf-8',
      bom: false,
      warnings: [],
    };
  const p = lineColAt(bytes, bad);
  const text = new TextDecoder('windows-1252').decode(bytes);
  return {
    ok: true,
    text,
    encoding: 'windows-1252',
    bom: false,
    warnings: [
      {
        ...at(
          'tracker.encoding-fallback',
          `not valid UTF-8 (byte 0x${bytes[bad]!.toString(16)} at offset ${bad}); read as Windows-1252/Latin-1`,
          'check names with accents (e.g. Türkiye) came out right, or re-save the file as UTF-8',
          p.line,
          p.col,
        ),
        severity: 'warning',
      },
    ],
  };
}
