// load the shipped forces reference data (data/forces/*.yaml), cross-checked against the bibliography and actors
import { join, relative } from 'node:path';
import { knownIds } from '../core/catalog/catalog.js';
import { GuarantorError } from '../core/errors.js';
import { type ForcesData, type ForcesDataFiles, parseForcesData } from '../core/forces/forces-data.js';
import { loadCatalog } from './catalog-files.js';
import { dataDir, packageRoot } from './paths.js';
import { readTextFile } from './read-text-file.js';

export const FORCES_FILES = {
  archetypes: 'archetypes.yaml',
  referenceMissions: 'reference-missions.yaml',
  parameters: 'parameters.yaml',
  pledges: 'pledges.yaml',
} as const;

let cached: ForcesData | undefined;

/** the shipped forces data; a broken shipped file is a bug, reported with its file:line:col */
export function loadForcesData(dir = join(dataDir, 'forces')): ForcesData {
  if (cached && dir === join(dataDir, 'forces')) return cached;
  const files = {} as ForcesDataFiles;
  for (const [key, name] of Object.entries(FORCES_FILES) as [keyof ForcesDataFiles, string][]) {
    const path = join(dir, name);
    const r = readTextFile(path);
    if (!r.ok)
      throw new GuarantorError('forces.data-unreadable', `${path}: ${r.diagnostic.message}`, [r.diagnostic]);
    files[key] = { file: relative(packageRoot, path), text: r.text };
  }
  const { catalog } = loadCatalog();
  const parsed = parseForcesData(files, knownIds(catalog));
  if (!parsed.ok)
    throw new GuarantorError('forces.data-invalid', 'the shipped forces data has errors', parsed.diagnostics);
  if (dir === join(dataDir, 'forces')) cached = parsed.data;
  return parsed.data;
}
