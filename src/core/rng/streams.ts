// independent streams keyed by (seed, stream id, chunk index): a chunk's draws never depend on thread count

import { hashString, mix32 } from './splitmix32.js';
import { Xoshiro128 } from './xoshiro128.js';

/** largest seed accepted: seeds are integers in [0, 2^53) so they survive JSON and the CLI */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

/** the stream id of a named input (FNV-1a of its name): same name, same draws, whatever else the model holds */
export function streamIdOf(name: string): number {
  return hashString(name);
}

/**
 * The generator for one (seed, stream, chunk). Each of the four state words is its own avalanche chain over the
 * whole key, so the 128-bit start state is spread over the full key space (no 32-bit seed bottleneck) and
 * neighbouring chunks or streams start from unrelated states.
 * @example const rng = streamRng(42, streamIdOf('budget'), 0);
 */
export function streamRng(seed: number, streamId: number, chunk: number): Xoshiro128 {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  return Xoshiro128.fromState(
    word(0x243f6a88, lo, hi, streamId, chunk),
    word(0x85a308d3, lo, hi, streamId, chunk),
    word(0x13198a2e, lo, hi, streamId, chunk),
    word(0x03707344, lo, hi, streamId, chunk),
  );
}

function word(salt: number, lo: number, hi: number, stream: number, chunk: number): number {
  let h = mix32(salt ^ lo);
  h = mix32((h + 0x9e3779b9) ^ hi);
  h = mix32((h + 0x9e3779b9) ^ (stream >>> 0));
  h = mix32((h + 0x9e3779b9) ^ (chunk >>> 0));
  return h;
}
