// read a user-supplied text file defensively: missing, directory, huge, binary and non-UTF-8 files are data errors
import { readFileSync, statSync } from 'node:fs';
import type { Diagnostic } from '../core/errors.js';

export const MAX_TEXT_BYTES = 2 * 1024 * 1024;

export function readTextFile(
  path: string,
  maxBytes = MAX_TEXT_BYTES,
): { ok: true; text: string } | { ok: false; diagnostic: Diagnostic } {
  const fail = (code: string, message: string, hint: string) => ({
    ok: false as const,
    diagnostic: { code, message, path: [], file: path, line: 1, col: 1, hint },
  });
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory())
      return fail('file.is-directory', 'is a directory, not a file', 'name a .yaml file inside it');
    size = st.size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      return fail('file.not-found', 'no such file', 'check the path, or use a catalog id (guarantor list)');
    if (code === 'EACCES') return fail('file.unreadable', 'permission denied', 'check the file permissions');
    return fail('file.unreadable', `cannot read file (${code ?? 'unknown error'})`, 'check the path');
  }
  if (size > maxBytes) {
    return fail(
      'file.too-large',
      `file is ${(size / 1048576).toFixed(1)} MB; the limit is ${(maxBytes / 1048576).toFixed(0)} MB`,
      'a scenario file is a few KB: check you named the right file',
    );
  }
  const buf = readFileSync(path);
  if (buf.includes(0))
    return fail(
      'file.binary',
      'file contains NUL bytes: it is binary, not YAML text',
      'name a .yaml text file',
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return fail(
      'file.encoding',
      'file is not valid UTF-8',
      'save it as UTF-8 (most editors: "Save with encoding")',
    );
  }
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}
