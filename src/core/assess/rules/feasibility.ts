// cost and feasibility: troop numbers, front coverage, production queues

import { foreignTroopsInCountry, totalTroops } from '../features.js';
import { finding, list, type Rule } from '../rule.js';

/** the IISS large option starts at 60,000; CSIS puts deep defence above 100,000 (data/sources) */
export const LARGE_DEPLOYMENT = 60_000;

export const largeDeployment: Rule = {
  id: 'feasibility.large-deployment',
  dimension: 'feasibility',
  description: 'A foreign deployment at corps scale or above.',
  run: ({ scenario: s }) => {
    const troops = totalTroops(s);
    if (troops < LARGE_DEPLOYMENT) return [];
    return [
      finding(
        largeDeployment,
        'warning',
        `${troops.toLocaleString('en-US')} foreign troops to deploy and sustain`,
        'At this scale rotation multiplies the force several times over. CSIS puts a deep defensive posture above 100,000 troops; Kuleba calls the cost and logistics of policing the whole front overwhelming and unprecedented.',
        ['alaska-analysis-2025', 'kuleba-2025'],
      ),
    ];
  },
};

export const frontLine: Rule = {
  id: 'feasibility.front-line',
  dimension: 'feasibility',
  description: 'Foreign forces placed on the line of contact, set against its length.',
  run: ({ scenario: s }) => {
    const atFront = s.instruments.flatMap((i) => i.depth.forces.filter((f) => f.location === 'front'));
    const troops = atFront.reduce((n, f) => n + (f.troops ?? 0), 0);
    if (troops === 0) return [];
    const km = s.context.frontKm?.value;
    return [
      finding(
        frontLine,
        'warning',
        `Separation force on the line of contact${km ? `: ${Math.round(troops / km)} troops per km` : ''}`,
        `${troops.toLocaleString('en-US')} troops${km ? ` along about ${km.toLocaleString('en-US')} km` : ''}. Kuleba argues a peacekeeping presence separating two battle-hardened armies along the whole front would be overwhelming to sustain.`,
        ['kuleba-2025', ...(s.context.frontKm ? [s.context.frontKm.source] : [])],
      ),
    ];
  },
};

const QUEUED = /patriot|air[- ]defen[cs]e|sam\b|f-16|f-35|fighter|jet|aircraft|iris-t|nasams|samp\/t/i;

export const productionQueues: Rule = {
  id: 'feasibility.production-queues',
  dimension: 'feasibility',
  description: 'Pledges of systems with long production queues (air defence, fighter aircraft).',
  run: ({ scenario: s }) => {
    const queued = s.instruments.flatMap((i) => i.pledges.filter((p) => p.item && QUEUED.test(p.item)));
    if (queued.length === 0) return [];
    return [
      finding(
        productionQueues,
        'info',
        'Depends on production queues',
        `${list([...new Set(queued.map((p) => `${p.item}${p.quantity ? ` ×${p.quantity}` : ''} (${p.actor})`))])}. Miron warns modern systems take years to build and the Patriot queue is long; delivery dates belong in the tracker.`,
        ['alaska-analysis-2025'],
      ),
    ];
  },
};

export const assumedMotivation: Rule = {
  id: 'feasibility.assumed-motivation-change',
  dimension: 'feasibility',
  description:
    "The package rests on a change in the aggressor's motivation that no instrument delivers by itself.",
  run: ({ scenario: s }) => {
    const m = s.context.aggressorMotivation;
    if (!m || m.level === 'baseline') return [];
    return [
      finding(
        assumedMotivation,
        'info',
        `Assumes the aggressor's motivation is ${m.level}`,
        `${m.rationale} Whether and how that change comes about lies outside the coded instruments; the deterrence model shows what it is worth if it does. Bondarev argues only the aggressor's defeat and a change of regime truly guarantee peace.`,
        [m.source, 'bondarev-2025'],
      ),
    ];
  },
};

export const feasibilityRules = [largeDeployment, frontLine, productionQueues, assumedMotivation];

/** troops inside Ukraine, exported for the scorecard */
export { foreignTroopsInCountry };
