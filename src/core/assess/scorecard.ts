// per-dimension scores (0-100) computed from the coded package, with the basis stated in words

import { GuarantorError } from '../errors.js';
import type { Scenario } from '../schema/scenario.js';
import { didYouMean } from '../util/did-you-mean.js';
import {
  ALL_DOMAINS,
  aggressorCanVeto,
  capabilityRatio,
  coveredDomains,
  durability,
  foreignTroopsInCountry,
  inCountryForces,
  isGuarantee,
  STRENGTH_SCORE,
  totalAircraft,
  totalTroops,
} from './features.js';
import { STANCE_VALUE } from './party-stances.js';
import type { AssessContext } from './rule.js';
import {
  DIMENSION_LABELS,
  DIMENSIONS,
  type Dimension,
  type DimensionScore,
  type Finding,
  type PartyStance,
} from './types.js';

/** equal weights: a neutral default, a policy choice and not a finding (source: guarantor-method) */
export const DEFAULT_WEIGHTS: Record<Dimension, number> = Object.fromEntries(
  DIMENSIONS.map((d) => [d, 1]),
) as Record<Dimension, number>;

/** the half-way points of the feasibility curve: troops and aircraft at which the score halves (guarantor-method) */
export const TROOPS_HALF = 40_000;
export const AIRCRAFT_HALF = 400;

const round = (x: number) => Math.round(Math.max(0, Math.min(100, x)));
const pct = (x: number) => `${Math.round(x)}`;

type Scorer = (
  ctx: AssessContext,
  parties: PartyStance[],
  findings: Finding[],
) => { score: number; basis: string };

const substantive = (s: Scenario) =>
  s.instruments.filter((i) => STRENGTH_SCORE[i.strength] >= STRENGTH_SCORE.supply);

const SCORERS: Record<Dimension, Scorer> = {
  commitment: ({ scenario: s }) => {
    const g = s.instruments
      .filter(isGuarantee)
      .map((i) => STRENGTH_SCORE[i.strength] * (i.automaticity === 'automatic' ? 1 : 0.8));
    if (g.length)
      return {
        score: Math.max(...g),
        basis: 'strongest guarantee on the strength ladder; ×0.8 when discretionary',
      };
    const a = Math.max(0, ...s.instruments.map((i) => STRENGTH_SCORE[i.strength] * 0.6));
    return { score: a, basis: 'no obligation to fight: strongest assistance ×0.6' };
  },
  timing: ({ scenario: s }) => {
    const standing = Math.max(
      0,
      ...s.instruments.filter((i) => i.trigger.timing === 'standing').map((i) => STRENGTH_SCORE[i.strength]),
    );
    const after = Math.max(
      0,
      ...s.instruments
        .filter((i) => i.trigger.timing === 'on-attack')
        .map((i) => STRENGTH_SCORE[i.strength] * 0.4),
    );
    return {
      score: Math.max(standing, after),
      basis: `standing strength ${pct(standing)}; after-attack strength counts 40% (${pct(after)})`,
    };
  },
  durability: ({ scenario: s }) => {
    const subs = substantive(s);
    if (subs.length === 0) return { score: 0, basis: 'no commitment of at least supply strength' };
    let num = 0;
    let den = 0;
    for (const i of subs) {
      num += durability(i, s.context.horizonYears) * STRENGTH_SCORE[i.strength];
      den += STRENGTH_SCORE[i.strength];
    }
    return {
      score: (100 * num) / den,
      basis: 'strength-weighted legal bindingness, cut for short exit notice, short terms and violation',
    };
  },
  credibility: ({ scenario: s, actors }) => {
    let best = 0;
    let basis = 'no commitment of at least supply strength';
    for (const i of substantive(s)) {
      const { ratio } = capabilityRatio(i.guarantors, s.context.aggressor, actors);
      const cap = ratio === undefined ? 50 : (100 * ratio) / (ratio + 1);
      const forces = i.depth.forces.filter((f) => f.actor !== s.context.aggressor);
      const presence = forces.some((f) => f.heavy && f.location !== 'sea')
        ? 100
        : inCountryForces(i).length
          ? 40
          : forces.length
            ? 25
            : 0;
      const c = (0.6 * cap + 0.4 * presence) * (STRENGTH_SCORE[i.strength] / 100);
      if (c > best) {
        best = c;
        basis = `${i.id}: capability ${pct(cap)} (spending ratio ${ratio === undefined ? 'unknown' : ratio.toFixed(2)}), presence ${presence}, scaled by strength`;
      }
    }
    return { score: best, basis };
  },
  veto: ({ scenario: s, actors }) => {
    const subs = substantive(s);
    if (subs.length === 0) return { score: 100, basis: 'nothing to veto' };
    const total = subs.reduce((n, i) => n + STRENGTH_SCORE[i.strength], 0);
    const blocked = subs
      .filter((i) => aggressorCanVeto(i, s, actors))
      .reduce((n, i) => n + STRENGTH_SCORE[i.strength], 0);
    const unanimity = subs.filter(
      (i) => (i.decision.rule === 'unanimity' || i.decision.rule === 'consensus') && i.guarantors.length > 2,
    ).length;
    return {
      score: 100 * (1 - blocked / total) - 10 * unanimity,
      basis: `share of commitment strength the aggressor can block: ${pct((100 * blocked) / total)}%; −10 per unanimity rule`,
    };
  },
  coverage: ({ scenario: s }) => {
    const c = coveredDomains(s);
    const got = ALL_DOMAINS.reduce((n, d) => n + (c.has(d) ? (d === 'hybrid' ? 0.5 : 1) : 0), 0);
    return {
      score: (100 * got) / 4.5,
      basis: `covered: ${[...c].join(', ') || 'none'} (hybrid counts half)`,
    };
  },
  'self-reliance': ({ scenario: s, actors }) => {
    const cap = s.constraints.armyCap?.troops;
    const reference =
      s.context.protectedForces?.value ??
      actors.get(s.context.protectedState)?.activeForces?.value ??
      800_000;
    let capScore = cap === undefined ? 100 : 100 * Math.min(1, cap / reference);
    if (s.constraints.weaponCaps.length) capScore *= 0.8;
    if (s.constraints.missileRangeKm) capScore *= 0.85;
    const support = s.instruments.some(
      (i) =>
        i.trigger.timing === 'standing' &&
        STRENGTH_SCORE[i.strength] >= STRENGTH_SCORE.supply &&
        (i.obligations.some((o) => o === 'supply-arms' || o === 'training' || o === 'industrial') ||
          i.depth.coProduction),
    );
    return {
      score: 0.7 * capScore + (support ? 30 : 0),
      basis: `caps leave ${pct(capScore)}% of an uncapped force (reference ${reference.toLocaleString('en-US')}); standing arms/training/industry support ${support ? 'yes' : 'no'}`,
    };
  },
  acceptability: (_ctx, parties) => {
    if (parties.length === 0) return { score: 50, basis: 'no parties coded' };
    const v = parties.reduce((n, p) => n + STANCE_VALUE[p.stance], 0) / parties.length;
    return { score: 100 * v, basis: parties.map((p) => `${p.party} ${p.stance}`).join(', ') };
  },
  feasibility: ({ scenario: s }, _parties, findings) => {
    if (findings.some((f) => f.severity === 'error'))
      return { score: 0, basis: 'internally inconsistent (error-level finding)' };
    const troops = totalTroops(s);
    const aircraft = totalAircraft(s);
    const atFront = s.instruments.some((i) => i.depth.forces.some((f) => f.location === 'front'));
    const score =
      (100 / (1 + troops / TROOPS_HALF)) * (1 / (1 + aircraft / AIRCRAFT_HALF)) - (atFront ? 10 : 0);
    return {
      score,
      basis: `${troops.toLocaleString('en-US')} foreign troops (${foreignTroopsInCountry(s).toLocaleString('en-US')} in Ukraine), ${aircraft} aircraft${atFront ? ', forces on the contact line (−10)' : ''}`,
    };
  },
};

export function scoreDimensions(
  ctx: AssessContext,
  parties: PartyStance[],
  findings: Finding[],
  weights: Record<Dimension, number>,
): DimensionScore[] {
  return DIMENSIONS.map((d) => {
    const { score, basis } = SCORERS[d](ctx, parties, findings);
    return { dimension: d, label: DIMENSION_LABELS[d], score: round(score), weight: weights[d], basis };
  });
}

export function overallScore(scores: DimensionScore[]): number {
  const w = scores.reduce((n, s) => n + s.weight, 0);
  return w === 0 ? 0 : Math.round(scores.reduce((n, s) => n + s.score * s.weight, 0) / w);
}

/** `commitment=2,veto=0.5`: override some weights, the rest keep their defaults */
export function parseWeights(text: string): Record<Dimension, number> {
  const out = { ...DEFAULT_WEIGHTS };
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, value] = part.split('=').map((x) => x.trim());
    if (!name || value === undefined) {
      throw new GuarantorError('usage.weights', `cannot read weight '${part}': expected name=number`);
    }
    if (!(DIMENSIONS as readonly string[]).includes(name)) {
      const guess = didYouMean(name, DIMENSIONS);
      throw new GuarantorError(
        'usage.weights',
        `unknown dimension '${name}'${guess ? ` (did you mean '${guess}'?)` : ''}; dimensions: ${DIMENSIONS.join(', ')}`,
      );
    }
    const v = Number(value);
    if (!Number.isFinite(v) || v < 0) {
      throw new GuarantorError('usage.weights', `weight for '${name}' must be a number >= 0, got '${value}'`);
    }
    out[name as Dimension] = v;
  }
  if (Object.values(out).every((v) => v === 0))
    throw new GuarantorError('usage.weights', 'at least one weight must be above 0');
  return out;
}
