// chunked execution in the calling thread: progress, cancellation, and merging in chunk order.
// The Node worker pool (src/node/pool) offers the same contract across threads.

import { GuarantorError } from '../errors.js';
import type { ChunkRef } from './chunks.js';

export interface Progress {
  /** samples finished and merged */
  done: number;
  total: number;
  chunksDone: number;
  chunks: number;
}

export interface RunControl {
  signal?: AbortSignal;
  /** called after each chunk is merged, in chunk order */
  onProgress?: (p: Progress) => void;
}

/**
 * A job that can run in any thread: a module exporting `createChunkRunner(payload)` (see src/node/pool). The
 * runner must be a pure function of (payload, chunk) for results to be independent of thread count.
 */
export interface ChunkJobModule<P, R> {
  createChunkRunner(payload: P): (chunk: ChunkRef) => R;
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new GuarantorError('engine.cancelled', 'run cancelled');
}

/** yield to the event loop at most every this many ms, so progress renders and aborts land */
const YIELD_MS = 50;

/**
 * Runs `run` over each chunk in order and folds results with `reduce`, in the calling thread.
 * @example const total = await runChunks({ chunks: planChunks(1e6), run: (c) => c.n, reduce: (a, r) => a + r, init: 0 });
 */
export async function runChunks<R, A>(
  opts: {
    chunks: readonly ChunkRef[];
    run: (chunk: ChunkRef) => R;
    reduce: (acc: A, result: R, chunk: ChunkRef) => A;
    init: A;
  } & RunControl,
): Promise<A> {
  const total = opts.chunks.reduce((s, c) => s + c.n, 0);
  let acc = opts.init;
  let done = 0;
  let last = now();
  for (let i = 0; i < opts.chunks.length; i++) {
    throwIfAborted(opts.signal);
    const c = opts.chunks[i]!;
    acc = opts.reduce(acc, opts.run(c), c);
    done += c.n;
    opts.onProgress?.({ done, total, chunksDone: i + 1, chunks: opts.chunks.length });
    if (now() - last > YIELD_MS && i < opts.chunks.length - 1) {
      await new Promise((r) => setTimeout(r, 0));
      last = now();
    }
  }
  throwIfAborted(opts.signal);
  return acc;
}

/** the same, fully synchronous (no yielding): for small runs and for code that cannot await */
export function runChunksSync<R, A>(opts: {
  chunks: readonly ChunkRef[];
  run: (chunk: ChunkRef) => R;
  reduce: (acc: A, result: R, chunk: ChunkRef) => A;
  init: A;
}): A {
  let acc = opts.init;
  for (const c of opts.chunks) acc = opts.reduce(acc, opts.run(c), c);
  return acc;
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
