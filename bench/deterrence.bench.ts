// deterrence model speed: (e) the largest catalog scenario (most commitments) at 100k samples over a 10-year
// horizon, wall time on 2 threads (target < 1 s), plus 1 thread, a cold pool, and sensitivity analysis
import { performance } from 'node:perf_hooks';
import { attribution, tornado } from '../src/core/deterrence/sensitivity.js';
import { setupDeterrence, simulate } from '../src/core/deterrence/simulate.js';
import { loadCatalog } from '../src/node/catalog-files.js';
import { loadPriors, pooledExecutor } from '../src/node/deterrence-files.js';
import { WorkerPool } from '../src/node/pool/pool.js';

const line = (name: string, value: number, unit: string) =>
  process.stdout.write(`${JSON.stringify({ name, value: Number(value.toPrecision(4)), unit })}\n`);

const { catalog } = loadCatalog();
const priors = loadPriors();
const setups = [...catalog.scenarios.values()].map((e) => {
  const r = setupDeterrence(e.scenario, catalog.actors, priors, { horizon: 10 });
  if (!r.ok) throw new Error(`${e.scenario.id}: ${JSON.stringify(r.diagnostics)}`);
  return r.value;
});
const largest = setups.reduce((a, b) =>
  b.prepared.structure.commitments.length > a.prepared.structure.commitments.length ? b : a,
);
const id = largest.prepared.structure.scenario;
process.stderr.write(
  `deterrence bench: largest scenario ${id} (${largest.prepared.structure.commitments.length} commitments)\n`,
);
const samples = 100_000;

const best = async (runs: number, f: () => Promise<unknown>) => {
  let b = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    await f();
    b = Math.min(b, performance.now() - t0);
  }
  return b;
};

// one thread (inline), warm
await simulate(largest, { samples: 10_000, seed: 1 });
const t1 = await best(5, () => simulate(largest, { samples, seed: 1, executor: pooledExecutor(1) }));
line('deterrence.largest.100k_10y.1_thread', t1, 'ms');

// two threads, cold: the pool is created and closed inside the run (what `guarantor simulate --threads 2` pays)
const cold = await best(1, () => simulate(largest, { samples, seed: 1, executor: pooledExecutor(2) }));
line('deterrence.largest.100k_10y.2_threads_cold', cold, 'ms');

// two threads, warm pool (a long-lived process: server, sensitivity)
const pool = new WorkerPool(2);
try {
  await simulate(largest, { samples, seed: 1, executor: pooledExecutor(2, pool) }); // warm-up
  const t2 = await best(5, () => simulate(largest, { samples, seed: 1, executor: pooledExecutor(2, pool) }));
  line('deterrence.largest.100k_10y.2_threads', t2, 'ms');
  line('deterrence.largest.100k_10y.speedup_2_threads', t1 / t2, 'x');
  line('deterrence.largest.samples_per_s.2_threads', samples / (t2 / 1000), 'samples/s');
  const tor = await best(1, () =>
    tornado(largest, { samples: 20_000, seed: 1, executor: pooledExecutor(2, pool) }),
  );
  line('deterrence.largest.tornado_20k.2_threads', tor, 'ms');
  const att = await best(1, () =>
    attribution(largest, { samples: 20_000, seed: 1, executor: pooledExecutor(2, pool) }),
  );
  line('deterrence.largest.attribution_20k.2_threads', att, 'ms');
} finally {
  await pool.close();
}

// the whole catalog, 10k samples each in one thread (what `compare --all` adds)
const tc = await best(1, async () => {
  for (const s of setups) await simulate(s, { samples: 10_000, seed: 1 });
});
line('deterrence.catalog_10k_each.1_thread', tc, 'ms');
