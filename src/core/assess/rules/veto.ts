// vetoes: can the would-be aggressor block the help?

import { aggressorCanVeto, expandMembers } from '../features.js';
import { finding, list, type Rule } from '../rule.js';

export const aggressorVeto: Rule = {
  id: 'veto.aggressor-holds-veto',
  dimension: 'veto',
  description: 'The would-be aggressor can block the collective response.',
  run: ({ scenario: s, actors }) =>
    s.instruments
      .filter((i) => aggressorCanVeto(i, s, actors))
      .map((i) =>
        finding(
          aggressorVeto,
          'warning',
          `${s.context.aggressor} can veto: ${i.title}`,
          `The response needs a ${i.decision.rule === 'unsc' ? 'Security Council decision' : `${i.decision.rule} decision`} that ${s.context.aggressor} can block. Kuleba reports Moscow has insisted since Istanbul on being a guarantor with a veto over others' help; Miron calls Russian participation the reason P5 guarantees are nearly unworkable.`,
          ['kuleba-2025', 'alaska-analysis-2025'],
          { instrument: i.id },
        ),
      ),
};

export const aggressorAsGuarantor: Rule = {
  id: 'veto.aggressor-as-guarantor',
  dimension: 'veto',
  description: 'The would-be aggressor is listed among the guarantors.',
  run: ({ scenario: s, actors }) =>
    s.instruments
      .filter(
        (i) =>
          expandMembers(i.guarantors, actors).includes(s.context.aggressor) &&
          i.obligations.some((o) => o !== 'non-aggression' && o !== 'neutrality'),
      )
      .map((i) =>
        finding(
          aggressorAsGuarantor,
          'warning',
          `The aggressor guarantees against itself: ${i.title}`,
          `${s.context.aggressor} is a guarantor. Kuleba: any future aggression is overwhelmingly likely to come from Russia itself; Pifer: Ukraine needs more than a guarantee from Moscow.`,
          ['kuleba-2025', 'pifer-2022'],
          { instrument: i.id },
        ),
      ),
};

export const unanimityDelay: Rule = {
  id: 'veto.unanimity',
  dimension: 'veto',
  description: 'A response that needs the agreement of all of several guarantors (any one can stall it).',
  run: ({ scenario: s, actors }) =>
    s.instruments
      .filter(
        (i) =>
          (i.decision.rule === 'unanimity' || i.decision.rule === 'consensus') &&
          i.guarantors.length > 2 &&
          !aggressorCanVeto(i, s, actors),
      )
      .map((i) =>
        finding(
          unanimityDelay,
          'info',
          `Every guarantor must agree: ${i.title}`,
          `${i.decision.rule} among ${list(i.guarantors)}: any one can delay or block the response.`,
          ['guarantor-method'],
          { instrument: i.id },
        ),
      ),
};

export const vetoRules = [aggressorVeto, aggressorAsGuarantor, unanimityDelay];
