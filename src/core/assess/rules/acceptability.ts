// acceptability per party: which red lines a package crosses, with the source of each

import { evaluatePredicate } from '../predicates.js';
import { finding, type Rule } from '../rule.js';

export const redLineCrossed: Rule = {
  id: 'acceptability.red-line',
  dimension: 'acceptability',
  description: "A party's stated red line (data/parties.yaml) is crossed.",
  run: ({ scenario: s, parties, actors }) =>
    parties.flatMap((p) =>
      p.redLines.flatMap((line) => {
        const hit = evaluatePredicate(s, line, actors);
        if (!hit.hit) return [];
        return [
          finding(
            redLineCrossed,
            line.kind === 'red-line' ? 'warning' : 'info',
            `${p.name}: ${line.kind === 'red-line' ? 'red line crossed' : 'reservation'} (${line.id})`,
            `${line.summary} Here: ${hit.detail}.`,
            [line.source],
            { party: p.id },
          ),
        ];
      }),
    ),
};

export const statedPosition: Rule = {
  id: 'acceptability.stated-position',
  dimension: 'acceptability',
  description: "A party's stated position on this very package.",
  run: ({ scenario: s }) =>
    s.positions.map((p) =>
      finding(
        statedPosition,
        p.stance === 'rejects' ? 'warning' : 'info',
        `${p.party} ${p.stance === 'proposed' ? 'proposed it' : p.stance}`,
        `Stated position of ${p.party} on this package (${p.stance}): ${p.summary}`,
        [p.source],
        { party: p.party },
      ),
    ),
};

export const acceptabilityRules = [redLineCrossed, statedPosition];
