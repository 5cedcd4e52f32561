// each party's stance on a package: stated positions first, otherwise derived from its coded red lines

import type { Actor } from '../schema/actor.js';
import type { Party } from '../schema/party.js';
import type { Scenario } from '../schema/scenario.js';
import { evaluatePredicate } from './predicates.js';
import type { PartyStance } from './types.js';

export function partyStances(
  s: Scenario,
  parties: readonly Party[],
  actors: ReadonlyMap<string, Actor>,
): PartyStance[] {
  return parties.map((p) => {
    const stated = s.positions.find((x) => x.party === p.id);
    if (stated) {
      return {
        party: p.id,
        stance: stated.stance,
        reasons: [{ text: stated.summary, source: stated.source }],
        stated: true,
      };
    }
    const hits = p.redLines
      .map((line) => ({ line, hit: evaluatePredicate(s, line, actors) }))
      .filter((x) => x.hit.hit);
    const redLines = hits.filter((x) => x.line.kind === 'red-line');
    const stance = redLines.length ? 'rejects' : hits.length ? 'conditional' : 'accepts';
    return {
      party: p.id,
      stance,
      reasons: hits.map((x) => ({ text: `${x.line.summary} (${x.hit.detail})`, source: x.line.source })),
      stated: false,
    };
  });
}

export const STANCE_VALUE: Record<PartyStance['stance'], number> = {
  accepts: 1,
  proposed: 1,
  conditional: 0.5,
  rejects: 0,
  unknown: 0.5,
};
