// binding versus political, and whether a commitment survives an election

import { bindingness, isGuarantee, isLegallyBinding, STRENGTH_SCORE } from '../features.js';
import { finding, list, type Rule } from '../rule.js';

const substantive = (strength: keyof typeof STRENGTH_SCORE) =>
  STRENGTH_SCORE[strength] >= STRENGTH_SCORE.supply;

export const politicalOnly: Rule = {
  id: 'durability.political-only',
  dimension: 'durability',
  description: 'No substantive commitment is, or is meant to become, legally binding (treaty or statute).',
  run: ({ scenario: s }) => {
    const subs = s.instruments.filter((i) => substantive(i.strength));
    // a treaty awaiting ratification is flagged by durability.ratification-hurdle instead
    if (subs.length === 0 || subs.some((i) => isLegallyBinding(i) || i.legal.form === 'treaty')) return [];
    return [
      finding(
        politicalOnly,
        'warning',
        'Political, not legal, commitments',
        `None of ${list(subs.map((i) => i.id))} is a ratified treaty or a law. Kuleba notes all 28 bilateral agreements are political acts and asks that support be made legally binding; the non-binding Budapest Memorandum is the cautionary precedent.`,
        ['kuleba-2025', 'popov-2025'],
      ),
    ];
  },
};

export const budapestPattern: Rule = {
  id: 'durability.assurance-from-aggressor',
  dimension: 'durability',
  description: "The would-be aggressor's own promise of non-aggression, in a non-binding form.",
  run: ({ scenario: s }) =>
    s.instruments
      .filter(
        (i) =>
          i.guarantors.includes(s.context.aggressor) &&
          i.obligations.includes('non-aggression') &&
          i.legal.form !== 'treaty' &&
          bindingness(i) < 0.9,
      )
      .map((i) =>
        finding(
          budapestPattern,
          'warning',
          `The aggressor's own non-binding assurance: ${i.title}`,
          `${s.context.aggressor} promises not to attack in a ${i.legal.form.replace('-', ' ')}. Pifer recalls that Moscow's 1994 Budapest assurances to respect Ukraine's borders were shredded; Popov calls that memorandum toothless.`,
          ['pifer-2022', 'popov-2025'],
          { instrument: i.id },
        ),
      ),
};

export const shortExit: Rule = {
  id: 'durability.short-exit',
  dimension: 'durability',
  description: 'A substantive commitment that can be ended on a year’s notice or less.',
  run: ({ scenario: s }) =>
    s.instruments
      .filter(
        (i) =>
          substantive(i.strength) &&
          i.duration.terminationNoticeMonths !== undefined &&
          i.duration.terminationNoticeMonths <= 12,
      )
      .map((i) =>
        finding(
          shortExit,
          'warning',
          `Can be ended on ${i.duration.terminationNoticeMonths} months' notice: ${i.title}`,
          'A new government can withdraw quickly. Pifer asks how much confidence Kyiv could place in a US commitment after a change of administration.',
          ['pifer-2022'],
          { instrument: i.id },
        ),
      ),
};

export const ratificationHurdle: Rule = {
  id: 'durability.ratification-hurdle',
  dimension: 'durability',
  description: 'A treaty still awaiting ratification, with the ratifying body and rule where coded.',
  run: ({ scenario: s, actors }) =>
    s.instruments
      .filter(
        (i) =>
          i.legal.form === 'treaty' &&
          (i.legal.ratification === 'required' || i.legal.ratification === 'pending'),
      )
      .map((i) => {
        const rules = i.guarantors
          .map((g) => actors.get(g)?.ratification)
          .filter((r) => r !== undefined)
          .map((r) => `${r.body} (${r.rule})`);
        return finding(
          ratificationHurdle,
          'info',
          `Not yet ratified: ${i.title}`,
          `Binding only once ratified${rules.length ? `: ${list(rules)}` : ''}. Pifer notes a US treaty guarantee would need two thirds of the Senate.`,
          ['pifer-2022'],
          { instrument: i.id },
        );
      }),
};

export const statuteAnchored: Rule = {
  id: 'durability.statute',
  dimension: 'durability',
  description: "A commitment written into a guarantor's law.",
  run: ({ scenario: s }) =>
    s.instruments
      .filter((i) => i.legal.form === 'statute' && !i.guarantors.includes(s.context.aggressor))
      .map((i) =>
        finding(
          statuteAnchored,
          'strength',
          `Written into law: ${i.title}`,
          'A law passed by the guarantor’s legislature is beyond the reach of a presidential decree; Bondarev argues a US contingent needs exactly this, covering funding, supply, status, duration and amendment.',
          ['bondarev-2025'],
          { instrument: i.id },
        ),
      ),
};

export const shortTerm: Rule = {
  id: 'durability.term-shorter-than-horizon',
  dimension: 'durability',
  description: 'A guarantee whose fixed term ends before the assessment horizon, without automatic renewal.',
  run: ({ scenario: s }) =>
    s.instruments
      .filter(
        (i) =>
          isGuarantee(i) &&
          i.duration.years !== null &&
          i.duration.years < s.context.horizonYears &&
          i.duration.renewal !== 'automatic',
      )
      .map((i) =>
        finding(
          shortTerm,
          'info',
          `Ends after ${i.duration.years} years: ${i.title}`,
          `The term is shorter than the ${s.context.horizonYears}-year horizon and renewal is ${i.duration.renewal}; Russian forces can reconstitute within a few years of a ceasefire according to Danish intelligence.`,
          ['danish-ddis-2025'],
          { instrument: i.id },
        ),
      ),
};

export const brokenPrecedent: Rule = {
  id: 'durability.violated',
  dimension: 'durability',
  description: 'An instrument already violated or lapsed.',
  run: ({ scenario: s }) =>
    s.instruments
      .filter((i) => i.legal.status === 'violated' || i.legal.status === 'lapsed')
      .map((i) =>
        finding(
          brokenPrecedent,
          'warning',
          `${i.legal.status === 'violated' ? 'Already violated' : 'Lapsed'}: ${i.title}`,
          'The commitment failed once; Kuleba, Popov, Pifer and Bondarev all cite the Budapest Memorandum as the model not to repeat.',
          ['kuleba-2025', 'popov-2025', 'pifer-2022', 'bondarev-2025'],
          { instrument: i.id },
        ),
      ),
};

export const durabilityRules = [
  politicalOnly,
  budapestPattern,
  shortExit,
  ratificationHurdle,
  statuteAnchored,
  shortTerm,
  brokenPrecedent,
];
