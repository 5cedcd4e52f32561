// the simulated columns of `compare` now live in src/node/comparison.ts (shared with the HTTP API)
export {
  COMPARE_SAMPLES,
  COMPARE_SEED,
  type SimulatedColumns,
  simulatedColumns,
} from '../../node/comparison.js';
