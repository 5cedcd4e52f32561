// a caller-supplied chunk job (as the deterrence model will write): compiles its inputs once per thread and returns
// a plain per-chunk result
import { compilePlan } from '../../src/core/engine/plan.js';

export function createChunkRunner(payload: { seed: number; spec: string }) {
  const r = compilePlan({ inputs: [{ name: 'x', spec: payload.spec }], chunkSize: 10_000 });
  if (!r.ok) throw new Error('bad spec');
  const plan = r.value;
  const ws = plan.newWorkspace();
  return (chunk: { index: number; start: number; n: number }) => {
    const x = plan.sampleChunk(payload.seed, chunk, ws).get('x');
    let sum = 0;
    for (let i = 0; i < chunk.n; i++) sum += x[i]!;
    return { index: chunk.index, sum, first: x[0]! };
  };
}
