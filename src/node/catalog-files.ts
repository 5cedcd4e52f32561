// load the shipped catalog from disk and resolve `<id|file>` arguments
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildCatalog, type Catalog, knownIds, type TextFile } from '../core/catalog/catalog.js';
import { type Diagnostic, GuarantorError } from '../core/errors.js';
import { parseScenarioText } from '../core/scenario/parse-scenario.js';
import type { Scenario } from '../core/schema/scenario.js';
import { didYouMean } from '../core/util/did-you-mean.js';
import { dataDir, packageRoot, scenariosDir } from './paths.js';
import { readTextFile } from './read-text-file.js';

function yamlFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

function readAll(paths: string[]): TextFile[] {
  return paths.map((p) => {
    const r = readTextFile(p);
    if (!r.ok) throw new GuarantorError('catalog.unreadable', r.diagnostic.message, [r.diagnostic]);
    return { file: relative(packageRoot, p), text: r.text };
  });
}

let cached: { catalog: Catalog; diagnostics: Diagnostic[] } | undefined;

/** the shipped catalog; a broken shipped file is a bug, reported with its location */
export function loadCatalog(opts: { strict?: boolean } = {}): {
  catalog: Catalog;
  diagnostics: Diagnostic[];
} {
  cached ??= buildCatalog({
    sourceFiles: readAll(yamlFiles(join(dataDir, 'sources'))),
    // actors.yaml plus actors-*.yaml (e.g. actors-historical.yaml for the back-test)
    actorFiles: readAll(yamlFiles(dataDir).filter((p) => /(^|[/\\])actors(-[a-z0-9-]+)?\.yaml$/.test(p))),
    partyFiles: readAll(yamlFiles(dataDir).filter((p) => p.endsWith('parties.yaml'))),
    scenarioFiles: readAll(yamlFiles(scenariosDir)),
  });
  if (opts.strict && cached.diagnostics.length)
    throw new GuarantorError('catalog.invalid', 'the shipped catalog has errors', cached.diagnostics);
  return cached;
}

export function resetCatalogCache(): void {
  cached = undefined;
}

export interface ResolvedScenario {
  scenario: Scenario;
  file: string;
  fromCatalog: boolean;
}

const looksLikePath = (arg: string) => /[/\\]|\.ya?ml$/i.test(arg);

/** `<id|file>`: a catalog id, or a path to a YAML file validated against the shipped reference data */
export function resolveScenario(arg: string, cwd: string): ResolvedScenario {
  const { catalog } = loadCatalog();
  if (!looksLikePath(arg)) {
    const entry = catalog.scenarios.get(arg);
    if (entry) return { scenario: entry.scenario, file: entry.file, fromCatalog: true };
    const guess = didYouMean(arg, catalog.scenarios.keys()) ?? prefixMatch(arg, catalog.scenarios.keys());
    throw new GuarantorError('usage.unknown-scenario', `no scenario '${arg}' in the catalog`, [
      {
        code: 'usage.unknown-scenario',
        message: `no scenario '${arg}' in the catalog and no such file`,
        path: [],
        hint: guess ? `did you mean '${guess}'?` : 'run `guarantor list` to see the catalog ids',
      },
    ]);
  }
  const path = join(cwd, arg).startsWith('/') && !arg.startsWith('/') ? join(cwd, arg) : arg;
  const r = readTextFile(path);
  if (!r.ok)
    throw new GuarantorError(r.diagnostic.code, r.diagnostic.message, [{ ...r.diagnostic, file: arg }]);
  const parsed = parseScenarioText(r.text, arg, knownIds(catalog));
  if (!parsed.ok)
    throw new GuarantorError('scenario.invalid', `${arg} is not a valid scenario`, parsed.diagnostics);
  return { scenario: parsed.value, file: arg, fromCatalog: false };
}

function prefixMatch(arg: string, ids: Iterable<string>): string | undefined {
  const hits = [...ids].filter((id) => id.includes(arg.toLowerCase()));
  return hits.length === 1 ? hits[0] : undefined;
}
