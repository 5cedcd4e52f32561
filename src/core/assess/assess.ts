// run every rule, derive party stances, score the dimensions

import type { Actor } from '../schema/actor.js';
import type { Party } from '../schema/party.js';
import type { Scenario } from '../schema/scenario.js';
import { partyStances } from './party-stances.js';
import type { Rule } from './rule.js';
import { acceptabilityRules } from './rules/acceptability.js';
import { commitmentRules } from './rules/commitment.js';
import { consistencyRules } from './rules/consistency.js';
import { coverageRules } from './rules/coverage.js';
import { credibilityRules } from './rules/credibility.js';
import { durabilityRules } from './rules/durability.js';
import { feasibilityRules } from './rules/feasibility.js';
import { selfRelianceRules } from './rules/self-reliance.js';
import { timingRules } from './rules/timing.js';
import { vetoRules } from './rules/veto.js';
import { DEFAULT_WEIGHTS, overallScore, scoreDimensions } from './scorecard.js';
import { type Assessment, DIMENSIONS, type Dimension, type Finding } from './types.js';

export const RULES: readonly Rule[] = [
  ...consistencyRules,
  ...commitmentRules,
  ...timingRules,
  ...durabilityRules,
  ...credibilityRules,
  ...vetoRules,
  ...coverageRules,
  ...selfRelianceRules,
  ...acceptabilityRules,
  ...feasibilityRules,
];

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2, strength: 3 } as const;

export interface AssessOptions {
  weights?: Record<Dimension, number>;
}

export function assessScenario(
  scenario: Scenario,
  ref: { actors: ReadonlyMap<string, Actor>; parties: readonly Party[] },
  opts: AssessOptions = {},
): Assessment {
  const ctx = { scenario, actors: ref.actors, parties: ref.parties };
  const findings: Finding[] = RULES.flatMap((r) => r.run(ctx));
  findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      DIMENSIONS.indexOf(a.dimension) - DIMENSIONS.indexOf(b.dimension),
  );
  const parties = partyStances(scenario, ref.parties, ref.actors);
  const weights = opts.weights ?? DEFAULT_WEIGHTS;
  const scores = scoreDimensions(ctx, parties, findings, weights);
  return { scenario: scenario.id, findings, scores, overall: overallScore(scores), weights, parties };
}

export const hasErrors = (a: Assessment) => a.findings.some((f) => f.severity === 'error');
