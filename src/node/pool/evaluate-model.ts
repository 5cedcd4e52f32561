// model evaluation on the worker pool: the Node counterpart of core evaluateModel, with identical results

import { planChunks } from '../../core/engine/chunks.js';
import {
  compileModel,
  createModelChunkRunner,
  type ModelDef,
  type ModelJobPayload,
  type ModelResult,
  modelReducer,
} from '../../core/engine/model.js';
import { type RunControl, runChunks } from '../../core/engine/run.js';
import type { ChunkSummary } from '../../core/engine/summary.js';
import { GuarantorError } from '../../core/errors.js';
import { moduleUrl } from './module-url.js';
import { INLINE_BELOW_SAMPLES, runPooled, type WorkerPool } from './pool.js';

export const MODEL_JOB_URL = moduleUrl('../../core/engine/model-job.js', import.meta.url);

/**
 * Evaluates a model with `threads` worker threads (or inline for small runs / one thread).
 * @example await evaluateModelThreaded(def, { samples: 1e6, seed: 7, threads: 2 })
 */
export async function evaluateModelThreaded(
  def: ModelDef,
  opts: {
    samples: number;
    seed: number;
    threads: number;
    pool?: WorkerPool;
    inlineBelow?: number;
  } & RunControl,
): Promise<ModelResult> {
  const compiled = compileModel(def);
  if (!compiled.ok) throw new GuarantorError('model.invalid', 'model does not compile', compiled.diagnostics);
  const chunkSize = compiled.value.plan.chunkSize;
  const chunks = planChunks(opts.samples, chunkSize);
  const red = modelReducer(compiled.value.outputs);
  const payload: ModelJobPayload = { model: def, seed: opts.seed };
  const common = {
    job: { module: MODEL_JOB_URL, payload },
    chunks,
    reduce: red.reduce as (a: undefined, r: ChunkSummary[]) => undefined,
    init: undefined,
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  };
  const inline =
    chunks.length < 2 ||
    opts.samples < (opts.inlineBelow ?? INLINE_BELOW_SAMPLES) ||
    (!opts.pool && opts.threads === 1);
  if (inline) {
    // same runner as the workers use, compiled once here
    const run = createModelChunkRunner(payload, compiled.value);
    await runChunks({ ...common, run });
  } else if (opts.pool) await opts.pool.run(common);
  else await runPooled({ ...common, threads: opts.threads });
  return red.finish(opts.samples, opts.seed, chunkSize);
}
