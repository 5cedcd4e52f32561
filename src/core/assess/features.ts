// derived features of instruments and packages that the rules and the scorecard read

import type { Actor } from '../schema/actor.js';
import type { Domain, Instrument, Strength } from '../schema/instrument.js';
import type { Scenario } from '../schema/scenario.js';

/** ordinal strength on a 0-100 scale; equal steps, a coding convention (docs/assessment.md) */
export const STRENGTH_SCORE: Record<Strength, number> = {
  none: 0,
  consult: 10,
  coordinate: 25,
  supply: 50,
  'air-naval': 75,
  'ground-combat': 100,
};

/** a guarantee is an obligation to fight (Kuleba); everything else is assistance */
export function isGuarantee(i: Instrument): boolean {
  return i.obligations.includes('defence') && (i.strength === 'air-naval' || i.strength === 'ground-combat');
}

/** legal bindingness 0-1 by form and ratification (docs/assessment.md explains the ladder) */
export function bindingness(i: Instrument): number {
  const { form, ratification } = i.legal;
  switch (form) {
    case 'treaty':
      return ratification === 'ratified' ? 1 : 0.6;
    case 'statute':
      return 0.9;
    case 'un-resolution':
    case 'contract':
      return 0.5;
    case 'executive-agreement':
      return 0.4;
    case 'memorandum':
    case 'political-declaration':
      return 0.2;
    case 'unilateral-statement':
      return 0.15;
  }
}

export function isLegallyBinding(i: Instrument): boolean {
  return bindingness(i) >= 0.9;
}

/** durability across elections: bindingness, cut by short exit notice and by a term shorter than the horizon */
export function durability(i: Instrument, horizonYears: number): number {
  let d = bindingness(i);
  if (i.duration.terminationNoticeMonths !== undefined && i.duration.terminationNoticeMonths <= 12) d *= 0.8;
  if (i.duration.years !== null && i.duration.years < horizonYears && i.duration.renewal !== 'automatic')
    d *= Math.max(0.3, i.duration.years / horizonYears);
  if (i.duration.unspecified) d *= 0.8;
  if (i.legal.status === 'violated' || i.legal.status === 'lapsed') d *= 0.2;
  return d;
}

export function inCountryForces(i: Instrument) {
  return i.depth.forces.filter((f) => f.location === 'front' || f.location === 'rear');
}

export function foreignTroopsInCountry(s: Scenario): number {
  return s.instruments.flatMap(inCountryForces).reduce((n, f) => n + (f.troops ?? 0), 0);
}

export function totalTroops(s: Scenario): number {
  return s.instruments.flatMap((i) => i.depth.forces).reduce((n, f) => n + (f.troops ?? 0), 0);
}

export function totalAircraft(s: Scenario): number {
  return s.instruments.flatMap((i) => i.depth.forces).reduce((n, f) => n + (f.aircraft ?? 0), 0);
}

/** the aggressor can block: named as a veto holder, or a UNSC decision rule when it holds a permanent seat */
export function aggressorCanVeto(i: Instrument, s: Scenario, actors: ReadonlyMap<string, Actor>): boolean {
  const aggressor = s.context.aggressor;
  if (i.decision.vetoHolders.includes(aggressor)) return true;
  if (i.decision.rule === 'unsc') return isPermanentUnscMember(aggressor, actors);
  if (
    (i.decision.rule === 'unanimity' || i.decision.rule === 'consensus') &&
    expandMembers(i.guarantors, actors).includes(aggressor)
  )
    return true;
  return false;
}

const P5 = new Set(['USA', 'GBR', 'FRA', 'RUS', 'CHN']);
export function isPermanentUnscMember(actor: string, actors: ReadonlyMap<string, Actor>): boolean {
  const unsc = actors.get('UNSC');
  return unsc?.members.length ? unsc.members.includes(actor) : P5.has(actor);
}

export const ALL_DOMAINS: Domain[] = ['land', 'air', 'sea', 'cyber', 'hybrid'];

/** domains answered by at least supply-level help */
export function coveredDomains(s: Scenario): Set<Domain> {
  const out = new Set<Domain>();
  for (const i of s.instruments) {
    if (STRENGTH_SCORE[i.strength] < STRENGTH_SCORE.supply && !i.obligations.includes('intelligence'))
      continue;
    for (const d of i.trigger.domains) out.add(d);
  }
  return out;
}

/** guarantors' combined defence spending relative to the aggressor's, where both are coded */
export function capabilityRatio(
  guarantors: readonly string[],
  aggressor: string,
  actors: ReadonlyMap<string, Actor>,
): { ratio: number | undefined; missing: string[] } {
  const a = actors.get(aggressor)?.defenceSpending;
  const missing: string[] = [];
  let sum = 0;
  for (const g of expandMembers(guarantors, actors)) {
    const spend = actors.get(g)?.defenceSpending;
    if (spend) sum += spend.value;
    else missing.push(g);
  }
  if (!a || a.value <= 0) return { ratio: undefined, missing: [aggressor, ...missing] };
  return { ratio: sum / a.value, missing };
}

/** an organisation or coalition stands for its members when they are coded */
export function expandMembers(ids: readonly string[], actors: ReadonlyMap<string, Actor>): string[] {
  const out = new Set<string>();
  for (const id of ids) {
    const a = actors.get(id);
    if (a && a.kind !== 'state' && a.members.length) for (const m of a.members) out.add(m);
    else out.add(id);
  }
  return [...out];
}

export function hasNuclearGuarantor(
  guarantors: readonly string[],
  actors: ReadonlyMap<string, Actor>,
): boolean {
  return expandMembers(guarantors, actors).some((g) => actors.get(g)?.nuclear === 'nuclear-weapon-state');
}
