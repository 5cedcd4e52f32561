// the deterrence model's surface (re-exported from src/core/index.ts); see docs/model.md

export * from './assumptions.js';
export * from './calibrated.js';
export * from './evaluate.js';
export {
  createDeterrenceChunkRunner,
  type DeterrenceJobPayload,
  type DeterrenceVariant,
  deterrenceReducer,
  type FullChunk,
  type MeanChunk,
  type VariantChunk,
  type VariantResult,
} from './job.js';
export * from './priors.js';
export * from './run-kind.js';
export * from './sensitivity.js';
export * from './simulate.js';
export * from './structure.js';
export * from './supply.js';
