// named predicates over a package: the vocabulary in which parties' red lines are coded (data/parties.yaml)

import type { Actor } from '../schema/actor.js';
import type { Predicate, RedLine } from '../schema/party.js';
import type { Scenario } from '../schema/scenario.js';
import { aggressorCanVeto, expandMembers, inCountryForces, isGuarantee } from './features.js';

export interface PredicateHit {
  hit: boolean;
  /** which instruments or constraints make it true */
  detail: string;
}

type Check = (s: Scenario, params: RedLine['params'], actors: ReadonlyMap<string, Actor>) => PredicateHit;

const miss: PredicateHit = { hit: false, detail: '' };
const ids = (xs: { id: string }[]) => xs.map((x) => x.id).join(', ');

const CHECKS: Record<Predicate, Check> = {
  'aggressor-among-guarantors': (s, _p, actors) => {
    // the aggressor's own promise not to attack is not a guarantee it gives
    const hits = s.instruments.filter(
      (i) =>
        expandMembers(i.guarantors, actors).includes(s.context.aggressor) &&
        i.obligations.some((o) => o !== 'non-aggression' && o !== 'neutrality'),
    );
    return hits.length
      ? { hit: true, detail: `${s.context.aggressor} is a guarantor in ${ids(hits)}` }
      : miss;
  },
  'aggressor-veto': (s, _p, actors) => {
    const hits = s.instruments.filter((i) => aggressorCanVeto(i, s, actors));
    return hits.length ? { hit: true, detail: `${s.context.aggressor} can block ${ids(hits)}` } : miss;
  },
  'army-cap-below': (s, p) => {
    const cap = s.constraints.armyCap?.troops;
    return cap !== undefined && p.troops !== undefined && cap < p.troops
      ? {
          hit: true,
          detail: `army capped at ${cap.toLocaleString('en-US')} (< ${p.troops.toLocaleString('en-US')})`,
        }
      : miss;
  },
  'no-army-cap': (s) => (s.constraints.armyCap ? miss : { hit: true, detail: 'no cap on the army' }),
  'neutrality-not-required': (s) =>
    s.constraints.neutrality?.required
      ? miss
      : { hit: true, detail: 'the package does not make Ukraine neutral' },
  'foreign-troops-in-country': (s) => {
    const hits = s.instruments.filter((i) =>
      inCountryForces(i).some((f) => f.actor !== s.context.aggressor && (f.troops ?? 0) > 0),
    );
    return hits.length ? { hit: true, detail: `foreign troops in Ukraine under ${ids(hits)}` } : miss;
  },
  'actor-troops-in-country': (s, p, actors) => {
    if (!p.actor) return miss;
    const hits = s.instruments.filter((i) =>
      inCountryForces(i).some(
        (f) => expandMembers([f.actor], actors).includes(p.actor!) && (f.troops ?? 0) > 0,
      ),
    );
    return hits.length ? { hit: true, detail: `${p.actor} troops in Ukraine under ${ids(hits)}` } : miss;
  },
  'troops-at-front': (s) => {
    const hits = s.instruments.filter((i) =>
      i.depth.forces.some((f) => f.location === 'front' && (f.troops ?? 0) > 0),
    );
    return hits.length ? { hit: true, detail: `troops on the contact line under ${ids(hits)}` } : miss;
  },
  'guarantee-without-aggressor': (s, _p, actors) => {
    const hits = s.instruments.filter(
      (i) =>
        (isGuarantee(i) || i.depth.forces.length > 0) &&
        !expandMembers(i.guarantors, actors).includes(s.context.aggressor),
    );
    return hits.length
      ? { hit: true, detail: `security commitments without ${s.context.aggressor}: ${ids(hits)}` }
      : miss;
  },
  'nato-membership': (s) => {
    const hits = s.instruments.filter(
      (i) => i.guarantors.includes('NATO') && i.obligations.includes('accession'),
    );
    return hits.length ? { hit: true, detail: `NATO accession under ${ids(hits)}` } : miss;
  },
  'weapon-or-range-caps': (s) =>
    s.constraints.weaponCaps.length || s.constraints.missileRangeKm
      ? { hit: true, detail: 'caps on weapons or missile range' }
      : miss,
};

export function evaluatePredicate(
  s: Scenario,
  line: Pick<RedLine, 'predicate' | 'params'>,
  actors: ReadonlyMap<string, Actor>,
): PredicateHit {
  return CHECKS[line.predicate](s, line.params, actors);
}
