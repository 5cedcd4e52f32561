// can and will the guarantors act: capability, nuclear-escalation exposure, forces in harm's way

import { capabilityRatio, hasNuclearGuarantor, inCountryForces, isGuarantee } from '../features.js';
import { finding, list, type Rule } from '../rule.js';

/** below this share of the aggressor's defence spending a guarantor set is called weak (a coding choice) */
export const WEAK_CAPABILITY_RATIO = 1;
/** troops below which an in-country deployment is treated as a tripwire rather than a defence force */
export const TRIPWIRE_TROOPS = 10_000;

export const weakGuarantor: Rule = {
  id: 'credibility.weak-guarantor',
  dimension: 'credibility',
  description:
    'A guarantee whose guarantors lack the military weight of the aggressor, or include no nuclear power.',
  run: ({ scenario: s, actors }) =>
    s.instruments.filter(isGuarantee).flatMap((i) => {
      const { ratio } = capabilityRatio(i.guarantors, s.context.aggressor, actors);
      const nuclear = hasNuclearGuarantor(i.guarantors, actors);
      if ((ratio === undefined || ratio >= WEAK_CAPABILITY_RATIO) && nuclear) return [];
      const why = [
        ratio !== undefined && ratio < WEAK_CAPABILITY_RATIO
          ? `their defence spending is ${(ratio * 100).toFixed(0)}% of ${s.context.aggressor}'s`
          : '',
        nuclear ? '' : 'none is a nuclear-weapon state',
      ].filter(Boolean);
      return [
        finding(
          weakGuarantor,
          'warning',
          `Guarantors may lack weight: ${i.title}`,
          `${list(i.guarantors)}: ${why.join('; ')}. Pifer argues a guarantee has teeth only with a guarantor of credible military power such as the United States.`,
          ['pifer-2022'],
          { instrument: i.id },
        ),
      ];
    }),
};

export const nuclearExposure: Rule = {
  id: 'credibility.nuclear-escalation',
  dimension: 'credibility',
  description:
    'A promise to fight a nuclear-armed aggressor that relies on a decision taken after the attack.',
  run: ({ scenario: s, actors }) => {
    if (actors.get(s.context.aggressor)?.nuclear !== 'nuclear-weapon-state') return [];
    return s.instruments
      .filter((i) => isGuarantee(i) && i.trigger.timing === 'on-attack' && inCountryForces(i).length === 0)
      .map((i) =>
        finding(
          nuclearExposure,
          'warning',
          `Exposed to nuclear blackmail: ${i.title}`,
          `The guarantors would have to choose to fight a nuclear power after it attacks. Bondarev argues Western fear of escalation lets nuclear threats make guarantors walk away.`,
          ['bondarev-2025'],
          { instrument: i.id },
        ),
      );
  },
};

export const tripwire: Rule = {
  id: 'credibility.tripwire',
  dimension: 'credibility',
  description: 'A small or light foreign force inside Ukraine whose value is mainly as a tripwire.',
  run: ({ scenario: s }) =>
    s.instruments.flatMap((i) => {
      const forces = inCountryForces(i).filter((f) => f.actor !== s.context.aggressor);
      const troops = forces.reduce((n, f) => n + (f.troops ?? 0), 0);
      const heavyTroops = forces.filter((f) => f.heavy).reduce((n, f) => n + (f.troops ?? 0), 0);
      if (troops === 0 || heavyTroops >= TRIPWIRE_TROOPS) return [];
      return [
        finding(
          tripwire,
          'info',
          `Tripwire more than defence: ${i.title}`,
          `${troops.toLocaleString('en-US')} troops, ${heavyTroops ? `${heavyTroops.toLocaleString('en-US')} of them heavy` : 'all light'}. Popov and Gorenburg see allied troops as a visible signal; Reiter and Poast find small deployments neither stop a fait accompli nor reliably trigger intervention, and Musgrave and Ward find the public tripwire effect weak.`,
          ['popov-2025', 'alaska-analysis-2025', 'reiter-poast-2021', 'musgrave-ward-2023'],
          { instrument: i.id },
        ),
      ];
    }),
};

export const heavyForces: Rule = {
  id: 'credibility.heavy-forces',
  dimension: 'credibility',
  description:
    'Heavy forces (armour, artillery, air defence) of at least brigade size in or next to Ukraine.',
  run: ({ scenario: s }) =>
    s.instruments.flatMap((i) => {
      const heavy = i.depth.forces.filter((f) => f.heavy && f.location !== 'sea');
      const troops = heavy.reduce((n, f) => n + (f.troops ?? 0), 0);
      const aircraft = heavy.reduce((n, f) => n + (f.aircraft ?? 0), 0);
      if (troops < TRIPWIRE_TROOPS && aircraft < 24) return [];
      return [
        finding(
          heavyForces,
          'strength',
          `Combat-capable forces present: ${i.title}`,
          `${troops ? `${troops.toLocaleString('en-US')} troops` : ''}${troops && aircraft ? ' and ' : ''}${aircraft ? `${aircraft} aircraft` : ''} with heavy equipment. RAND finds heavy ground forces and air defence deter, unlike light forces.`,
          ['frederick-rand-2020'],
          { instrument: i.id },
        ),
      ];
    }),
};

export const declaredTargets: Rule = {
  id: 'credibility.declared-targets',
  dimension: 'credibility',
  description: 'Foreign troops in Ukraine that the aggressor has declared legitimate targets.',
  run: ({ scenario: s }) => {
    if (s.context.aggressor !== 'RUS') return [];
    const hits = s.instruments.filter((i) =>
      inCountryForces(i).some((f) => f.actor !== 'RUS' && (f.troops ?? 0) > 0),
    );
    if (hits.length === 0) return [];
    return [
      finding(
        declaredTargets,
        'info',
        'Troops Moscow has called legitimate targets',
        `Foreign troops under ${list(hits.map((i) => i.id))}. Miron doubts their deterrent value because Moscow has said it would treat them as targets; Gorenburg sees them as proof the agreements are serious.`,
        ['alaska-analysis-2025'],
      ),
    ];
  },
};

export const capabilityDataMissing: Rule = {
  id: 'credibility.data-missing',
  dimension: 'credibility',
  description: 'Guarantors whose defence spending is not coded, so capability cannot be compared.',
  run: ({ scenario: s, actors }) => {
    const missing = new Set<string>();
    for (const i of s.instruments.filter(isGuarantee))
      for (const m of capabilityRatio(i.guarantors, s.context.aggressor, actors).missing) missing.add(m);
    if (missing.size === 0) return [];
    return [
      finding(
        capabilityDataMissing,
        'info',
        'Capability data missing',
        `No defence-spending figure is coded for ${list([...missing].sort())}; the credibility score ignores them.`,
        ['guarantor-method'],
      ),
    ];
  },
};

export const credibilityRules = [
  weakGuarantor,
  nuclearExposure,
  tripwire,
  heavyForces,
  declaredTargets,
  capabilityDataMissing,
];
