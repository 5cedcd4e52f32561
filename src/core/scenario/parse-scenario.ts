// YAML text -> typed Scenario, or every problem located as file:line:col with a hint

import type { Diagnostic, Result } from '../errors.js';
import { Scenario } from '../schema/scenario.js';
import { keysAt } from '../schema/shape.js';
import { type LocatedYaml, parseLocatedYaml } from '../yaml/located-yaml.js';
import { zodIssuesToDiagnostics } from '../yaml/zod-diagnostics.js';
import { checkDuplicateIds, checkReferences, type KnownIds } from './references.js';

export function parseScenarioText(text: string, file: string, known?: KnownIds): Result<Scenario> {
  const parsed = parseLocatedYaml(text, file);
  if (!parsed.ok) return parsed;
  return validateScenario(parsed.doc.value, known, parsed.doc);
}

export function validateScenario(value: unknown, known?: KnownIds, doc?: LocatedYaml): Result<Scenario> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const pos = doc?.locate([]);
    return {
      ok: false,
      diagnostics: [
        {
          code: 'schema.type',
          message: `a scenario is a mapping with id, title, instruments...; got ${Array.isArray(value) ? 'a list' : typeof value}`,
          path: [],
          ...(doc ? { file: doc.file, line: pos!.line, col: pos!.col } : {}),
          hint: 'start from a catalog scenario: guarantor show <id> --yaml',
        },
      ],
    };
  }
  const r = Scenario.safeParse(value, { reportInput: true });
  const diagnostics: Diagnostic[] = [];
  if (!r.success)
    diagnostics.push(...zodIssuesToDiagnostics(r.error.issues, doc, (p) => keysAt(Scenario, p)));
  if (known) diagnostics.push(...checkReferences(value, known, doc));
  if (r.success)
    diagnostics.push(...checkDuplicateIds(r.data.instruments, ['instruments'], 'instrument', doc));
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
  if (diagnostics.length || !r.success) return { ok: false, diagnostics };
  return { ok: true, value: r.data, warnings: [] };
}
