// 32-bit integer mixing (splitmix32 / murmur3 finaliser): turns structured keys into well-spread seeds

/** one splitmix32 step's output function: a bijective avalanche mix of a 32-bit integer */
export function mix32(x: number): number {
  let z = x | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** a splitmix32 generator: used only to expand a key into xoshiro state, never for samples */
export function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    return mix32(state);
  };
}

/** FNV-1a hash of a string: stable stream ids from input names, so renumbering inputs changes nothing */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
