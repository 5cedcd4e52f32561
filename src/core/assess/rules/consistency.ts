// internal contradictions: a package that cannot be implemented as written (error level)

import { inCountryForces } from '../features.js';
import { finding, list, type Rule } from '../rule.js';

export const troopBanConflict: Rule = {
  id: 'consistency.troop-ban-conflict',
  dimension: 'feasibility',
  description: 'The package bans foreign troops and also deploys them in Ukraine.',
  run: ({ scenario: s }) => {
    if (!s.constraints.foreignTroopsBanned?.banned) return [];
    const hits = s.instruments.filter((i) =>
      inCountryForces(i).some((f) => f.actor !== s.context.protectedState && (f.troops ?? 0) > 0),
    );
    if (hits.length === 0) return [];
    return [
      finding(
        troopBanConflict,
        'error',
        'Contradiction: foreign troops banned and deployed',
        `constraints.foreignTroopsBanned is true, yet ${list(hits.map((i) => i.id))} place troops inside Ukraine. Remove one or move the forces to a neighbouring state or the sea.`,
        [s.constraints.foreignTroopsBanned.source],
      ),
    ];
  },
};

export const neutralityConflict: Rule = {
  id: 'consistency.neutrality-vs-alliance',
  dimension: 'acceptability',
  description: 'The package requires neutrality (or bans alliances) and also brings Ukraine into NATO.',
  run: ({ scenario: s }) => {
    const c = s.constraints;
    if (!c.neutrality?.required && !c.allianceBan?.banned) return [];
    const hits = s.instruments.filter(
      (i) => i.guarantors.includes('NATO') && i.obligations.includes('accession'),
    );
    if (hits.length === 0) return [];
    return [
      finding(
        neutralityConflict,
        'error',
        'Contradiction: neutrality and NATO accession',
        `The constraints make Ukraine neutral or bar alliances, yet ${list(hits.map((i) => i.id))} bring it into NATO.`,
        [(c.neutrality ?? c.allianceBan)!.source],
      ),
    ];
  },
};

export const selfGuarantee: Rule = {
  id: 'consistency.protected-state-as-guarantor',
  dimension: 'commitment',
  description: 'The protected state is listed as a guarantor of its own defence.',
  run: ({ scenario: s }) =>
    s.instruments
      .filter((i) => i.guarantors.includes(s.context.protectedState) && i.obligations.includes('defence'))
      .map((i) =>
        finding(
          selfGuarantee,
          'error',
          `Ukraine cannot guarantee itself: ${i.title}`,
          `Remove ${s.context.protectedState} from guarantors; code its own forces under constraints and context instead.`,
          ['guarantor-method'],
          { instrument: i.id },
        ),
      ),
};

export const consistencyRules = [troopBanConflict, neutralityConflict, selfGuarantee];
