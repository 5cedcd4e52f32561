// the deterrence model on Node: shipped priors (data/deterrence/priors.yaml, with the forces model's cost ranges when
// data/forces is readable) and a worker-pool executor whose results equal the inline one for any thread count

import { join, relative } from 'node:path';
import { applyCalibration, type PriorSet, parseCalibratedText } from '../core/deterrence/calibrated.js';
import type { DeterrencePriors } from '../core/deterrence/priors.js';
import { parsePriorsText } from '../core/deterrence/priors.js';
import type { DeterrenceExecutor } from '../core/deterrence/simulate.js';
import type { ChunkRef } from '../core/engine/chunks.js';
import { GuarantorError } from '../core/errors.js';
import type { SourcedRange } from '../core/forces/sourced-range.js';
import { parseLocatedYaml } from '../core/yaml/located-yaml.js';
import { loadCatalog } from './catalog-files.js';
import { loadForcesData } from './forces-files.js';
import { dataDir, packageRoot } from './paths.js';
import { moduleUrl } from './pool/module-url.js';
import { runPooled, type WorkerPool } from './pool/pool.js';
import { readTextFile } from './read-text-file.js';

export const DETERRENCE_JOB_URL = moduleUrl('../core/deterrence/job.js', import.meta.url);
export const PRIORS_FILE = join(dataDir, 'deterrence', 'priors.yaml');
/** the back-test's calibrated values, laid over the literature priors as the model's defaults (docs/validation.md) */
export const CALIBRATED_FILE = join(packageRoot, 'validation', 'calibrated.yaml');

const cached = new Map<PriorSet, DeterrencePriors>();

export interface LoadPriorsOptions {
  /** 'calibrated' (default): the back-test's values as defaults, literature beside them; 'literature': the priors */
  set?: PriorSet;
  calibratedFile?: string;
}

/**
 * The model's defaults: the literature priors of data/deterrence/priors.yaml with the calibrated values of
 * validation/calibrated.yaml laid over them (set 'calibrated', the default), or the literature priors alone.
 * A broken or stale file is a bug reported with file:line:col.
 */
export function loadPriors(path = PRIORS_FILE, opts: LoadPriorsOptions = {}): DeterrencePriors {
  const set = opts.set ?? 'calibrated';
  const shipped = path === PRIORS_FILE && opts.calibratedFile === undefined;
  const hit = shipped ? cached.get(set) : undefined;
  if (hit) return hit;
  const literature = loadLiteraturePriors(path);
  const priors = set === 'literature' ? literature : withCalibration(literature, opts.calibratedFile);
  if (shipped) cached.set(set, priors);
  return priors;
}

function withCalibration(literature: DeterrencePriors, file = CALIBRATED_FILE): DeterrencePriors {
  const shown = relative(packageRoot, file) || file;
  const r = readTextFile(file);
  if (!r.ok)
    throw new GuarantorError('priors.unreadable', `${shown}: ${r.diagnostic.message}`, [
      { ...r.diagnostic, file: shown, hint: 'write it with: guarantor backtest --calibrated-out ' + shown },
    ]);
  const parsed = parseCalibratedText(r.text, shown);
  if (!parsed.ok) throw new GuarantorError('priors.invalid', `${shown} has errors`, parsed.diagnostics);
  const applied = applyCalibration(literature, parsed.value, shown);
  if (!applied.ok) {
    // locate the entries in the file, so the message points at the line to fix
    const doc = parseLocatedYaml(r.text, shown);
    throw new GuarantorError(
      applied.diagnostics[0]!.code,
      `${shown} does not match the literature priors`,
      doc.ok ? applied.diagnostics.map((d) => ({ ...d, ...doc.doc.locate(d.path) })) : applied.diagnostics,
    );
  }
  return applied.value;
}

function loadLiteraturePriors(path: string): DeterrencePriors {
  const r = readTextFile(path);
  if (!r.ok)
    throw new GuarantorError('priors.unreadable', `${path}: ${r.diagnostic.message}`, [r.diagnostic]);
  const { catalog } = loadCatalog();
  const parsed = parsePriorsText(r.text, relative(packageRoot, path), new Set(catalog.sources.keys()));
  if (!parsed.ok)
    throw new GuarantorError('priors.invalid', 'the deterrence priors have errors', parsed.diagnostics);
  return { ...withForcesCosts(parsed.value), priorSet: 'literature' };
}

/** cost priors follow the forces model's sourced ranges (pert(low, central, high)) when its data loads */
function withForcesCosts(p: DeterrencePriors): DeterrencePriors {
  let params: Record<string, SourcedRange> | undefined;
  try {
    params = loadForcesData().parameters as unknown as Record<string, SourcedRange>;
  } catch {
    return p; // the forces data is optional here: the priors file carries its own sourced defaults
  }
  const map: Record<string, string> = {
    cost_troop_year_usd: 'costPerTroopYear',
    cost_aircraft_year_usd: 'costPerAircraftYear',
    cost_ship_year_usd: 'costPerShipYear',
  };
  return {
    ...p,
    priors: p.priors.map((prior) => {
      const r = map[prior.name] ? params[map[prior.name]!] : undefined;
      if (!r || r.low.value <= 0 || !(r.low.value < r.high.value)) return prior;
      const ev = [r.low, r.central, r.high].some((b) => b.evidence === 'unverified')
        ? 'unverified'
        : [r.low, r.central, r.high].some((b) => b.evidence === 'secondary')
          ? 'secondary'
          : 'verified';
      return {
        ...prior,
        spec: `pert(${r.low.value}, ${r.central.value}, ${r.high.value})`,
        sources: [...new Set([r.low.source, r.central.source, r.high.source])],
        evidence: ev,
        note: 'from data/forces/parameters.yaml (low, central, high)',
      };
    }),
  };
}

/** runs deterrence chunks on `threads` worker threads (inline for 1 thread or small runs); same results either way */
export function pooledExecutor(threads: number, pool?: WorkerPool): DeterrenceExecutor {
  return async (job) => {
    const common = {
      job: { module: DETERRENCE_JOB_URL, payload: job.payload },
      chunks: job.chunks as ChunkRef[],
      reduce: job.reduce,
      init: undefined,
      ...(job.signal ? { signal: job.signal } : {}),
      ...(job.onProgress ? { onProgress: job.onProgress } : {}),
    };
    if (pool && job.chunks.length > 1) await pool.run(common);
    else await runPooled({ ...common, threads });
  };
}
