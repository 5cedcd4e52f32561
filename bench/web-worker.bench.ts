// the editor's live simulation: what the Web Worker does after each edit (parse the YAML, set the model up, run
// 10k samples on one thread) timed in Node with the worker's own code (web/src/worker/run-in-worker.ts).
// Target: under 100 ms per edit (issue 6). The e2e logs the same figure measured in Chromium.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCatalog } from '../src/node/catalog-files.js';
import { loadPriors } from '../src/node/deterrence-files.js';
import { packageRoot } from '../src/node/paths.js';
import { prepareBundle, runRequest } from '../web/src/worker/run-in-worker.js';

const line = (name: string, value: number, unit: string) =>
  process.stdout.write(`${JSON.stringify({ name, value: Number(value.toPrecision(4)), unit })}\n`);

const { catalog } = loadCatalog();
const prepared = prepareBundle({
  version: 'bench',
  actors: [...catalog.actors.values()],
  priors: loadPriors(),
  sources: [...catalog.sources.keys()].map((id) => ({ id })),
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeScenario(id: string, runs: number): Promise<number> {
  const entry = catalog.scenarios.get(id);
  if (!entry) throw new Error(`no catalog scenario ${id}`);
  const yaml = readFileSync(join(packageRoot, entry.file), 'utf8');
  const req = {
    type: 'run' as const,
    id: 0,
    kind: 'simulate' as const,
    yaml,
    samples: 10_000,
    seed: 1,
    shocks: [],
  };
  await runRequest(prepared, req, {}); // warm the JIT, as a worker is after its first run
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    // each run is an "edit": a different seed so nothing can be reused between runs
    const t0 = performance.now();
    await runRequest(prepared, { ...req, seed: r + 2 }, {});
    times.push(performance.now() - t0);
  }
  return median(times);
}

// the scenario of the editor e2e, and the catalog's largest (most instruments)
const largest = [...catalog.scenarios.values()].reduce((a, b) =>
  b.scenario.instruments.length > a.scenario.instruments.length ? b : a,
).scenario.id;
process.stderr.write(
  `web-worker bench: largest scenario ${largest}; load average ${loadavg()[0]!.toFixed(1)} on this machine\n`,
);
line(
  'web-worker.edit-10k.s08-reassurance-force.median',
  await timeScenario('s08-reassurance-force', 15),
  'ms',
);
line(`web-worker.edit-10k.largest.median`, await timeScenario(largest, 15), 'ms');
