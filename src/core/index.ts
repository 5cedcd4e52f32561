// the core's one export surface: pure TypeScript, usable in Node and in the browser

export * from './errors.js';
export * from './schema/source.js';
export * from './schema/common.js';
export * from './schema/actor.js';
export * from './schema/instrument.js';
export * from './schema/shock.js';
export * from './schema/scenario.js';
export * from './schema/party.js';
export { scenarioJsonSchema } from './schema/json-schema.js';
export { parseLocatedYaml, type LocatedYaml } from './yaml/located-yaml.js';
export { parseScenarioText, validateScenario } from './scenario/parse-scenario.js';
export { buildCatalog, buildReferenceData, knownIds, type Catalog, type CatalogEntry, type TextFile } from './catalog/catalog.js';
export { assessScenario, hasErrors, RULES } from './assess/assess.js';
export { DEFAULT_WEIGHTS, parseWeights } from './assess/scorecard.js';
export * from './assess/types.js';
export * from './assess/features.js';
