// Ukraine's own capability: caps imposed on it, and support to build it

import { STRENGTH_SCORE } from '../features.js';
import { type AssessContext, finding, list, type Rule } from '../rule.js';

export const armyCap: Rule = {
  id: 'self-reliance.army-cap',
  dimension: 'self-reliance',
  description: "A cap on the size of Ukraine's armed forces.",
  run: ({ scenario: s }) => {
    const cap = s.constraints.armyCap;
    if (!cap) return [];
    return [
      finding(
        armyCap,
        'warning',
        `Army capped at ${cap.troops.toLocaleString('en-US')}`,
        "Limits the defender's own deterrent. Pifer advises Kyiv to avoid strict limits on its military; Bondarev expects Moscow to push for demilitarisation precisely because Ukraine's army proved strong.",
        [cap.source, 'pifer-2022', 'bondarev-2025'],
      ),
    ];
  },
};

export const weaponCaps: Rule = {
  id: 'self-reliance.weapon-caps',
  dimension: 'self-reliance',
  description: 'Caps on weapon categories or missile range.',
  run: ({ scenario: s }) => {
    const c = s.constraints;
    const items = [
      ...c.weaponCaps.map((w) => `${w.category} ≤ ${w.max.toLocaleString('en-US')}`),
      ...(c.missileRangeKm ? [`missile range ≤ ${c.missileRangeKm.max} km`] : []),
    ];
    if (items.length === 0) return [];
    const sources = [
      ...new Set([
        ...c.weaponCaps.map((w) => w.source),
        ...(c.missileRangeKm ? [c.missileRangeKm.source] : []),
      ]),
    ];
    return [
      finding(
        weaponCaps,
        'warning',
        'Caps on weapons',
        `${list(items)}. Pifer suggests Kyiv might at most forgo long-range strike systems while protecting a strong defence force.`,
        [...sources, 'pifer-2022'],
      ),
    ];
  },
};

export const deepStrike: Rule = {
  id: 'self-reliance.deep-strike',
  dimension: 'self-reliance',
  description: 'Whether Ukraine may strike deep into the aggressor without restriction.',
  run: ({ scenario: s }) => {
    const d = s.constraints.deepStrikeAllowed;
    if (!d) return [];
    return [
      d.allowed
        ? finding(
            deepStrike,
            'strength',
            'Deep strikes allowed',
            'Kuleba argues partners should let Ukraine strike deep into Russia without conditions so the regime feels the cost of war.',
            [d.source, 'kuleba-2025'],
          )
        : finding(
            deepStrike,
            'info',
            'Deep strikes restricted',
            'Ukraine may not strike deep into Russia; Kuleba argues for lifting such limits, Pifer treats forgoing long-range strike as a possible concession.',
            [d.source, 'kuleba-2025', 'pifer-2022'],
          ),
    ];
  },
};

const BUILDS_ARMY = new Set(['supply-arms', 'training', 'industrial']);

function armyBuilders(s: AssessContext['scenario']) {
  return s.instruments.filter(
    (i) =>
      i.trigger.timing === 'standing' &&
      STRENGTH_SCORE[i.strength] >= STRENGTH_SCORE.supply &&
      (i.obligations.some((o) => BUILDS_ARMY.has(o)) || i.depth.coProduction || i.depth.training),
  );
}

export const noArmySupport: Rule = {
  id: 'self-reliance.no-army-support',
  dimension: 'self-reliance',
  description: 'No standing instrument arms, trains or co-produces for Ukraine’s own forces.',
  run: ({ scenario: s }) =>
    armyBuilders(s).length
      ? []
      : [
          finding(
            noArmySupport,
            'warning',
            'Nothing builds Ukraine’s own army',
            'No standing instrument supplies, trains or co-produces. Pifer, Gorenburg and Bondarev each see a strong Ukrainian army as the first guarantee, and Bondarev notes a large army is unaffordable without outside support.',
            ['pifer-2022', 'alaska-analysis-2025', 'bondarev-2025'],
          ),
        ],
};

export const armySupport: Rule = {
  id: 'self-reliance.army-support',
  dimension: 'self-reliance',
  description: 'Standing instruments that arm, train or co-produce for Ukraine’s own forces.',
  run: ({ scenario: s }) => {
    const builders = armyBuilders(s);
    if (builders.length === 0) return [];
    return [
      finding(
        armySupport,
        'strength',
        'Builds Ukraine’s own army',
        `${list(builders.map((i) => i.id))} arm, train or co-produce. Pifer calls a robust, modern Ukrainian military the strongest guarantee; Popov adds joint ventures and technology transfer.`,
        ['pifer-2022', 'popov-2025'],
      ),
    ];
  },
};

export const selfRelianceRules = [armyCap, weaponCaps, deepStrike, noArmySupport, armySupport];
