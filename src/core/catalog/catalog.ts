// the shipped reference data and scenarios, cross-checked as one unit

import type { Diagnostic } from '../errors.js';
import { parseScenarioText } from '../scenario/parse-scenario.js';
import { checkDuplicateIds, checkReferences, type KnownIds } from '../scenario/references.js';
import { type Actor, ActorFile } from '../schema/actor.js';
import { type Party, PartyFile } from '../schema/party.js';
import type { Scenario } from '../schema/scenario.js';
import { keysAt } from '../schema/shape.js';
import { type Source, SourceFile } from '../schema/source.js';
import { parseLocatedYaml } from '../yaml/located-yaml.js';
import { zodIssuesToDiagnostics } from '../yaml/zod-diagnostics.js';

export interface TextFile {
  file: string;
  text: string;
}

export interface CatalogEntry {
  scenario: Scenario;
  file: string;
}

export interface Catalog {
  sources: Map<string, Source & { file: string }>;
  actors: Map<string, Actor>;
  parties: Party[];
  scenarios: Map<string, CatalogEntry>;
}

export interface CatalogInput {
  sourceFiles: TextFile[];
  actorFiles: TextFile[];
  partyFiles: TextFile[];
  scenarioFiles: TextFile[];
}

function parseList<T extends { id: string }>(
  f: TextFile,
  schema: typeof SourceFile | typeof ActorFile | typeof PartyFile,
  key: 'sources' | 'actors' | 'parties',
  diagnostics: Diagnostic[],
): T[] {
  const parsed = parseLocatedYaml(f.text, f.file);
  if (!parsed.ok) {
    diagnostics.push(...parsed.diagnostics);
    return [];
  }
  const r = schema.safeParse(parsed.doc.value, { reportInput: true });
  if (!r.success) {
    diagnostics.push(...zodIssuesToDiagnostics(r.error.issues, parsed.doc, (p) => keysAt(schema, p)));
    return [];
  }
  const list = (r.data as unknown as Record<string, T[]>)[key]!;
  diagnostics.push(...checkDuplicateIds(list, [key], key.slice(0, -1), parsed.doc));
  return list;
}

/** reference data first (sources, actors), then scenarios checked against it */
export function buildReferenceData(input: Pick<CatalogInput, 'sourceFiles' | 'actorFiles' | 'partyFiles'>): {
  sources: Catalog['sources'];
  actors: Catalog['actors'];
  parties: Party[];
  diagnostics: Diagnostic[];
} {
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, Source & { file: string }>();
  for (const f of input.sourceFiles) {
    for (const s of parseList<Source>(f, SourceFile, 'sources', diagnostics)) {
      const prior = sources.get(s.id);
      if (prior) {
        diagnostics.push({
          code: 'ref.duplicate-id',
          message: `source id '${s.id}' is defined twice (also in ${prior.file})`,
          path: ['sources'],
          file: f.file,
          line: 1,
          col: 1,
          hint: 'keep one definition and reuse the id',
        });
        continue;
      }
      sources.set(s.id, { ...s, file: f.file });
    }
  }
  const actors = new Map<string, Actor>();
  const actorDocs: { file: TextFile; list: Actor[] }[] = [];
  for (const f of input.actorFiles) {
    const list = parseList<Actor>(f, ActorFile, 'actors', diagnostics);
    actorDocs.push({ file: f, list });
    for (const a of list) {
      if (actors.has(a.id)) {
        diagnostics.push({
          code: 'ref.duplicate-id',
          message: `actor id '${a.id}' is defined in more than one actor file`,
          path: ['actors'],
          file: f.file,
          line: 1,
          col: 1,
          hint: 'keep one definition; actor files are data/actors.yaml and data/actors-*.yaml',
        });
        continue;
      }
      actors.set(a.id, a);
    }
  }
  const parties: Party[] = [];
  for (const f of input.partyFiles) parties.push(...parseList<Party>(f, PartyFile, 'parties', diagnostics));
  const known: KnownIds = { actors: new Set(actors.keys()), sources: new Set(sources.keys()) };
  for (const file of [...actorDocs.map((d) => d.file), ...input.partyFiles]) {
    const parsed = parseLocatedYaml(file.text, file.file);
    if (parsed.ok) diagnostics.push(...checkReferences(parsed.doc.value, known, parsed.doc));
  }
  return { sources, actors, parties, diagnostics };
}

export function knownIds(c: Pick<Catalog, 'sources' | 'actors'>): KnownIds {
  return { actors: new Set(c.actors.keys()), sources: new Set(c.sources.keys()) };
}

export function buildCatalog(input: CatalogInput): { catalog: Catalog; diagnostics: Diagnostic[] } {
  const ref = buildReferenceData(input);
  const diagnostics = [...ref.diagnostics];
  const known = knownIds(ref);
  const scenarios = new Map<string, CatalogEntry>();
  for (const f of input.scenarioFiles) {
    const r = parseScenarioText(f.text, f.file, known);
    if (!r.ok) {
      diagnostics.push(...r.diagnostics);
      continue;
    }
    const prior = scenarios.get(r.value.id);
    if (prior) {
      diagnostics.push({
        code: 'ref.duplicate-id',
        message: `scenario id '${r.value.id}' is already used by ${prior.file}`,
        path: ['id'],
        file: f.file,
        line: 1,
        col: 1,
        hint: 'scenario ids must be unique across the catalog',
      });
      continue;
    }
    scenarios.set(r.value.id, { scenario: r.value, file: f.file });
  }
  return {
    catalog: { sources: ref.sources, actors: ref.actors, parties: ref.parties, scenarios },
    diagnostics,
  };
}
