// child process for the peak-RSS benchmark: one model run, then print maxRSS (run by engine.bench.ts)
import { readFileSync } from 'node:fs';
import { parseModelFile } from '../src/core/engine/model-file.js';
import { evaluateModelThreaded } from '../src/node/pool/evaluate-model.js';

const [file, samples, threads] = [process.argv[2]!, Number(process.argv[3]), Number(process.argv[4])];
const parsed = parseModelFile(readFileSync(file, 'utf8'), file);
if (!parsed.ok) throw new Error('model does not parse');
const t0 = performance.now();
const r = await evaluateModelThreaded(parsed.value, { samples, seed: 1, threads });
const ms = performance.now() - t0;
// resourceUsage().maxRSS is in KiB and covers every thread of this process
process.stdout.write(
  `${JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024, ms, mean: r.outputs.total!.mean })}\n`,
);
