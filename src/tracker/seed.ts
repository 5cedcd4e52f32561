// `track seed`: the shipped agreements, plus the Kiel CSVs when the shared data directory is present
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { packageRoot } from '../node/paths.js';
import type { Db } from '../store/db.js';
import { SHIPPED_AGREEMENTS } from './agreements-file.js';
import type { ApplyOptions, ImportKind } from './apply-import.js';
import { importFile, type PreparedImport } from './import-file.js';

/** CI keeps shared/ beside the clone; GUARANTOR_KIEL_DIR points elsewhere */
export function kielDir(env: Record<string, string | undefined>): string {
  return env.GUARANTOR_KIEL_DIR
    ? resolve(env.GUARANTOR_KIEL_DIR)
    : resolve(packageRoot, '..', 'shared', 'data', 'kiel');
}

export const KIEL_FILES: [string, ImportKind][] = [
  ['data_explorer.csv', 'kiel-explorer'],
  ['weapons.csv', 'kiel-weapons'],
  ['release28_activities.csv', 'kiel-activities'],
];

export interface SeedStep {
  file: string;
  kind: ImportKind;
  status: 'imported' | 'unchanged' | 'missing';
  added: number;
  changed: number;
  removed: number;
  notes: string[];
}

/** `cwd` only shortens the file names shown (paths under it are shown relative) */
export async function seedShipped(
  db: Db,
  env: Record<string, string | undefined>,
  actor: string,
  opts: ApplyOptions & { cwd?: string } = {},
): Promise<SeedStep[]> {
  const show = (p: string) => {
    const rel = opts.cwd ? relative(opts.cwd, p) : p;
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : p;
  };
  const steps: SeedStep[] = [];
  const run = async (path: string, kind: ImportKind, display: string) => {
    if (!existsSync(path)) {
      steps.push({ file: display, kind, status: 'missing', added: 0, changed: 0, removed: 0, notes: [] });
      return;
    }
    const {
      prepared,
      outcome,
    }: { prepared: PreparedImport; outcome: Awaited<ReturnType<typeof importFile>>['outcome'] } =
      await importFile(db, { path, display, kind, actor }, opts);
    steps.push({
      file: display,
      kind,
      status: outcome.status,
      added: outcome.added,
      changed: outcome.changed,
      removed: outcome.removed,
      notes: prepared.notes,
    });
  };
  await run(SHIPPED_AGREEMENTS, 'agreements', 'data/agreements/bilateral.yaml');
  const dir = kielDir(env);
  for (const [f, kind] of KIEL_FILES) await run(join(dir, f), kind, show(join(dir, f)));
  return steps;
}
