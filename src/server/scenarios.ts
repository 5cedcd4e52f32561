// scenarios as the API sees them: the read-only catalog (version = content hash) plus user scenarios in the database
// (integer versions). Submitted YAML goes through the CLI's loader (parseScenarioText against the shipped reference
// data), so diagnostics carry line and column in the submitted text; ids may not shadow catalog ids.

import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { assessScenario } from '../core/assess/assess.js';
import { knownIds } from '../core/catalog/catalog.js';
import { setupDeterrence } from '../core/deterrence/simulate.js';
import { type Diagnostic, GuarantorError } from '../core/errors.js';
import { parseScenarioText } from '../core/scenario/parse-scenario.js';
import type { Scenario } from '../core/schema/scenario.js';
import { parseLocatedYaml } from '../core/yaml/located-yaml.js';
import { findingCounts } from '../node/comparison.js';
import { locateInText } from '../node/deterrence-run.js';
import { packageRoot } from '../node/paths.js';
import { readTextFile } from '../node/read-text-file.js';
import { getUserScenario, listUserScenarios, notFound } from '../store/scenario-repo.js';
import type { ServerDeps } from './deps.js';
import { HttpError } from './errors.js';

export interface LoadedScenario {
  id: string;
  origin: 'catalog' | 'user';
  version: number | string;
  yaml: string;
  /** the name diagnostics carry as `file` */
  file: string;
  scenario: Scenario;
}

/** the file name diagnostics of submitted YAML carry */
export const draftFile = (id?: string) => (id ? `${id}.yaml` : 'scenario.yaml');

const hashes = new Map<string, { text: string; version: string }>();

function catalogText(file: string): { text: string; version: string } {
  const hit = hashes.get(file);
  if (hit) return hit;
  const r = readTextFile(join(packageRoot, file));
  if (!r.ok) throw new GuarantorError('catalog.unreadable', r.diagnostic.message, [r.diagnostic]);
  const v = { text: r.text, version: createHash('sha256').update(r.text).digest('hex').slice(0, 16) };
  hashes.set(file, v);
  return v;
}

export type DraftResult =
  | { ok: true; scenario: Scenario; warnings: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * Validates YAML as the CLI does (schema, actor and source ids), then checks that the model can be set up from its
 * assumptions (located), and, when `forNew`, that its id is not a catalog id.
 */
export function checkDraft(deps: ServerDeps, yaml: string, file: string, forNew = false): DraftResult {
  const catalog = deps.catalog();
  const r = parseScenarioText(yaml, file, knownIds(catalog));
  if (!r.ok) return { ok: false, diagnostics: r.diagnostics };
  const diagnostics: Diagnostic[] = [];
  if (forNew && catalog.scenarios.has(r.value.id))
    diagnostics.push({
      code: 'scenario.id-taken',
      message: `'${r.value.id}' is a catalog scenario id; a user scenario needs its own id`,
      path: ['id'],
      file,
      ...locateId(yaml, file),
      hint: `e.g. id: ${r.value.id}-variant`,
    });
  const setup = setupDeterrence(r.value, catalog.actors, deps.priors());
  if (!setup.ok) diagnostics.push(...locateInText(yaml, file, setup.diagnostics));
  if (diagnostics.length) return { ok: false, diagnostics };
  return { ok: true, scenario: r.value, warnings: r.warnings };
}

function locateId(yaml: string, file: string): { line?: number; col?: number } {
  const doc = parseLocatedYaml(yaml, file);
  return doc.ok ? doc.doc.locate(['id']) : {};
}

/** throws 422 scenario.invalid with located diagnostics */
export function requireValidDraft(deps: ServerDeps, yaml: string, file: string, forNew = false) {
  const r = checkDraft(deps, yaml, file, forNew);
  if (!r.ok)
    throw new HttpError(
      422,
      'scenario.invalid',
      `${file} is not a valid scenario: ${r.diagnostics.length} problem(s), first: ${r.diagnostics[0]!.message}`,
      r.diagnostics,
    );
  return r;
}

/** a catalog or user scenario by id; 404 scenario.not-found otherwise */
export async function loadScenario(deps: ServerDeps, id: string): Promise<LoadedScenario> {
  const entry = deps.catalog().scenarios.get(id);
  if (entry) {
    const { text, version } = catalogText(entry.file);
    return { id, origin: 'catalog', version, yaml: text, file: entry.file, scenario: entry.scenario };
  }
  const stored = await getUserScenario(deps.db, id);
  if (!stored) throw notFound(id);
  const file = draftFile(id);
  const parsed = parseScenarioText(stored.yaml, file, knownIds(deps.catalog()));
  if (!parsed.ok)
    // reference data changed since it was saved (e.g. a source id was removed): say so with the locations
    throw new HttpError(
      422,
      'scenario.invalid',
      `stored scenario '${id}' no longer validates against the reference data`,
      parsed.diagnostics,
    );
  return { id, origin: 'user', version: stored.version, yaml: stored.yaml, file, scenario: parsed.value };
}

const scorecards = new Map<string, ReturnType<typeof scorecardOf>>();

function scorecardOf(deps: ServerDeps, s: Scenario) {
  const a = assessScenario(s, deps.catalog());
  return {
    overall: a.overall,
    scores: Object.fromEntries(a.scores.map((x) => [x.dimension, x.score])),
    findings: findingCounts(a.findings),
  };
}

/** the catalog then the user scenarios, each with its default-weight scorecard */
export async function listScenarios(deps: ServerDeps) {
  const catalog = deps.catalog();
  const out = [];
  for (const { scenario, file } of catalog.scenarios.values()) {
    const { version } = catalogText(file);
    const key = `catalog:${scenario.id}:${version}`;
    let card = scorecards.get(key);
    if (!card) {
      card = scorecardOf(deps, scenario);
      scorecards.set(key, card);
    }
    out.push(summary(scenario, 'catalog', version, card));
  }
  const known = knownIds(catalog);
  for (const u of await listUserScenarios(deps.db)) {
    const parsed = parseScenarioText(u.yaml, draftFile(u.id), known);
    if (!parsed.ok) continue; // listed once it validates again; GET /api/scenarios/:id explains why
    out.push(summary(parsed.value, 'user', u.version, scorecardOf(deps, parsed.value)));
  }
  return out;
}

function summary(
  s: Scenario,
  origin: 'catalog' | 'user',
  version: number | string,
  scorecard: ReturnType<typeof scorecardOf>,
) {
  return {
    id: s.id,
    title: s.title,
    origin,
    version,
    systems: s.systems,
    category: s.category,
    status: s.status,
    scorecard,
  };
}
