// translate a model (inputs + output expressions) into Squiggle code, for side-by-side checks and benchmarks.
// Only the shared subset is supported: numbers, normal/lognormal/beta/uniform/triangular, `to`, + - * / ^.
import { run } from '@quri/squiggle-lang';
import type { ModelDef } from '../../src/core/engine/model.js';

const SUPPORTED = /^[\s\w.,()+\-*/^]*$/;

export function toSquiggle(def: ModelDef, output: string, quantiles: number[]): string {
  const lines: string[] = [];
  for (const i of def.inputs) {
    const spec = String(i.spec);
    if (!SUPPORTED.test(spec)) throw new Error(`cannot translate '${spec}' to Squiggle`);
    lines.push(`${i.name} = ${spec}`);
  }
  for (const o of def.outputs ?? []) if (o.expr) lines.push(`${o.name} = ${o.expr}`);
  const qs = quantiles.map((p) => `q${Math.round(p * 1000)}: quantile(${output}, ${p})`).join(', ');
  lines.push(`{mean: mean(${output}), sd: stdev(${output}), ${qs}}`);
  return lines.join('\n');
}

export interface SquiggleStats {
  mean: number;
  sd: number;
  quantiles: Record<string, number>;
  /** Squiggle's own execution time (ms) */
  ms: number;
}

export async function runSquiggle(code: string, samples: number, seed = 'guarantor'): Promise<SquiggleStats> {
  const r = await run(code, { environment: { sampleCount: samples, xyPointLength: 1000, seed } });
  if (!r.result.ok) throw new Error(`squiggle failed: ${r.result.value.toString()}`);
  const js = r.result.value.result.asJS() as { value: Record<string, number> };
  const { mean, sd, ...q } = js.value as Record<string, number>;
  return { mean: mean!, sd: sd!, quantiles: q, ms: r.executionTime };
}
