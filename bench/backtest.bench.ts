// historical back-test speed: the whole run (every case at every calibration grid point, leave-one-out, ablations)
// at the shipped settings (4,096 samples, one thread), and per case-grid-point simulation throughput
import { performance } from 'node:perf_hooks';
import { gridPoints, runBacktest } from '../src/core/validation/backtest.js';
import { loadCatalog } from '../src/node/catalog-files.js';
import { loadPriors } from '../src/node/deterrence-files.js';
import { loadBacktestSettings, loadHistoricalCasesStrict } from '../src/node/historical-files.js';

const line = (name: string, value: number, unit: string) =>
  process.stdout.write(`${JSON.stringify({ name, value: Number(value.toPrecision(4)), unit })}\n`);

const settings = loadBacktestSettings();
const priors = loadPriors();
const cases = loadHistoricalCasesStrict();
const actors = loadCatalog().catalog.actors;
const t0 = performance.now();
const r = await runBacktest({ cases, actors, priors, settings, mode: 'judgement' });
const ms = performance.now() - t0;
const runs = cases.length * gridPoints(settings, priors).length;
line('backtest.full-run', ms / 1000, 's');
line('backtest.case-grid-runs-per-s', runs / (ms / 1000), 'runs/s');
line('backtest.held-out-auc', r.scores.heldOut.auc, 'auc');
line('backtest.held-out-brier', r.scores.heldOut.brier, 'brier');
