// the model run as a worker-pool job module: src/node/pool imports this file by URL in each worker thread

export { createModelChunkRunner as createChunkRunner } from './model.js';
