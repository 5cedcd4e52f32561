import { join } from 'node:path';
import type { Catalog } from '../core/catalog/catalog.js';
import type { DeterrencePriors } from '../core/deterrence/priors.js';
import type { ForcesData } from '../core/forces/forces-data.js';
import { loadCatalog } from '../node/catalog-files.js';
import { loadPriors } from '../node/deterrence-files.js';
import { loadForcesData } from '../node/forces-files.js';
import { packageRoot, packageVersion } from '../node/paths.js';
import type { WorkerPool } from '../node/pool/pool.js';
import type { Db } from '../store/db.js';
import { JobManager } from './jobs.js';

export interface ServerDeps {
  db: Db;
  /** the shared worker pool, created on first use; undefined runs simulations in the server's thread */
  pool: () => WorkerPool | undefined;
  threads: number;
  jobs: JobManager;
  catalog: () => Catalog;
  priors: () => DeterrencePriors;
  forces: () => ForcesData;
  now: () => Date;
  /** the built web UI (dist/web) */
  webDir: string;
  /** who imports into the tracker (its audit log) */
  actor: string;
  version: string;
  log: (text: string) => void;
}

/** fills what the caller left out with the shipped loaders, the system clock and an inline executor */
export function withDefaults(d: Partial<ServerDeps> & { db: Db }): ServerDeps {
  const log = d.log ?? ((t: string) => process.stderr.write(`${t}\n`));
  return {
    pool: () => undefined,
    threads: 1,
    jobs: d.jobs ?? new JobManager({ log }),
    catalog: () => loadCatalog().catalog,
    priors: () => loadPriors(),
    forces: () => loadForcesData(),
    now: () => new Date(),
    webDir: join(packageRoot, 'dist', 'web'),
    actor: 'workbench',
    version: packageVersion(),
    ...d,
    log,
  };
}
