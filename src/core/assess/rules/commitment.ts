// guarantee versus assistance: is anyone obliged to fight?

import { isGuarantee, STRENGTH_SCORE } from '../features.js';
import { finding, list, type Rule } from '../rule.js';

export const noGuarantee: Rule = {
  id: 'commitment.no-guarantee',
  dimension: 'commitment',
  description: 'No instrument obliges anyone to fight: the package is assistance, not a guarantee.',
  run: ({ scenario: s }) => {
    if (s.instruments.some(isGuarantee)) return [];
    return [
      finding(
        noGuarantee,
        'warning',
        'Assistance, not a guarantee',
        'No instrument commits a guarantor to air, naval or ground combat if Ukraine is attacked. Kuleba draws exactly this line: only a promise to fight is a guarantee; the rest is assistance.',
        ['kuleba-2025'],
      ),
    ];
  },
};

export const guaranteePresent: Rule = {
  id: 'commitment.guarantee',
  dimension: 'commitment',
  description: 'At least one instrument is an obligation to fight.',
  run: ({ scenario: s }) =>
    s.instruments
      .filter(isGuarantee)
      .map((i) =>
        finding(
          guaranteePresent,
          'strength',
          `Obligation to fight: ${i.title}`,
          `${list(i.guarantors)} commit to ${i.strength === 'ground-combat' ? 'ground combat' : 'air or naval combat'} if Ukraine is attacked; by Kuleba's definition this is a guarantee rather than assistance.`,
          ['kuleba-2025'],
          { instrument: i.id },
        ),
      ),
};

export const discretionaryWording: Rule = {
  id: 'commitment.discretionary-wording',
  dimension: 'commitment',
  description: 'A guarantee that leaves each guarantor to decide what action it deems necessary.',
  run: ({ scenario: s }) =>
    s.instruments
      .filter((i) => isGuarantee(i) && i.automaticity === 'discretionary')
      .map((i) =>
        finding(
          discretionaryWording,
          'warning',
          `Help is discretionary: ${i.title}`,
          'Each guarantor decides what action it deems necessary, as under NATO Article 5. Miron warns such wording lets allies answer with condemnation, sanctions or ammunition instead of troops; Bondarev notes Article 5 never required armed help.',
          ['nato-1949', 'alaska-analysis-2025', 'bondarev-2025'],
          { instrument: i.id },
        ),
      ),
};

const ASSISTANCE = new Set(['supply-arms', 'industrial', 'training', 'intelligence', 'finance', 'accession']);

export const comprehensiveAssistance: Rule = {
  id: 'commitment.comprehensive-assistance',
  dimension: 'commitment',
  description: 'Without a guarantee, broad standing assistance across several kinds of support.',
  run: ({ scenario: s }) => {
    if (s.instruments.some(isGuarantee)) return [];
    const kinds = new Set(
      s.instruments
        .filter((i) => i.trigger.timing === 'standing' && STRENGTH_SCORE[i.strength] >= STRENGTH_SCORE.supply)
        .flatMap((i) => i.obligations.filter((o) => ASSISTANCE.has(o))),
    );
    if (kinds.size < 3) return [];
    return [
      finding(
        comprehensiveAssistance,
        'strength',
        'Comprehensive standing assistance',
        `Standing support covers ${list([...kinds].sort())}. Kuleba argues assistance that is comprehensive and sustained can deter as well as an explicit guarantee.`,
        ['kuleba-2025'],
      ),
    ];
  },
};

export const commitmentRules = [noGuarantee, guaranteePresent, discretionaryWording, comprehensiveAssistance];
