// before versus after an attack: what is in place before the next attack counts more

import { STRENGTH_SCORE } from '../features.js';
import { finding, list, type Rule } from '../rule.js';

export const onAttackOnly: Rule = {
  id: 'timing.on-attack-only',
  dimension: 'timing',
  description: 'Every substantive commitment acts only after an attack.',
  run: ({ scenario: s }) => {
    const substantive = s.instruments.filter((i) => STRENGTH_SCORE[i.strength] >= STRENGTH_SCORE.supply);
    if (substantive.length === 0 || substantive.some((i) => i.trigger.timing === 'standing')) return [];
    return [
      finding(
        onAttackOnly,
        'warning',
        'Nothing substantive is in place before an attack',
        `All of ${list(substantive.map((i) => i.id))} start only once Ukraine is attacked. Bondarev argues guarantees that activate only after aggression are no guarantees at all.`,
        ['bondarev-2025'],
      ),
    ];
  },
};

export const standingCapability: Rule = {
  id: 'timing.standing-capability',
  dimension: 'timing',
  description: 'Forces, stockpiles or air defence in place before any attack.',
  run: ({ scenario: s }) =>
    s.instruments
      .filter(
        (i) =>
          i.trigger.timing === 'standing' &&
          (i.depth.forces.length > 0 || i.depth.stockpiles || i.depth.basing !== 'none'),
      )
      .map((i) => {
        const what = [
          i.depth.forces.length ? 'forces present' : '',
          i.depth.stockpiles ? 'pre-positioned stockpiles' : '',
          i.depth.basing !== 'none' ? `${i.depth.basing} basing` : '',
        ].filter(Boolean);
        return finding(
          standingCapability,
          'strength',
          `In place before an attack: ${i.title}`,
          `${list(what)}. Bondarev and Kuleba both stress capabilities that exist before the next attack rather than promises that follow it.`,
          ['bondarev-2025', 'kuleba-2025'],
          { instrument: i.id },
        );
      }),
};

export const timingRules = [onAttackOnly, standingCapability];
