// scenario -> the deterministic structure the deterrence model runs on: who commits what, how binding, with which
// forces and supply, plus the per-year effects of named shocks. Plain data, so it travels to worker threads.

import {
  aggressorCanVeto,
  bindingness,
  capabilityRatio,
  expandMembers,
  hasNuclearGuarantor,
  isGuarantee,
  isPermanentUnscMember,
} from '../assess/features.js';
import type { Diagnostic } from '../errors.js';
import type { Actor } from '../schema/actor.js';
import type { Instrument } from '../schema/instrument.js';
import type { Scenario } from '../schema/scenario.js';
import type { Shock } from '../schema/shock.js';
import type { Delivery } from '../tracker/capability.js';
import { didYouMean } from '../util/did-you-mean.js';
import type { Conventions } from './priors.js';
import { flowDeliveries, pledgeDeliveries, REFERENCE_FLOW_EUR_BN, supplyCurve } from './supply.js';

export interface GuarantorNode {
  id: string;
  /** defence spending relative to the aggressor's (members summed for organisations); 0 when not coded */
  capRatio: number;
  /** ln(capRatio) clamped to [-3, 3]: the honour adjustment's regressor */
  capLog: number;
  nuclear: boolean;
  /** has troops inside the protected state (front or rear) under some instrument */
  tripwire: boolean;
  spendUsdBn: number;
  /** engine input holding this guarantor's uniform draw (who actually intervenes) */
  draw: string;
}

export interface CommitmentNode {
  instrument: number;
  guarantor: number;
  bindingness: number;
  discretionary: boolean;
  lapsedStatus: boolean;
  /** answers a conventional major attack (not only nuclear aggression) */
  triggers: boolean;
  /** 0 no combat obligation, 1 air and naval, 2 ground combat */
  strength: 0 | 1 | 2;
  /** troops and aircraft weighted by mission and location (docs/model.md); heavy and light apart */
  heavyTroops: number;
  lightTroops: number;
  aircraftWeighted: number;
  /** raw numbers, for costs */
  troops: number;
  aircraft: number;
  ships: number;
  vetoAggressor: boolean;
  thirdPartyVetoes: number;
  shortNotice: boolean;
  /** model year in which the term ends without automatic renewal, or null */
  termYear: number | null;
  renewal: 'automatic' | 'by-agreement' | 'none' | 'unspecified';
  sanction: boolean;
}

export interface SupplyUnit {
  guarantor: number;
  commitment: number;
  /** flow: sustained aid scaled by supply_flow_index x weight x spending share; pledge: dated pledges as valued */
  kind: 'flow' | 'pledge';
  weight: number;
  index: number[];
  aidEurBn: number[];
}

export interface ModelStructure {
  scenario: string;
  horizon: number;
  asOf: string;
  instruments: { id: string; title: string }[];
  guarantors: GuarantorNode[];
  commitments: CommitmentNode[];
  aggressorNuclear: boolean;
  /**
   * instruments (indices) in force by which the aggressor itself is bound to defend the protected state (a defence
   * obligation listing it among the guarantors): alignment, which scales its gains by aggressor_ally_gain
   */
  aggressorAllyInstruments: number[];
  motivation: 'baseline' | 'reduced' | 'transformed';
  /** army cap / today's forces, or null without a cap */
  capShare: number | null;
  ukraineSpendingUsdBn: number;
}

/** what a set of shocks does, per year and commitment (sparse) */
export interface ShockEffects {
  name: string;
  shocks: Shock[];
  /** per model year: 0 no threat yet, 1 moderate, 2 severe (the strongest threat so far persists) */
  fear: number[];
  govEvents: { commitment: number; year: number; weight: number }[];
  keepEvents: { commitment: number; year: number; keep: number }[];
  vetoUsed: number[];
  supply: SupplyUnit[];
  /** a delivery slip also delays the deployment of forces: guarantor, months, weight */
  forceDelays: { guarantor: number; months: number; weight: number }[];
}

interface SupplySource {
  guarantor: number;
  commitment: number;
  kind: 'flow' | 'pledge';
  weight: number;
  deliveries: Delivery[];
}

export interface PreparedScenario {
  structure: ModelStructure;
  supplySources: SupplySource[];
  scenario: Scenario;
  actors: ReadonlyMap<string, Actor>;
  warnings: Diagnostic[];
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * Builds the model structure of a scenario over `horizon` years.
 * @example const p = prepareScenario(scenario, catalog.actors, priors.conventions, 10);
 */
export function prepareScenario(
  s: Scenario,
  actors: ReadonlyMap<string, Actor>,
  conv: Conventions,
  horizon: number,
): PreparedScenario {
  const warnings: Diagnostic[] = [];
  const aggressor = s.context.aggressor;
  const protectedState = s.context.protectedState;
  const guarantors: GuarantorNode[] = [];
  const gIndex = new Map<string, number>();
  const commitments: CommitmentNode[] = [];
  const supplySources: SupplySource[] = [];
  const missingSpend = new Set<string>();

  const guarantorOf = (id: string): number => {
    let g = gIndex.get(id);
    if (g !== undefined) return g;
    const cap = capabilityRatio([id], aggressor, actors);
    for (const m of cap.missing) missingSpend.add(m);
    const ratio = cap.ratio ?? 0;
    const spend = expandMembers([id], actors).reduce(
      (n, m) => n + (actors.get(m)?.defenceSpending?.value ?? 0),
      0,
    );
    g = guarantors.length;
    guarantors.push({
      id,
      capRatio: ratio,
      capLog: clamp(Math.log(Math.max(ratio, 0.05)), -3, 3),
      nuclear: hasNuclearGuarantor([id], actors),
      tripwire: false,
      spendUsdBn: spend,
      draw: `draw_${id.toLowerCase().replaceAll('-', '_')}`,
    });
    gIndex.set(id, g);
    return g;
  };

  const mw = conv.missionWeight.values;
  const lw = conv.locationWeight.values;
  const sw = conv.supplyObligationWeight.values;

  s.instruments.forEach((ins, ii) => {
    const eligible = ins.guarantors.filter((g) => g !== aggressor && g !== protectedState);
    const byGuarantor = new Map<string, number>();
    const commitmentFor = (actor: string): number => {
      const existing = byGuarantor.get(actor);
      if (existing !== undefined) return existing;
      const c = commitments.length;
      commitments.push(baseCommitment(ins, ii, guarantorOf(actor), s, actors, horizon));
      byGuarantor.set(actor, c);
      return c;
    };
    for (const g of eligible) commitmentFor(g);
    // forces belong to their actor's commitment, or to the organisation it serves in
    for (const f of ins.depth.forces) {
      if (f.actor === aggressor || f.actor === protectedState) continue;
      const host =
        eligible.find((g) => g === f.actor) ??
        eligible.find((g) => expandMembers([g], actors).includes(f.actor)) ??
        f.actor;
      const c = commitments[commitmentFor(host)]!;
      const w = (mw[f.mission] ?? 0) * (lw[f.location] ?? 0);
      const troops = f.troops ?? 0;
      if (f.heavy) c.heavyTroops += troops * w;
      else c.lightTroops += troops * w;
      c.aircraftWeighted += (f.aircraft ?? 0) * w;
      c.troops += troops;
      c.aircraft += f.aircraft ?? 0;
      c.ships += f.ships ?? 0;
      if (troops > 0 && (f.location === 'front' || f.location === 'rear'))
        guarantors[c.guarantor]!.tripwire = true;
    }
    // supply: a sustained flow per committed guarantor, plus dated military pledges valued by the tracker
    const weight = Math.max(0, ...ins.obligations.map((o) => sw[o] ?? 0));
    if (weight > 0) {
      for (const g of eligible) {
        const c = commitmentFor(g);
        supplySources.push({
          guarantor: commitments[c]!.guarantor,
          commitment: c,
          kind: 'flow',
          weight,
          deliveries: flowDeliveries(s.asOf, horizon, REFERENCE_FLOW_EUR_BN),
        });
      }
    }
    for (const p of ins.pledges) {
      if (p.actor === aggressor || p.actor === protectedState) continue;
      const deliveries = pledgeDeliveries(p, s.asOf, conv.eurPer.values);
      if (!deliveries.length) continue;
      const host =
        eligible.find((g) => g === p.actor) ??
        eligible.find((g) => expandMembers([g], actors).includes(p.actor)) ??
        p.actor;
      const c = commitmentFor(host);
      supplySources.push({
        guarantor: commitments[c]!.guarantor,
        commitment: c,
        kind: 'pledge',
        weight: 1,
        deliveries,
      });
    }
  });

  if (missingSpend.size)
    warnings.push({
      code: 'model.missing-spending',
      severity: 'warning',
      message: `no defence spending coded for ${[...missingSpend].sort().join(', ')}: counted as 0 capability`,
      path: ['actors'],
      hint: 'add defenceSpending to data/actors.yaml',
    });
  const baseForces = actors.get(protectedState)?.activeForces?.value ?? s.context.protectedForces?.value;
  const cap = s.constraints.armyCap?.troops;
  const structure: ModelStructure = {
    scenario: s.id,
    horizon,
    asOf: s.asOf,
    instruments: s.instruments.map((i) => ({ id: i.id, title: i.title })),
    guarantors,
    commitments,
    aggressorNuclear: actors.get(aggressor)?.nuclear === 'nuclear-weapon-state',
    aggressorAllyInstruments: s.instruments.flatMap((ins, i) =>
      ins.guarantors.includes(aggressor) &&
      ins.obligations.includes('defence') &&
      ins.legal.status !== 'lapsed' &&
      ins.legal.status !== 'violated'
        ? [i]
        : [],
    ),
    motivation: s.context.aggressorMotivation?.level ?? 'baseline',
    capShare: cap !== undefined && baseForces ? cap / baseForces : null,
    ukraineSpendingUsdBn: actors.get(protectedState)?.defenceSpending?.value ?? 0,
  };
  return { structure, supplySources, scenario: s, actors, warnings };
}

function baseCommitment(
  ins: Instrument,
  instrument: number,
  guarantor: number,
  s: Scenario,
  actors: ReadonlyMap<string, Actor>,
  horizon: number,
): CommitmentNode {
  const aggressor = s.context.aggressor;
  let third = ins.decision.vetoHolders.filter((v) => v !== aggressor).length;
  if (ins.decision.rule === 'unsc') {
    for (const m of ['USA', 'GBR', 'FRA', 'RUS', 'CHN'])
      if (m !== aggressor && isPermanentUnscMember(m, actors) && !ins.guarantors.includes(m)) third++;
  }
  const years = ins.duration.years;
  const termYear =
    years !== null && ins.duration.renewal !== 'automatic' && Math.ceil(years) < horizon
      ? Math.ceil(years)
      : null;
  return {
    instrument,
    guarantor,
    bindingness: bindingness(ins),
    discretionary: ins.automaticity === 'discretionary',
    lapsedStatus: ins.legal.status === 'lapsed' || ins.legal.status === 'violated',
    triggers: ins.trigger.threshold !== 'nuclear-aggression',
    strength: isGuarantee(ins) ? (ins.strength === 'ground-combat' ? 2 : 1) : 0,
    heavyTroops: 0,
    lightTroops: 0,
    aircraftWeighted: 0,
    troops: 0,
    aircraft: 0,
    ships: 0,
    vetoAggressor: aggressorCanVeto(ins, s, actors),
    thirdPartyVetoes: third,
    shortNotice:
      ins.duration.terminationNoticeMonths !== undefined && ins.duration.terminationNoticeMonths <= 12,
    termYear,
    renewal: ins.duration.renewal,
    sanction: ins.obligations.includes('sanction'),
  };
}

/** how strongly a shock on `actor` hits guarantor `g`: 1 itself, its spending share when it is a member, else 0 */
export function shockWeight(actor: string, g: GuarantorNode, actors: ReadonlyMap<string, Actor>): number {
  if (actor === g.id) return 1;
  const members = expandMembers([g.id], actors);
  if (!members.includes(actor) || members.length <= 1) return 0;
  const spend = (m: string) => actors.get(m)?.defenceSpending?.value;
  const total = members.reduce((n, m) => n + (spend(m) ?? 0), 0);
  const own = spend(actor);
  return total > 0 && own !== undefined ? own / total : 1 / members.length;
}

/** instruments in which `actor` can block the collective response */
function canVeto(ins: Instrument, actor: string, actors: ReadonlyMap<string, Actor>): boolean {
  if (ins.decision.vetoHolders.includes(actor)) return true;
  if (ins.decision.rule === 'unsc') return isPermanentUnscMember(actor, actors);
  // under unanimity or consensus every party can block, members of an organisation included
  if (ins.decision.rule === 'unanimity' || ins.decision.rule === 'consensus')
    return ins.guarantors.includes(actor) || expandMembers(ins.guarantors, actors).includes(actor);
  return false;
}

/**
 * Turns named shocks into per-year effects, or located diagnostics for an actor the scenario does not involve.
 * `path` locates the shock list in its file (e.g. ['stress', 2, 'shocks']).
 */
export function shockEffects(
  p: PreparedScenario,
  name: string,
  shocks: Shock[],
  path: (string | number)[] = ['shocks'],
): { ok: true; value: ShockEffects; warnings: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] } {
  const { structure: st, actors, scenario } = p;
  const H = st.horizon;
  const diags: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const fear = new Array<number>(H).fill(0);
  const govEvents: ShockEffects['govEvents'] = [];
  const keepEvents: ShockEffects['keepEvents'] = [];
  const vetoUsed = new Set<number>();
  const slip = new Map<number, { months: number; weight: number }[]>(); // guarantor -> slips
  const involved = new Set<string>();
  for (const g of st.guarantors) {
    involved.add(g.id);
    for (const m of expandMembers([g.id], actors)) involved.add(m);
  }
  const unknownActor = (actor: string, i: number, what: string, candidates: Iterable<string>) => {
    const guess = didYouMean(actor, candidates);
    diags.push({
      code: 'shock.unknown-actor',
      message: `shock ${i + 1} (${what}) names '${actor}', which ${what === 'veto-used' ? 'holds no veto over any instrument' : 'is not a guarantor (or a member of one)'} in ${scenario.id}`,
      path: [...path, i, 'actor'],
      hint: guess
        ? `did you mean '${guess}'?`
        : `choose one of: ${[...candidates].sort().join(', ') || '(none)'}`,
    });
  };
  const afterHorizon = (year: number, i: number) => {
    if (year >= H)
      warnings.push({
        code: 'shock.after-horizon',
        severity: 'warning',
        message: `shock ${i + 1} comes in year ${year}, after the ${H}-year horizon: it has no effect`,
        path: [...path, i, 'year'],
      });
  };
  shocks.forEach((sh, i) => {
    switch (sh.type) {
      case 'nuclear-threat': {
        afterHorizon(sh.year, i);
        const level = sh.severity === 'severe' ? 2 : 1;
        for (let t = sh.year; t < H; t++) fear[t] = Math.max(fear[t]!, level);
        break;
      }
      case 'government-change':
      case 'guarantor-withdraws': {
        if (!involved.has(sh.actor)) {
          unknownActor(sh.actor, i, sh.type, involved);
          return;
        }
        afterHorizon(sh.year, i);
        if (sh.year >= H) return;
        st.commitments.forEach((c, ci) => {
          const w = shockWeight(sh.actor, st.guarantors[c.guarantor]!, actors);
          if (w <= 0) return;
          if (sh.type === 'government-change') govEvents.push({ commitment: ci, year: sh.year, weight: w });
          else keepEvents.push({ commitment: ci, year: sh.year, keep: 1 - w });
        });
        break;
      }
      case 'veto-used': {
        const vetoers = new Set<string>();
        scenario.instruments.forEach((ins) => {
          for (const a of [
            ...ins.decision.vetoHolders,
            ...ins.guarantors,
            ...expandMembers(ins.guarantors, actors),
            ...['USA', 'GBR', 'FRA', 'RUS', 'CHN'],
          ])
            if (canVeto(ins, a, actors)) vetoers.add(a);
        });
        if (!vetoers.has(sh.actor)) {
          unknownActor(sh.actor, i, 'veto-used', vetoers);
          return;
        }
        st.commitments.forEach((c, ci) => {
          if (canVeto(scenario.instruments[c.instrument]!, sh.actor, actors)) vetoUsed.add(ci);
        });
        break;
      }
      case 'delivery-slip': {
        if (sh.actor !== undefined && !involved.has(sh.actor)) {
          unknownActor(sh.actor, i, sh.type, involved);
          return;
        }
        st.guarantors.forEach((g, gi) => {
          const w = sh.actor === undefined ? 1 : shockWeight(sh.actor, g, actors);
          if (w > 0) slip.set(gi, [...(slip.get(gi) ?? []), { months: sh.months, weight: w }]);
        });
        break;
      }
    }
  });
  if (diags.length) return { ok: false, diagnostics: diags };
  // supply curves: a slip shifts a guarantor's deliveries; a member's slip shifts the organisation's share of them
  const curves = new Map<string, ReturnType<typeof supplyCurve>>();
  const curveOf = (src: SupplySource, k: number, months: number) => {
    // every flow source carries the same deliveries, so flows share one curve per slip
    const key = src.kind === 'flow' ? `flow:${months}` : `${k}:${months}`;
    let c = curves.get(key);
    if (!c) {
      c = supplyCurve(src.deliveries, st.asOf, H, months);
      curves.set(key, c);
    }
    return c;
  };
  const supply: SupplyUnit[] = p.supplySources.map((src, k) => {
    const base = curveOf(src, k, 0);
    let index = base.index;
    let aid = base.aidEurBn;
    for (const s of slip.get(src.guarantor) ?? []) {
      const late = curveOf(src, k, s.months);
      index = index.map((v, t) => Math.min(v, (1 - s.weight) * v + s.weight * late.index[t]!));
      aid = aid.map((v, t) => (1 - s.weight) * v + s.weight * late.aidEurBn[t]!);
    }
    return {
      guarantor: src.guarantor,
      commitment: src.commitment,
      kind: src.kind,
      weight: src.weight,
      index,
      aidEurBn: aid,
    };
  });
  return {
    ok: true,
    value: {
      name,
      shocks,
      fear,
      govEvents,
      keepEvents,
      vetoUsed: [...vetoUsed].sort((a, b) => a - b),
      supply,
      forceDelays: [...slip].flatMap(([guarantor, list]) => list.map((x) => ({ guarantor, ...x }))),
    },
    warnings,
  };
}
