// the core's one export surface: pure TypeScript, usable in Node and in the browser

export { assessScenario, hasErrors, RULES } from './assess/assess.js';
export * from './assess/features.js';
export { DEFAULT_WEIGHTS, parseWeights } from './assess/scorecard.js';
export * from './assess/types.js';
export {
  buildCatalog,
  buildReferenceData,
  type Catalog,
  type CatalogEntry,
  knownIds,
  type TextFile,
} from './catalog/catalog.js';
// deterrence model (issue 3): docs/model.md
export * from './deterrence/index.js';
export type { Dist, DistKind, Support } from './dist/dist.js';
export { DIST_CONSTRUCTORS, intervalDist } from './dist/registry.js';
export { normalCdf, normalQuantile } from './dist/special.js';
export {
  type ChunkRef,
  checkSampleCount,
  DEFAULT_CHUNK_SIZE,
  MAX_SAMPLES,
  planChunks,
} from './engine/chunks.js';
export {
  type CompiledModel,
  compileModel,
  createModelChunkRunner,
  evaluateModel,
  type ModelDef,
  type ModelJobPayload,
  type ModelResult,
  modelReducer,
  type OutputDef,
} from './engine/model.js';
export { type ModelFile, ModelFileSchema, parseModelFile } from './engine/model-file.js';
export {
  type ChunkColumns,
  type CorrelationDef,
  compilePlan,
  type InputDef,
  type InputKind,
  Plan,
  type PlanDef,
  type PlanInput,
  type SpecOrigin,
  specDiagnostic,
  Workspace,
} from './engine/plan.js';
export {
  type ChunkJobModule,
  type Progress,
  type RunControl,
  runChunks,
  runChunksSync,
  throwIfAborted,
} from './engine/run.js';
export { mergeSketches, type Sketch, sketchCdf, sketchQuantile } from './engine/sketch.js';
export {
  type ChunkSummary,
  QUANTILE_LEVELS,
  type QuantileKey,
  type Summary,
  SummaryAccumulator,
  summarizeChunk,
  summaryQuantile,
} from './engine/summary.js';
export * from './errors.js';
export { parseExpr } from './expr/parser.js';
export { containsZero, formatSupport } from './expr/support.js';
// forces and cost sizing (issue 4): mission archetypes, anchors, intervals, pledges; see docs/forces.md
export {
  type Anchor,
  type Archetype,
  estimateMission,
  type ForceParameters,
  type ForcePledge,
  type ForcesData,
  type ForcesDataFiles,
  type MissionEstimate,
  type MissionPoint,
  type MissionRequest,
  missionDensities,
  type PledgeGap,
  parseForcesData,
  pledgeGap,
  type ReferenceMission,
  type ScenarioForceGroup,
  type ScenarioForces,
  type ScenarioPresence,
  sizeMission,
  sizeScenarioForces,
} from './forces/index.js';
// Monte Carlo engine (issue 3): rng, distributions, expressions, plans, summaries; see docs/engine.md
export { MAX_SEED, streamIdOf, streamRng } from './rng/streams.js';
export { Xoshiro128 } from './rng/xoshiro128.js';
export { parseScenarioText, validateScenario } from './scenario/parse-scenario.js';
export * from './schema/actor.js';
export * from './schema/common.js';
// historical back-test (issue 7): cases, metrics, calibration; see docs/validation.md
export * from './schema/historical.js';
export * from './schema/instrument.js';
export { scenarioJsonSchema } from './schema/json-schema.js';
export * from './schema/party.js';
export * from './schema/scenario.js';
export * from './schema/shock.js';
export * from './schema/source.js';

// pledge/delivery tracker (issue 5): ledger records, Kiel and CSV row parsing, metrics, capability; see docs/tracker.md
export { Agreement, AgreementFile, agreementInstrument, agreementPledges } from './tracker/agreement.js';
export {
  type CapabilityParams,
  type CapabilitySeries,
  capabilityByYear,
  DEFAULT_CAPABILITY_PARAMS,
  type Delivery,
  deliveriesFromKiel,
  deliveriesFromLedger,
  plannedDeliveries,
  shiftDeliveries,
} from './tracker/capability.js';
export { type CsvTable, parseCsv } from './tracker/csv.js';
export { decodeText } from './tracker/decode-text.js';
export { DONORS, type Donor, lookupDonor } from './tracker/donors.js';
export { type KielCoverage, kielCoverage } from './tracker/kiel-coverage.js';
export { parseKielActivities, parseKielExplorer, parseKielWeapons } from './tracker/kiel-rows.js';
export { MAIN_SHEET, parseKielWorkbookSheet, WORKBOOK_COLUMNS } from './tracker/kiel-workbook.js';
export * from './tracker/ledger.js';
export {
  forecastCompletion,
  type GroupMetrics,
  groupMetrics,
  ledgerMonthlyFlows,
  type MonthlyFlow,
  metricsBy,
  observedSlippage,
  pledgeProgress,
} from './tracker/metrics.js';
export { OWN_CSV_COLUMNS, parseOwnCsv } from './tracker/own-csv.js';
export * from './validation/backtest.js';
export * from './validation/case-model.js';
export * from './validation/metrics.js';
export { parseCaseText, validateCase } from './validation/parse-case.js';
export * from './validation/settings.js';
export { type LocatedYaml, parseLocatedYaml } from './yaml/located-yaml.js';
