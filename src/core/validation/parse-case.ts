// YAML text -> typed HistoricalCase, or every problem located as file:line:col: schema, references, and
// outcome labels that contradict the coded attacks

import type { Diagnostic, Result } from '../errors.js';
import { checkDuplicateIds, checkReferences, type KnownIds } from '../scenario/references.js';
import { deriveLabels, HistoricalCase, LABEL_KEYS } from '../schema/historical.js';
import { keysAt } from '../schema/shape.js';
import { type LocatedYaml, parseLocatedYaml } from '../yaml/located-yaml.js';
import { zodIssuesToDiagnostics } from '../yaml/zod-diagnostics.js';

export function parseCaseText(text: string, file: string, known?: KnownIds): Result<HistoricalCase> {
  const parsed = parseLocatedYaml(text, file);
  if (!parsed.ok) return parsed;
  return validateCase(parsed.doc.value, known, parsed.doc);
}

export function validateCase(value: unknown, known?: KnownIds, doc?: LocatedYaml): Result<HistoricalCase> {
  const at = (path: (string | number)[]) => {
    const pos = doc?.locate(path);
    return doc ? { file: doc.file, line: pos!.line, col: pos!.col } : {};
  };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      diagnostics: [
        {
          code: 'schema.type',
          message: 'a historical case is a mapping with id, case, outcome, instruments...',
          path: [],
          ...at([]),
          hint: 'start from an existing file in validation/historical/',
        },
      ],
    };
  }
  const r = HistoricalCase.safeParse(value, { reportInput: true });
  const diagnostics: Diagnostic[] = [];
  if (!r.success)
    diagnostics.push(...zodIssuesToDiagnostics(r.error.issues, doc, (p) => keysAt(HistoricalCase, p)));
  if (known) diagnostics.push(...checkReferences(value, known, doc));
  if (r.success) {
    const c = r.data;
    diagnostics.push(...checkDuplicateIds(c.instruments, ['instruments'], 'instrument', doc));
    if (c.id !== c.case.id.toLowerCase())
      diagnostics.push({
        code: 'case.id-mismatch',
        message: `scenario id '${c.id}' does not match case id '${c.case.id}'`,
        path: ['id'],
        ...at(['id']),
        hint: `use id: ${c.case.id.toLowerCase()}`,
      });
    if (doc && !doc.file.endsWith(`${c.id}.yaml`))
      diagnostics.push({
        code: 'case.file-name',
        message: `case '${c.id}' should live in a file named ${c.id}.yaml`,
        path: ['id'],
        ...at(['id']),
        hint: 'rename the file or the id',
      });
    if (c.case.endYear !== null && c.case.endYear < c.case.startYear)
      diagnostics.push({
        code: 'case.years',
        message: `endYear ${c.case.endYear} is before startYear ${c.case.startYear}`,
        path: ['case', 'endYear'],
        ...at(['case', 'endYear']),
        hint: 'use null for an arrangement still in force',
      });
    if (c.context.aggressor === c.context.protectedState)
      diagnostics.push({
        code: 'case.context',
        message: 'the aggressor and the protected state are the same actor',
        path: ['context', 'aggressor'],
        ...at(['context', 'aggressor']),
      });
    c.outcome.attacks.forEach((a, i) => {
      if (a.year < c.case.startYear || a.year > c.outcome.observedThrough)
        diagnostics.push({
          code: 'case.attack-year',
          message: `attack year ${a.year} lies outside ${c.case.startYear}-${c.outcome.observedThrough}`,
          path: ['outcome', 'attacks', i, 'year'],
          ...at(['outcome', 'attacks', i, 'year']),
          hint: 'attacks before the arrangement began belong to an earlier case',
        });
    });
    // era figures must cover every actor whose catalog (2024) figures the model would otherwise read
    const coded = new Map(c.case.actorsAtStart.map((a, i) => [a.id, i]));
    const needed = new Set([
      c.context.aggressor,
      c.context.protectedState,
      ...c.instruments.flatMap((i) => i.guarantors),
    ]);
    for (const id of needed) {
      if (coded.has(id)) continue;
      diagnostics.push({
        code: 'case.actor-at-start',
        message: `actor '${id}' takes part in the case but has no entry in case.actorsAtStart`,
        path: ['case', 'actorsAtStart'],
        ...at(['case', 'actorsAtStart']),
        hint: `add { id: ${id}, nuclear: ..., spending: ..., source: ... } with figures for ${c.case.startYear}`,
      });
    }
    const aggressorAt = coded.get(c.context.aggressor);
    if (aggressorAt !== undefined && c.case.actorsAtStart[aggressorAt]!.spending !== 100)
      diagnostics.push({
        code: 'case.actor-at-start',
        message: `the aggressor's spending must be 100 (the unit of the scale), got ${c.case.actorsAtStart[aggressorAt]!.spending}`,
        path: ['case', 'actorsAtStart', aggressorAt, 'spending'],
        ...at(['case', 'actorsAtStart', aggressorAt, 'spending']),
        hint: 'express every spending figure relative to the aggressor = 100',
      });
    c.case.actorsAtStart.forEach((a, i) => {
      if (known && !known.actors.has(a.id))
        diagnostics.push({
          code: 'ref.unknown-actor',
          message: `unknown actor id '${a.id}'`,
          path: ['case', 'actorsAtStart', i, 'id'],
          ...at(['case', 'actorsAtStart', i, 'id']),
          hint: 'add the actor to data/actors-historical.yaml',
        });
      if (c.case.actorsAtStart.findIndex((b) => b.id === a.id) !== i)
        diagnostics.push({
          code: 'ref.duplicate-id',
          message: `actor '${a.id}' is listed twice in case.actorsAtStart`,
          path: ['case', 'actorsAtStart', i, 'id'],
          ...at(['case', 'actorsAtStart', i, 'id']),
        });
    });
    const derived = deriveLabels(c.case, c.outcome);
    for (const key of LABEL_KEYS) {
      if (derived[key] === c.outcome.labels[key]) continue;
      diagnostics.push({
        code: 'case.label-mismatch',
        message: `labels.${key} is ${String(c.outcome.labels[key])} but the coded attacks, years and cut-off imply ${String(derived[key])}`,
        path: ['outcome', 'labels', key],
        ...at(['outcome', 'labels', key]),
        hint: 'fix the label or the attack list; null means right-censored (window past observedThrough) or, for *DuringArrangement, ended earlier without an attack',
      });
    }
  }
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
  if (diagnostics.length || !r.success) return { ok: false, diagnostics };
  return { ok: true, value: r.data, warnings: [] };
}
