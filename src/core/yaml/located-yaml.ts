// parse YAML keeping positions, so every later problem can be reported as file:line:col

import { type Document, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { Diagnostic } from '../errors.js';

export interface LocatedYaml {
  file: string;
  value: unknown;
  /** position of the node at `path`, or of its nearest existing ancestor */
  locate(path: readonly (string | number)[]): { line: number; col: number };
  /** position of the key itself (for unknown-key errors), falling back to locate() */
  locateKey(path: readonly (string | number)[]): { line: number; col: number };
}

/** refuse before parsing: size limits and binary content give a clear error rather than a hang or garbage */
export const MAX_YAML_BYTES = 2 * 1024 * 1024;

export function parseLocatedYaml(
  text: string,
  file: string,
): { ok: true; doc: LocatedYaml } | { ok: false; diagnostics: Diagnostic[] } {
  if (text.length > MAX_YAML_BYTES) {
    return fail(
      file,
      'yaml.too-large',
      `file is ${(text.length / 1048576).toFixed(1)} MB; the limit is 2 MB`,
      'split it or remove embedded data',
    );
  }
  if (text.includes('\u0000')) {
    return fail(
      file,
      'yaml.binary',
      'file contains NUL bytes: this is not a YAML text file',
      'check the path points to a .yaml file',
    );
  }
  if (text.trim() === '') {
    return fail(
      file,
      'yaml.empty',
      'file is empty',
      'start from a catalog scenario: guarantor show <id> --yaml',
    );
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    return {
      ok: false,
      diagnostics: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return {
          code: `yaml.${e.code.toLowerCase().replace(/_/g, '-')}`,
          message: firstLine(e.message),
          path: [],
          file,
          line: pos.line,
          col: pos.col,
          hint:
            e.code === 'DUPLICATE_KEY'
              ? 'remove or rename one of the two keys'
              : 'check indentation and quoting near this position',
        };
      }),
    };
  }
  const value = doc.toJS({ maxAliasCount: 100 }) as unknown;
  return { ok: true, doc: located(doc, lineCounter, file, value) };
}

function located(doc: Document, lc: LineCounter, file: string, value: unknown): LocatedYaml {
  const posOf = (node: Node | null | undefined) => {
    const r = node?.range;
    return r ? lc.linePos(r[0]) : { line: 1, col: 1 };
  };
  const nearest = (path: readonly (string | number)[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : (doc.getIn(path.slice(0, n), true) as Node | undefined);
      if (node && (isMap(node) || isSeq(node) || isScalar(node))) return { node, depth: n };
    }
    return { node: doc.contents as Node | null, depth: 0 };
  };
  return {
    file,
    value,
    locate: (path) => posOf(nearest(path).node),
    locateKey: (path) => {
      const parent = path.length
        ? (doc.getIn(path.slice(0, -1), true) as Node | undefined)
        : (doc.contents as Node);
      const key = path[path.length - 1];
      if (parent && isMap(parent)) {
        const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
        if (pair && isScalar(pair.key)) return posOf(pair.key);
      }
      return posOf(nearest(path).node);
    },
  };
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function fail(file: string, code: string, message: string, hint: string) {
  return { ok: false as const, diagnostics: [{ code, message, path: [], file, line: 1, col: 1, hint }] };
}
