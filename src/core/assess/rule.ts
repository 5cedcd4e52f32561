// a rule reads a coded package and returns findings; each names the sources whose argument it applies

import type { Actor } from '../schema/actor.js';
import type { Party } from '../schema/party.js';
import type { Scenario } from '../schema/scenario.js';
import type { Dimension, Finding, FindingSeverity } from './types.js';

export interface AssessContext {
  scenario: Scenario;
  actors: ReadonlyMap<string, Actor>;
  parties: readonly Party[];
}

export interface Rule {
  id: string;
  dimension: Dimension;
  /** what the rule checks, for `guarantor rules` and docs/assessment.md */
  description: string;
  run(ctx: AssessContext): Finding[];
}

export function finding(
  rule: Pick<Rule, 'id' | 'dimension'>,
  severity: FindingSeverity,
  title: string,
  rationale: string,
  sources: string[],
  extra: { instrument?: string; party?: string } = {},
): Finding {
  return { id: rule.id, dimension: rule.dimension, severity, title, rationale, sources, ...extra };
}

export const list = (xs: readonly string[]) => xs.join(', ');
