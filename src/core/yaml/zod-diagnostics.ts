// zod issues -> located Diagnostics with messages that say what was expected and how to fix it

import type { z } from 'zod';
import type { Diagnostic } from '../errors.js';
import { didYouMean } from '../util/did-you-mean.js';
import type { LocatedYaml } from './located-yaml.js';

export function zodIssuesToDiagnostics(
  issues: readonly z.core.$ZodIssue[],
  doc: LocatedYaml | undefined,
  knownKeysAt?: (path: readonly (string | number)[]) => string[] | undefined,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const keyPath = [...path, key];
        const known = knownKeysAt?.(path) ?? [];
        const guess = didYouMean(key, known);
        const pos = doc?.locateKey(keyPath);
        out.push({
          code: 'schema.unknown-key',
          message: `unknown field '${key}'`,
          path: keyPath,
          ...(doc ? { file: doc.file, line: pos!.line, col: pos!.col } : {}),
          hint: guess
            ? `did you mean '${guess}'?`
            : known.length
              ? `allowed here: ${known.join(', ')}`
              : 'remove it',
        });
      }
      continue;
    }
    const pos = doc?.locate(path);
    out.push({
      code: codeFor(issue),
      message: messageFor(issue, doc, path),
      path,
      ...(doc ? { file: doc.file, line: pos!.line, col: pos!.col } : {}),
      ...hintFor(issue),
    });
  }
  return out;
}

function codeFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'schema.missing' : 'schema.type';
    case 'too_small':
    case 'too_big':
      return 'schema.range';
    case 'invalid_value':
      return 'schema.enum';
    case 'invalid_format':
    case 'custom':
      return 'schema.format';
    default:
      return `schema.${issue.code.replace(/_/g, '-')}`;
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return v.length === 0 ? 'an empty list' : `a list of ${v.length}`;
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `'${v.length > 40 ? `${v.slice(0, 40)}…` : v}'`;
  return String(v);
}

/** zod's own messages start like this; anything else is a message we wrote in the schema */
const DEFAULT_MESSAGE = /^(Too (small|big)|Invalid|Expected|Unrecognized)/;

function messageFor(
  issue: z.core.$ZodIssue,
  _doc: LocatedYaml | undefined,
  path: (string | number)[],
): string {
  const field = path.length ? `'${path[path.length - 1]}'` : 'document';
  const got = 'input' in issue && issue.input !== undefined ? `; got ${describe(issue.input)}` : '';
  if (!DEFAULT_MESSAGE.test(issue.message) && issue.code !== 'invalid_type')
    return `${field}: ${issue.message}${got}`;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `missing required field ${field} (expected ${issue.expected})`;
      return `expected ${issue.expected} for ${field}, got ${describe(issue.input)}`;
    case 'too_small':
      return `${field} is too small: expected ${issue.inclusive === false ? '>' : '>='} ${String(issue.minimum)}${
        issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters' : ''
      }, got ${describe(issue.input)}`;
    case 'too_big':
      return `${field} is too big: expected ${issue.inclusive === false ? '<' : '<='} ${String(issue.maximum)}${
        issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters' : ''
      }, got ${describe(issue.input)}`;
    case 'invalid_value':
      return `${field} must be one of ${issue.values.map((v) => `'${String(v)}'`).join(', ')}; got ${describe(issue.input)}`;
    default:
      return `${field}: ${issue.message}${got}`;
  }
}

function hintFor(issue: z.core.$ZodIssue): { hint?: string } {
  if (issue.code === 'invalid_value' && typeof issue.input === 'string') {
    const guess = didYouMean(
      issue.input,
      issue.values.map((v) => String(v)),
    );
    if (guess) return { hint: `did you mean '${guess}'?` };
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return { hint: 'add the field' };
  return {};
}
