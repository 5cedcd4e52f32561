// a historical case -> what the deterrence model runs on: the scenario with case-specific inputs, and an actor map
// carrying the era's figures instead of the catalog's 2024 ones. Fixed rules from validation/backtest.yaml.

import type { Actor } from '../schema/actor.js';
import { caseScenario, type HistoricalCase } from '../schema/historical.js';
import type { Scenario } from '../schema/scenario.js';
import type { BacktestSettings } from './settings.js';

/** 'judgement' uses the research note's analyst judgements; 'structural' only coded facts and era figures */
export type InputMode = 'judgement' | 'structural';

/**
 * The catalog's actors with the case's era figures laid over them: nuclear status and spending (aggressor = 100).
 * An organisation given a figure stands for its members as one unit (its member list is dropped), so 2024 member
 * figures never leak in. Active forces are dropped: they are 2024 figures.
 */
export function caseActors(c: HistoricalCase, catalog: ReadonlyMap<string, Actor>): Map<string, Actor> {
  const out = new Map(catalog);
  for (const a of c.case.actorsAtStart) {
    const base = catalog.get(a.id);
    const actor: Actor = {
      id: a.id,
      name: base?.name ?? a.id,
      kind: base?.kind ?? 'state',
      members: [],
      nuclear: a.nuclear,
      defenceSpending: {
        value: a.spending,
        unit: 'index (aggressor = 100)',
        year: c.case.startYear,
        source: a.source,
        evidence: a.evidence,
      },
    };
    out.set(a.id, actor);
  }
  return out;
}

const fmt = (x: number) => Number(x.toPrecision(3)).toString();

/** the model inputs this case sets, by the fixed rules, with their provenance */
export function caseInputs(
  c: HistoricalCase,
  settings: BacktestSettings,
  mode: InputMode,
): { assumptions: Scenario['assumptions']; motivation: 'baseline' | 'reduced' | 'transformed' } {
  const { aggressor, protectedState } = c.context;
  const at = new Map(c.case.actorsAtStart.map((a) => [a.id, a]));
  const assumptions: Scenario['assumptions'] = {};
  let motivation: 'baseline' | 'reduced' | 'transformed' = 'baseline';
  if (mode === 'judgement') {
    const rule = settings.judgement.localBalance[c.case.judgement.localBalance];
    assumptions.defender_power_ratio = {
      value: rule.spec,
      source: rule.source,
      note: `local balance judged ${c.case.judgement.localBalance}`,
    };
    if (!c.case.judgement.revisionistClaim) motivation = settings.judgement.noClaimMotivation;
  } else {
    const ratio = Math.max(at.get(protectedState)?.spending ?? 0, 0.1) / 100;
    const s = settings.structural.spendingSpread;
    assumptions.defender_power_ratio = {
      value: `${fmt(ratio / s)} to ${fmt(ratio * s)}`,
      source: settings.structural.source,
      note: `spending ratio ${fmt(ratio)} (protected state / aggressor)`,
    };
  }
  // a guarantor's supply share is its spending over the pool: the pool is every third party coded in the case,
  // so the full set of them supplies one index point, as the whole donor pool does for Ukraine
  const pool = c.case.actorsAtStart
    .filter((a) => a.id !== aggressor && a.id !== protectedState)
    .reduce((s, a) => s + a.spending, 0);
  assumptions.donor_pool_spending_usd_bn = {
    value: Math.max(pool, 1),
    source: 'guarantor-era-capabilities-2026',
    note: 'sum of the third parties in case.actorsAtStart, in the same index units',
  };
  return { assumptions, motivation };
}

/** the scenario the model runs for a case: its own coding plus the case inputs, over the back-test horizon */
export function caseModelScenario(c: HistoricalCase, settings: BacktestSettings, mode: InputMode): Scenario {
  const s = caseScenario(c);
  const { assumptions, motivation } = caseInputs(c, settings, mode);
  return {
    ...s,
    context: {
      ...s.context,
      horizonYears: settings.horizonYears,
      ...(motivation !== 'baseline'
        ? {
            aggressorMotivation: {
              level: motivation,
              rationale: 'the research note codes no revisionist claim by the aggressor',
              source: settings.judgement.source,
              evidence: 'secondary' as const,
            },
          }
        : {}),
    },
    assumptions: { ...s.assumptions, ...assumptions },
  };
}
