// cross-reference checks the schema cannot express: actor ids, source ids, duplicate instrument ids

import type { Diagnostic } from '../errors.js';
import { didYouMean } from '../util/did-you-mean.js';
import type { LocatedYaml } from '../yaml/located-yaml.js';

export interface KnownIds {
  actors: ReadonlySet<string>;
  sources: ReadonlySet<string>;
}

/** keys whose values (string or list of strings) name actors */
const ACTOR_KEYS = new Set([
  'guarantors',
  'actor',
  'vetoHolders',
  'adversary',
  'protectedState',
  'aggressor',
  'party',
  'exercisesNeedConsentOf',
  'ratifiedBy',
  'members',
]);
const SOURCE_KEYS = new Set(['source', 'sources']);

export function checkReferences(value: unknown, known: KnownIds, doc?: LocatedYaml): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (kind: 'actor' | 'source', id: string, path: (string | number)[]) => {
    const pool = kind === 'actor' ? known.actors : known.sources;
    const guess = didYouMean(id, pool);
    const pos = doc?.locate(path);
    out.push({
      code: `ref.unknown-${kind}`,
      message: `unknown ${kind} id '${id}'`,
      path,
      ...(doc ? { file: doc.file, line: pos!.line, col: pos!.col } : {}),
      hint: guess
        ? `did you mean '${guess}'?`
        : kind === 'actor'
          ? 'add the actor to data/actors.yaml or use an existing id (guarantor sources)'
          : 'add the source to data/sources/*.yaml or use an existing id (guarantor sources)',
    });
  };
  const visit = (v: unknown, path: (string | number)[], parentKey?: string) => {
    if (Array.isArray(v)) {
      for (const [i, item] of v.entries()) visit(item, [...path, i], parentKey);
      return;
    }
    if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) visit(child, [...path, k], k);
      return;
    }
    if (typeof v !== 'string' || parentKey === undefined) return;
    if (ACTOR_KEYS.has(parentKey) && !known.actors.has(v)) report('actor', v, path);
    if (SOURCE_KEYS.has(parentKey) && !known.sources.has(v)) report('source', v, path);
  };
  visit(value, []);
  return out;
}

export function checkDuplicateIds(
  items: readonly { id: string }[],
  listPath: (string | number)[],
  what: string,
  doc?: LocatedYaml,
): Diagnostic[] {
  const seen = new Map<string, number>();
  const out: Diagnostic[] = [];
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first === undefined) {
      seen.set(item.id, i);
      return;
    }
    const path = [...listPath, i, 'id'];
    const pos = doc?.locate(path);
    const firstPos = doc?.locate([...listPath, first, 'id']);
    out.push({
      code: 'ref.duplicate-id',
      message: `duplicate ${what} id '${item.id}'${firstPos ? ` (first defined at line ${firstPos.line})` : ''}`,
      path,
      ...(doc ? { file: doc.file, line: pos!.line, col: pos!.col } : {}),
      hint: `give each ${what} a unique id`,
    });
  });
  return out;
}
