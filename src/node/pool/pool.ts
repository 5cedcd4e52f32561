// worker pool (piscina 5) for chunk jobs. Chunks are fixed by (samples, chunk size) and each chunk's draws come from
// streams keyed by its index, so merging results in chunk order gives bit-identical results for any thread count.

import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { ChunkRef } from '../../core/engine/chunks.js';
import { type RunControl, runChunks, throwIfAborted } from '../../core/engine/run.js';
import { GuarantorError } from '../../core/errors.js';
import { runningFromSource } from './module-url.js';

/** below this many samples a run stays in the calling thread: starting workers costs more than it saves */
export const INLINE_BELOW_SAMPLES = 50_000;
export const MAX_THREADS = 256;

/** a job: a module exporting createChunkRunner(payload) (see ChunkJobModule), and its payload */
export interface PoolJob<P> {
  module: URL | string;
  payload: P;
}

export interface PooledRun<R, A> extends RunControl {
  job: PoolJob<unknown>;
  chunks: readonly ChunkRef[];
  reduce: (acc: A, result: R, chunk: ChunkRef) => A;
  init: A;
  /** default INLINE_BELOW_SAMPLES */
  inlineBelow?: number;
}

export function checkThreads(threads: number): void {
  if (!Number.isInteger(threads) || threads < 1 || threads > MAX_THREADS) {
    throw new GuarantorError(
      'usage.threads',
      `threads must be an integer from 1 to ${MAX_THREADS}, got ${threads}`,
    );
  }
}

/** a sensible default: the machine's parallelism */
export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

/**
 * A reusable pool of worker threads. Create once, run many jobs, then close().
 * @example const pool = new WorkerPool(2); await pool.run({ job, chunks, reduce, init }); await pool.close();
 */
export class WorkerPool {
  private readonly piscina: Piscina;
  constructor(readonly threads: number) {
    checkThreads(threads);
    const fromSource = runningFromSource();
    this.piscina = new Piscina({
      // from sources (tests, tsx) a small .mjs bootstrap registers the tsx loader before loading worker.ts
      filename: (fromSource
        ? new URL('./worker-dev.mjs', import.meta.url)
        : new URL('./worker.js', import.meta.url)
      ).href,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 30_000,
      ...(fromSource
        ? {
            execArgv: [...process.execArgv.filter((a) => a !== '--import' && a !== 'tsx'), '--import', 'tsx'],
          }
        : {}),
    });
  }

  /** runs every chunk on the pool and reduces results in chunk order (a reorder buffer holds early finishers) */
  async run<R, A>(opts: Omit<PooledRun<R, A>, 'inlineBelow'>): Promise<A> {
    const { chunks } = opts;
    const module = typeof opts.job.module === 'string' ? opts.job.module : opts.job.module.href;
    const key = `${module}\u0000${JSON.stringify(opts.job.payload)}`;
    const total = chunks.reduce((s, c) => s + c.n, 0);
    const window = this.threads * 2; // bounded in-flight tasks keep the reorder buffer and memory small
    const pending = new Map<number, R>();
    let acc = opts.init;
    let next = 0; // next chunk to submit
    let merged = 0; // chunks merged so far
    let done = 0;
    // cancellation and failures stop submitting and settle at once; tasks already on a worker run to the end of
    // their chunk and their results are dropped. (Aborting them through piscina terminated the worker thread, and a
    // result posted in that instant made piscina throw 'Unexpected message from Worker' outside any promise.)
    let fail: (e: unknown) => void = () => {};
    const onAbort = () => fail(new GuarantorError('engine.cancelled', 'run cancelled'));
    opts.signal?.addEventListener('abort', onAbort);
    try {
      throwIfAborted(opts.signal);
      await new Promise<void>((resolve, reject) => {
        let failed = false;
        fail = (e) => {
          if (failed) return;
          failed = true;
          reject(e);
        };
        const submit = () => {
          while (!failed && next < chunks.length && next - merged < window) {
            const i = next++;
            const chunk = chunks[i]!;
            this.piscina
              .run({ module, key, payload: opts.job.payload, chunk })
              .then((r: R) => {
                if (failed) return;
                pending.set(i, r);
                while (pending.has(merged)) {
                  const res = pending.get(merged)!;
                  pending.delete(merged);
                  const c = chunks[merged]!;
                  acc = opts.reduce(acc, res, c);
                  done += c.n;
                  merged++;
                  opts.onProgress?.({ done, total, chunksDone: merged, chunks: chunks.length });
                }
                if (failed) return; // onProgress may have cancelled the run
                if (merged === chunks.length) resolve();
                else submit();
              })
              .catch((e: unknown) => fail(e));
          }
        };
        if (chunks.length === 0) resolve();
        else submit();
      });
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
    }
    return acc;
  }

  async close(): Promise<void> {
    await this.piscina.destroy();
  }
}

/**
 * Runs a chunk job on `threads` threads, or in the calling thread when threads is 1 or the run is small. Results are
 * identical either way. Creates and closes its own pool; hold a WorkerPool to reuse threads across runs.
 */
export async function runPooled<R, A>(opts: PooledRun<R, A> & { threads: number }): Promise<A> {
  checkThreads(opts.threads);
  const total = opts.chunks.reduce((s, c) => s + c.n, 0);
  if (opts.threads === 1 || total < (opts.inlineBelow ?? INLINE_BELOW_SAMPLES) || opts.chunks.length < 2) {
    return runInline(opts);
  }
  const pool = new WorkerPool(Math.min(opts.threads, opts.chunks.length));
  try {
    return await pool.run(opts);
  } finally {
    await pool.close();
  }
}

/** the calling-thread path: same module, same runner, same chunk order */
export async function runInline<R, A>(opts: PooledRun<R, A>): Promise<A> {
  const mod = (await import(
    typeof opts.job.module === 'string' ? opts.job.module : opts.job.module.href
  )) as {
    createChunkRunner: (p: unknown) => (c: ChunkRef) => R;
  };
  const run = mod.createChunkRunner(opts.job.payload);
  return runChunks({
    chunks: opts.chunks,
    run,
    reduce: opts.reduce,
    init: opts.init,
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
}
