// the forces reference data (data/forces/*.yaml) parsed, validated and cross-checked as one unit

import type { z } from 'zod';
import type { Diagnostic } from '../errors.js';
import type { KnownIds } from '../scenario/references.js';
import { checkDuplicateIds, checkReferences } from '../scenario/references.js';
import { keysAt } from '../schema/shape.js';
import { parseLocatedYaml } from '../yaml/located-yaml.js';
import { zodIssuesToDiagnostics } from '../yaml/zod-diagnostics.js';
import { type Archetype, ArchetypeFile } from './archetype.js';
import { type ForceParameters, ForceParametersFile } from './force-parameters.js';
import { type ForcePledge, ForcePledgeFile } from './force-pledge.js';
import { type ReferenceMission, ReferenceMissionFile } from './reference-mission.js';

export interface ForcesTextFile {
  file: string;
  text: string;
}

export interface ForcesDataFiles {
  archetypes: ForcesTextFile;
  referenceMissions: ForcesTextFile;
  parameters: ForcesTextFile;
  pledges: ForcesTextFile;
}

export interface ForcesData {
  archetypes: Map<string, Archetype>;
  referenceMissions: ReferenceMission[];
  parameters: ForceParameters;
  pledges: ForcePledge[];
}

function parseOne<S extends z.ZodType>(
  f: ForcesTextFile,
  schema: S,
  known: KnownIds | undefined,
  diagnostics: Diagnostic[],
): z.infer<S> | undefined {
  const parsed = parseLocatedYaml(f.text, f.file);
  if (!parsed.ok) {
    diagnostics.push(...parsed.diagnostics);
    return undefined;
  }
  const r = schema.safeParse(parsed.doc.value, { reportInput: true });
  if (known) diagnostics.push(...checkReferences(parsed.doc.value, known, parsed.doc));
  if (!r.success) {
    diagnostics.push(...zodIssuesToDiagnostics(r.error.issues, parsed.doc, (p) => keysAt(schema, p)));
    return undefined;
  }
  const value = r.data as Record<string, unknown>;
  const list = (value.archetypes ?? value.missions) as { id: string }[] | undefined;
  if (list)
    diagnostics.push(
      ...checkDuplicateIds(list, [value.archetypes ? 'archetypes' : 'missions'], 'id', parsed.doc),
    );
  return r.data;
}

/**
 * Parse the four forces files; with `known` also check every source and actor id against the catalog.
 * Returns the data only when there is no error, so a broken shipped file is never half-used.
 */
export function parseForcesData(
  files: ForcesDataFiles,
  known?: KnownIds,
): { ok: true; data: ForcesData } | { ok: false; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const archetypes = parseOne(files.archetypes, ArchetypeFile, known, diagnostics);
  const missions = parseOne(files.referenceMissions, ReferenceMissionFile, known, diagnostics);
  const parameters = parseOne(files.parameters, ForceParametersFile, known, diagnostics);
  const pledges = parseOne(files.pledges, ForcePledgeFile, known, diagnostics);
  if (archetypes) diagnostics.push(...checkPresenceMapping(archetypes.archetypes, files.archetypes.file));
  if (diagnostics.length || !archetypes || !missions || !parameters || !pledges)
    return { ok: false, diagnostics };
  return {
    ok: true,
    data: {
      archetypes: new Map(archetypes.archetypes.map((a) => [a.id, a])),
      referenceMissions: missions.missions,
      parameters: parameters.parameters,
      pledges: pledges.pledges,
    },
  };
}

/** each scenario force mission may name at most one archetype as its requirement */
function checkPresenceMapping(archetypes: Archetype[], file: string): Diagnostic[] {
  const owner = new Map<string, string>();
  const out: Diagnostic[] = [];
  for (const a of archetypes) {
    for (const m of a.presenceMissions) {
      const prior = owner.get(m);
      if (prior) {
        out.push({
          code: 'forces.duplicate-presence-mission',
          message: `scenario mission '${m}' is sized by both '${prior}' and '${a.id}'`,
          path: ['archetypes', a.id, 'presenceMissions'],
          file,
          line: 1,
          col: 1,
          hint: 'list each scenario mission under one archetype only',
        });
      } else owner.set(m, a.id);
    }
  }
  return out;
}

/** the archetype that sizes a scenario force mission (depth.forces[].mission), if any */
export function archetypeForPresence(data: ForcesData, mission: string): Archetype | undefined {
  for (const a of data.archetypes.values()) if (a.presenceMissions.includes(mission as never)) return a;
  return undefined;
}
