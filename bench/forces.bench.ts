// forces sizing speed: Monte Carlo samples per second for one mission, and a whole scenario's sizing time
import { performance } from 'node:perf_hooks';
import { estimateMission } from '../src/core/forces/estimate-mission.js';
import { sizeScenarioForces } from '../src/core/forces/size-scenario.js';
import { Scenario } from '../src/core/schema/scenario.js';
import { loadForcesData } from '../src/node/forces-files.js';

const line = (name: string, value: number, unit: string) =>
  process.stdout.write(`${JSON.stringify({ name, value: Number(value.toPrecision(4)), unit })}\n`);

const data = loadForcesData();
const samples = 200_000;
estimateMission({ mission: 'deep-defence' }, data, { samples: 1000 }); // warm-up
let best = Number.POSITIVE_INFINITY;
for (let r = 0; r < 5; r++) {
  const t0 = performance.now();
  estimateMission({ mission: 'deep-defence' }, data, { samples, seed: r + 1 });
  best = Math.min(best, performance.now() - t0);
}
line('forces.mission.samples_per_s', samples / (best / 1000), 'samples/s');

const src = 'guarantor-forces-assumptions';
const instrument = (id: string, forces: object[]) => ({
  id,
  title: id,
  guarantors: ['GBR'],
  obligations: ['monitor'],
  strength: 'coordinate',
  automaticity: 'discretionary',
  trigger: { timing: 'standing', domains: ['land'] },
  legal: { form: 'political-declaration', ratification: 'none', status: 'hypothetical' },
  duration: { years: 10 },
  decision: { rule: 'each-guarantor' },
  depth: { forces },
  sources: [src],
});
const missions = ['reassurance', 'monitoring', 'maritime', 'air-policing', 'training', 'tripwire'];
const scenario = Scenario.parse({
  id: 'bench',
  title: 'bench',
  summary: 'bench',
  status: 'hypothetical',
  asOf: '2026-01-01',
  sources: [src],
  instruments: missions.map((m, i) =>
    instrument(`i${i}`, [
      { actor: 'GBR', troops: 1000 * (i + 1), mission: m, location: 'rear', source: src },
      { actor: 'FRA', aircraft: 10, ships: 1, mission: m, location: 'rear', source: src },
    ]),
  ),
});
best = Number.POSITIVE_INFINITY;
for (let r = 0; r < 5; r++) {
  const t0 = performance.now();
  sizeScenarioForces(scenario, data, { samples: 10_000, seed: r + 1 });
  best = Math.min(best, performance.now() - t0);
}
line('forces.scenario_6_missions_10k_samples.ms', best, 'ms');
