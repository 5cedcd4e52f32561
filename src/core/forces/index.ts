// the forces module's surface (re-exported from src/core/index.ts)

export * from './archetype.js';
export * from './estimate-mission.js';
export * from './force-parameters.js';
export * from './force-pledge.js';
export * from './forces-data.js';
export * from './interval.js';
export * from './mission-request.js';
export * from './pledge-gap.js';
export * from './reference-mission.js';
export * from './size-mission.js';
export * from './size-scenario.js';
export * from './sourced-range.js';
