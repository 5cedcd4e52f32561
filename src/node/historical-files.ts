// load the historical back-test cases (validation/historical/*.yaml), checked against the shipped reference data
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { knownIds } from '../core/catalog/catalog.js';
import { type Diagnostic, GuarantorError } from '../core/errors.js';
import type { HistoricalCase } from '../core/schema/historical.js';
import { parseCaseText } from '../core/validation/parse-case.js';
import { type BacktestSettings, parseBacktestSettings } from '../core/validation/settings.js';
import { loadCatalog } from './catalog-files.js';
import { packageRoot } from './paths.js';
import { readTextFile } from './read-text-file.js';

export const historicalDir = join(packageRoot, 'validation', 'historical');
export const backtestSettingsFile = join(packageRoot, 'validation', 'backtest.yaml');

/** the back-test's fixed rules; a broken file is reported with file:line:col */
export function loadBacktestSettings(path: string = backtestSettingsFile): BacktestSettings {
  const file = relative(packageRoot, path) || path;
  const r = readTextFile(path);
  if (!r.ok) throw new GuarantorError(r.diagnostic.code, r.diagnostic.message, [{ ...r.diagnostic, file }]);
  const parsed = parseBacktestSettings(r.text, file, knownIds(loadCatalog().catalog));
  if (!parsed.ok)
    throw new GuarantorError('validation.invalid-settings', `${file} has errors`, parsed.diagnostics);
  return parsed.value;
}

export interface LoadedCase {
  value: HistoricalCase;
  file: string;
}

/** every case file in `dir`, sorted by file name; problems come back as located diagnostics, never thrown */
export function loadHistoricalCases(dir: string = historicalDir): {
  cases: LoadedCase[];
  diagnostics: Diagnostic[];
} {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort();
  } catch {
    throw new GuarantorError('file.not-found', `no historical case directory at ${dir}`);
  }
  const { catalog } = loadCatalog();
  const known = knownIds(catalog);
  const cases: LoadedCase[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const path = join(dir, name);
    const file = relative(packageRoot, path) || path;
    const r = readTextFile(path);
    if (!r.ok) {
      diagnostics.push({ ...r.diagnostic, file });
      continue;
    }
    const parsed = parseCaseText(r.text, file, known);
    if (!parsed.ok) {
      diagnostics.push(...parsed.diagnostics);
      continue;
    }
    const prior = seen.get(parsed.value.case.id);
    if (prior) {
      diagnostics.push({
        code: 'ref.duplicate-id',
        message: `case id '${parsed.value.case.id}' is already used by ${prior}`,
        path: ['case', 'id'],
        file,
        line: 1,
        col: 1,
        hint: 'case ids must be unique',
      });
      continue;
    }
    seen.set(parsed.value.case.id, file);
    cases.push({ value: parsed.value, file });
  }
  return { cases, diagnostics };
}

/** the shipped cases; a broken shipped case is a bug, reported with its location */
export function loadHistoricalCasesStrict(dir?: string): LoadedCase[] {
  const { cases, diagnostics } = loadHistoricalCases(dir);
  if (diagnostics.length)
    throw new GuarantorError('validation.invalid-case', 'the historical cases have errors', diagnostics);
  return cases;
}
