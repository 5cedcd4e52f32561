// the deterministic calculator: one mission's troops, rotation pool, aircraft, ships and cost from point values

import type { Evidence } from '../schema/source.js';
import type { Archetype, Sizing } from './archetype.js';
import type { ForcesData } from './forces-data.js';
import {
  checkOverrides,
  type FieldLabel,
  type MissionOverrides,
  type OverrideKey,
  resolveMissionId,
} from './mission-request.js';
import type { SourcedRange } from './sourced-range.js';

/** the numbers the formulas use; every one is resolved before computing */
export interface SizingValues {
  frontKm: number;
  density: number;
  formations: number;
  troopsPerFormation: number;
  troops: number;
  aircraft: number;
  ships: number;
  rotation: number;
  tourMonths: number;
  years: number;
  readiness: number;
  costPerTroopYear: number;
  costPerAircraftYear: number;
  costPerShipYear: number;
}
export type ValueKey = keyof SizingValues;

export interface SizingOutputs {
  deployed: number;
  /** successive tours the duration needs: ceil(years * 12 / tourMonths) */
  contingents: number;
  /** min(rotation, contingents): a short mission never needs more contingents than it has tours */
  rotationMultiplier: number;
  /** personnel tied up: deployed x multiplier / readiness */
  committed: number;
  aircraft: number;
  ships: number;
  yearlyCost: number;
  lifetimeCost: number;
  yearlyCostTroops: number;
  yearlyCostAircraft: number;
  yearlyCostShips: number;
}

/** the formulas, shared by the point estimate and every Monte Carlo sample */
export function computeSizing(sizing: Sizing, v: SizingValues, troopsOverride: boolean): SizingOutputs {
  const deployed = troopsOverride
    ? v.troops
    : sizing === 'per-km'
      ? v.frontKm * v.density
      : sizing === 'formation'
        ? v.formations * v.troopsPerFormation
        : v.troops;
  // tiny epsilon so 24 / 6 stays 4 despite float error
  const contingents = Math.max(1, Math.ceil((v.years * 12) / v.tourMonths - 1e-9));
  const rotationMultiplier = Math.min(v.rotation, contingents);
  const committed = deployed > 0 ? (deployed * rotationMultiplier) / v.readiness : 0;
  const yearlyCostTroops = deployed * v.costPerTroopYear;
  const yearlyCostAircraft = v.aircraft * v.costPerAircraftYear;
  const yearlyCostShips = v.ships * v.costPerShipYear;
  const yearlyCost = yearlyCostTroops + yearlyCostAircraft + yearlyCostShips;
  return {
    deployed,
    contingents,
    rotationMultiplier,
    committed,
    aircraft: v.aircraft,
    ships: v.ships,
    yearlyCost,
    lifetimeCost: yearlyCost * v.years,
    yearlyCostTroops,
    yearlyCostAircraft,
    yearlyCostShips,
  };
}

export type InputOrigin = 'user' | 'default' | 'structural';

export interface ResolvedInput {
  key: ValueKey;
  value: number;
  unit: string;
  origin: InputOrigin;
  source?: string;
  evidence?: Evidence;
  /** the sourced range behind a default; absent for user values and fixed defaults */
  range?: SourcedRange;
}

export interface MissionPlan {
  archetype: Archetype;
  inputs: Record<ValueKey, ResolvedInput>;
  /** the inputs that shape this mission's result, in display order */
  used: ValueKey[];
  troopsOverride: boolean;
  warnings: string[];
}

export interface MissionPoint extends SizingOutputs {
  mission: { id: string; title: string; sizing: Sizing; formation?: string };
  years: number;
  currency: 'USD';
  inputs: ResolvedInput[];
  warnings: string[];
}

const SIZING_KEYS: Record<Sizing, ValueKey[]> = {
  'per-km': ['frontKm', 'density'],
  formation: ['formations', 'troopsPerFormation'],
  fixed: ['troops'],
};

/**
 * Resolve every input of a mission: the user's value where given, otherwise the sourced central default.
 * Unknown missions and bad values throw `usage.*` GuarantorErrors with did-you-mean hints.
 */
export function planMission(
  request: { mission: string } & Record<string, unknown>,
  data: ForcesData,
  label?: FieldLabel,
): MissionPlan {
  const { mission, ...rest } = request;
  const id = resolveMissionId(mission, data.archetypes.keys(), label);
  const archetype = data.archetypes.get(id)!;
  const user: MissionOverrides = checkOverrides(rest, label);
  const p = data.parameters;
  const fromRange = (key: ValueKey, r: SourcedRange): ResolvedInput => ({
    key,
    value: r.central.value,
    unit: r.unit,
    origin: 'default',
    source: r.central.source,
    evidence: r.central.evidence,
    range: r,
  });
  const structural = (key: ValueKey, value: number, unit: string): ResolvedInput => ({
    key,
    value,
    unit,
    origin: 'structural',
  });
  const defaults: Record<ValueKey, ResolvedInput> = {
    frontKm: fromRange('frontKm', p.frontKm),
    density: archetype.density ? fromRange('density', archetype.density) : structural('density', 0, 'per km'),
    formations: {
      ...structural('formations', 1, archetype.formation ?? 'formations'),
      source: 'guarantor-forces-method',
    },
    troopsPerFormation: archetype.formationTroops
      ? fromRange('troopsPerFormation', archetype.formationTroops)
      : structural('troopsPerFormation', 0, 'troops'),
    troops: archetype.troops ? fromRange('troops', archetype.troops) : structural('troops', 0, 'troops'),
    aircraft: archetype.aircraft
      ? fromRange('aircraft', archetype.aircraft)
      : structural('aircraft', 0, 'aircraft'),
    ships: archetype.ships ? fromRange('ships', archetype.ships) : structural('ships', 0, 'ships'),
    rotation: fromRange('rotation', p.rotation),
    tourMonths: {
      key: 'tourMonths',
      value: p.tourMonths.value,
      unit: p.tourMonths.unit,
      origin: 'default',
      source: p.tourMonths.source,
      evidence: p.tourMonths.evidence,
    },
    years: {
      key: 'years',
      value: p.years.value,
      unit: p.years.unit,
      origin: 'default',
      source: p.years.source,
      evidence: p.years.evidence,
    },
    readiness: fromRange('readiness', p.readiness),
    costPerTroopYear: fromRange('costPerTroopYear', p.costPerTroopYear),
    costPerAircraftYear: fromRange('costPerAircraftYear', p.costPerAircraftYear),
    costPerShipYear: fromRange('costPerShipYear', p.costPerShipYear),
  };
  const inputs = { ...defaults };
  for (const [k, v] of Object.entries(user) as [OverrideKey, number][]) {
    inputs[k] = { key: k, value: v, unit: defaults[k].unit, origin: 'user' };
  }
  const troopsOverride = user.troops !== undefined && archetype.sizing !== 'fixed';
  const sizingKeys = troopsOverride ? (['troops'] as ValueKey[]) : SIZING_KEYS[archetype.sizing];
  const used: ValueKey[] = [...sizingKeys];
  if (inputs.aircraft.value > 0) used.push('aircraft');
  if (inputs.ships.value > 0) used.push('ships');
  used.push('rotation', 'tourMonths', 'readiness', 'years');
  const deployedPossible = troopsOverride || archetype.sizing !== 'fixed' || inputs.troops.value > 0;
  if (deployedPossible) used.push('costPerTroopYear');
  if (inputs.aircraft.value > 0) used.push('costPerAircraftYear');
  if (inputs.ships.value > 0) used.push('costPerShipYear');
  const warnings = (Object.keys(user) as ValueKey[])
    .filter((k) => !used.includes(k))
    .map(
      (k) =>
        `${label ? label(k) : k} is not used by '${archetype.id}' (${describeSizing(archetype, troopsOverride)})`,
    );
  return { archetype, inputs, used, troopsOverride, warnings };
}

export function describeSizing(a: Archetype, troopsOverride = false): string {
  if (troopsOverride) return 'deployed troops given directly';
  if (a.sizing === 'per-km') return 'sized as front km x personnel per km';
  if (a.sizing === 'formation')
    return `sized as ${a.formation ?? 'formation'}s x troops per ${a.formation ?? 'formation'}`;
  return 'sized as a fixed troop count';
}

export function valuesOf(plan: MissionPlan): SizingValues {
  const v = {} as SizingValues;
  for (const [k, r] of Object.entries(plan.inputs) as [ValueKey, ResolvedInput][]) v[k] = r.value;
  return v;
}

/** the point estimate from central values and the user's overrides */
export function sizeMission(
  request: { mission: string } & Record<string, unknown>,
  data: ForcesData,
  label?: FieldLabel,
): MissionPoint {
  return pointOf(planMission(request, data, label));
}

export function pointOf(plan: MissionPlan): MissionPoint {
  const a = plan.archetype;
  const out = computeSizing(a.sizing, valuesOf(plan), plan.troopsOverride);
  return {
    mission: {
      id: a.id,
      title: a.title,
      sizing: a.sizing,
      ...(a.formation ? { formation: a.formation } : {}),
    },
    ...out,
    years: plan.inputs.years.value,
    currency: 'USD',
    inputs: plan.used.map((k) => plan.inputs[k]),
    warnings: plan.warnings,
  };
}
