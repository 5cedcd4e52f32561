// size a scenario's force instruments: the requirement for each kind of mission against what the package
// puts in (troops, aircraft, ships by actor), the gap, and what the pledged forces cost guarantors per year

import type { Scenario } from '../schema/scenario.js';
import { archetypeForPresence, type ForcesData } from './forces-data.js';
import {
  checkSampling,
  estimatePlan,
  type Interval,
  type MissionEstimate,
  sampleOutputs,
  summarise,
  type UncertaintyOptions,
} from './interval.js';
import type { Requirement } from './pledge-gap.js';
import { computeSizing, type MissionPlan, planMission, valuesOf } from './size-mission.js';

export interface ScenarioPresence {
  instrument: string;
  actor: string;
  mission: string;
  location: string;
  heavy: boolean;
  permanent: boolean;
  troops: number;
  aircraft: number;
  ships: number;
  years: number;
  source: string;
  evidence: string;
}

export interface ScenarioActorContribution extends Requirement {
  actor: string;
  instruments: string[];
}

export interface ScenarioForceGroup {
  /** the scenario's depth.forces[].mission value */
  mission: string;
  archetype: { id: string; title: string } | null;
  years: number;
  /** what the archetype says this mission needs, sized with the scenario's front and duration */
  requirement: MissionEstimate | null;
  pledged: Requirement & { byActor: ScenarioActorContribution[] };
  /** requirement (central) minus pledged: positive is a shortfall */
  gap: Requirement;
  /** personnel tied up to keep the pledged troops deployed (rotation and readiness at central values) */
  pledgedCommitted: number;
  pledgedYearlyCost: Interval;
  pledgedLifetimeCost: Interval;
}

export interface ScenarioForces {
  scenario: string;
  frontKm: { value: number; origin: 'scenario' | 'default'; source: string };
  groups: ScenarioForceGroup[];
  totals: Requirement & { committed: number; yearlyCost: Interval; lifetimeCost: Interval };
  /** every force presence, flattened for the deterrence model (combat value depends on heavy and location) */
  presences: ScenarioPresence[];
  currency: 'USD';
  uncertainty: { method: 'pert-monte-carlo'; samples: number; seed: number };
  warnings: string[];
}

/** a plan for forces whose size is given (the pledged ones): only costs, rotation and readiness stay uncertain */
function pledgedPlan(base: MissionPlan, q: Requirement): MissionPlan {
  const fixed = (key: 'troops' | 'aircraft' | 'ships', value: number) => ({
    key,
    value,
    unit: base.inputs[key].unit,
    origin: 'user' as const,
  });
  const inputs = {
    ...base.inputs,
    troops: fixed('troops', q.troops),
    aircraft: fixed('aircraft', q.aircraft),
    ships: fixed('ships', q.ships),
  };
  const used = base.used.filter(
    (k) => !['frontKm', 'density', 'formations', 'troopsPerFormation'].includes(k),
  );
  for (const k of [
    'troops',
    'aircraft',
    'ships',
    'costPerTroopYear',
    'costPerAircraftYear',
    'costPerShipYear',
  ] as const)
    if (!used.includes(k)) used.push(k);
  return { ...base, inputs, used, troopsOverride: true, warnings: [] };
}

/**
 * Size the force instruments of a validated scenario.
 * @example sizeScenarioForces(scenario, data, { samples: 10_000, seed: 1 })
 */
export function sizeScenarioForces(
  scenario: Scenario,
  data: ForcesData,
  opts: UncertaintyOptions = {},
): ScenarioForces {
  const { samples, seed } = checkSampling(opts);
  const horizon = scenario.context.horizonYears;
  const presences: ScenarioPresence[] = [];
  for (const ins of scenario.instruments) {
    const years = Math.min(ins.duration.years ?? horizon, horizon);
    for (const f of ins.depth.forces) {
      presences.push({
        instrument: ins.id,
        actor: f.actor,
        mission: f.mission,
        location: f.location,
        heavy: f.heavy,
        permanent: f.permanent,
        troops: f.troops ?? 0,
        aircraft: f.aircraft ?? 0,
        ships: f.ships ?? 0,
        years,
        source: f.source,
        evidence: f.evidence,
      });
    }
  }
  const front = scenario.context.frontKm;
  const frontKm = front
    ? { value: front.value, origin: 'scenario' as const, source: front.source }
    : {
        value: data.parameters.frontKm.central.value,
        origin: 'default' as const,
        source: data.parameters.frontKm.central.source,
      };
  const warnings: string[] = presences
    .filter((p) => p.troops === 0 && p.aircraft === 0 && p.ships === 0)
    .map(
      (p) =>
        `${p.instrument}: ${p.actor}'s ${p.mission} presence gives no troop, aircraft or ship numbers; counted as 0`,
    );
  const groups: ScenarioForceGroup[] = [];
  const totalYearly = new Float64Array(samples);
  const totalLifetime = new Float64Array(samples);
  const totals = { troops: 0, aircraft: 0, ships: 0, committed: 0, yearly: 0, lifetime: 0 };
  const missions = [...new Set(presences.map((p) => p.mission))];
  for (const mission of missions) {
    const members = presences.filter((p) => p.mission === mission);
    const years = Math.max(...members.map((p) => p.years));
    const byActor = new Map<string, ScenarioActorContribution>();
    for (const p of members) {
      const a = byActor.get(p.actor) ?? { actor: p.actor, troops: 0, aircraft: 0, ships: 0, instruments: [] };
      a.troops += p.troops;
      a.aircraft += p.aircraft;
      a.ships += p.ships;
      if (!a.instruments.includes(p.instrument)) a.instruments.push(p.instrument);
      byActor.set(p.actor, a);
    }
    const actors = [...byActor.values()].sort(
      (a, b) => b.troops - a.troops || a.actor.localeCompare(b.actor),
    );
    const pledged = actors.reduce(
      (s, a) => ({
        troops: s.troops + a.troops,
        aircraft: s.aircraft + a.aircraft,
        ships: s.ships + a.ships,
      }),
      { troops: 0, aircraft: 0, ships: 0 },
    );
    const archetype = archetypeForPresence(data, mission);
    if (!archetype)
      warnings.push(`no archetype sizes scenario mission '${mission}'; its requirement is unknown`);
    // the requirement and the pledged costs share one plan (same years, same sampled cost and rotation draws)
    const fallback = archetype ?? data.archetypes.values().next().value!;
    const base = planMission(
      {
        mission: fallback.id,
        years,
        ...(fallback.sizing === 'per-km' && front ? { frontKm: front.value } : {}),
      },
      data,
    );
    const requirement = archetype ? estimatePlan(base, { samples, seed }) : null;
    const plan = pledgedPlan(base, pledged);
    const point = computeSizing(plan.archetype.sizing, valuesOf(plan), true);
    const { outputs } = sampleOutputs(plan, samples, seed);
    for (let i = 0; i < samples; i++) {
      totalYearly[i]! += outputs.yearlyCost[i]!;
      totalLifetime[i]! += outputs.lifetimeCost[i]!;
    }
    totals.troops += pledged.troops;
    totals.aircraft += pledged.aircraft;
    totals.ships += pledged.ships;
    totals.committed += point.committed;
    totals.yearly += point.yearlyCost;
    totals.lifetime += point.lifetimeCost;
    groups.push({
      mission,
      archetype: archetype ? { id: archetype.id, title: archetype.title } : null,
      years,
      requirement,
      pledged: { ...pledged, byActor: actors },
      gap: requirement
        ? {
            troops: requirement.deployed - pledged.troops,
            aircraft: requirement.aircraft - pledged.aircraft,
            ships: requirement.ships - pledged.ships,
          }
        : { troops: 0, aircraft: 0, ships: 0 },
      pledgedCommitted: point.committed,
      pledgedYearlyCost: summarise(outputs.yearlyCost, point.yearlyCost),
      pledgedLifetimeCost: summarise(outputs.lifetimeCost, point.lifetimeCost),
    });
  }
  return {
    scenario: scenario.id,
    frontKm,
    groups,
    totals: {
      troops: totals.troops,
      aircraft: totals.aircraft,
      ships: totals.ships,
      committed: totals.committed,
      yearlyCost: summarise(totalYearly, totals.yearly),
      lifetimeCost: summarise(totalLifetime, totals.lifetime),
    },
    presences,
    currency: 'USD',
    uncertainty: { method: 'pert-monte-carlo', samples, seed },
    warnings,
  };
}
