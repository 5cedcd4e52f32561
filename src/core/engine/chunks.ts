// fixed-size chunks: the unit of work, of random streams and of merging. Chunk boundaries depend only on the sample
// count and chunk size, never on the thread count, which is what makes results identical for any thread count.

import { GuarantorError } from '../errors.js';

export interface ChunkRef {
  /** 0-based chunk number; part of every random stream key */
  index: number;
  /** global index of the chunk's first sample */
  start: number;
  /** samples in this chunk */
  n: number;
}

/**
 * 32,768 samples: a 1M-sample run is 31 chunks, so two threads finish within half a chunk of each other (with 65,536
 * the 16th chunk left one thread idle for ~5% of the run); one thread runs as fast as with 65,536, each column is
 * 256 KB (half an L2 cache here), and merged quantiles stay within ~2e-5 in rank at 10M samples
 */
export const DEFAULT_CHUNK_SIZE = 32768;
/** more than this is refused: a run this size would take minutes even at full speed */
export const MAX_SAMPLES = 1_000_000_000;

/** throws `engine.samples` for counts that are not a positive integer <= MAX_SAMPLES */
export function checkSampleCount(samples: number): void {
  if (!Number.isInteger(samples) || samples < 1) {
    throw new GuarantorError('engine.samples', `samples must be a positive integer, got ${samples}`);
  }
  if (samples > MAX_SAMPLES) {
    throw new GuarantorError(
      'engine.samples',
      `samples must be at most ${MAX_SAMPLES.toExponential(0)} (got ${samples.toExponential(2)}); Monte Carlo error at 1e6 samples is already ~0.1% of an sd`,
    );
  }
}

/** the chunks of a run, in order */
export function planChunks(samples: number, chunkSize = DEFAULT_CHUNK_SIZE): ChunkRef[] {
  checkSampleCount(samples);
  if (!Number.isInteger(chunkSize) || chunkSize < 1) {
    throw new GuarantorError('engine.chunk-size', `chunk size must be a positive integer, got ${chunkSize}`);
  }
  const out: ChunkRef[] = [];
  for (let index = 0, start = 0; start < samples; index++, start += chunkSize) {
    out.push({ index, start, n: Math.min(chunkSize, samples - start) });
  }
  return out;
}
