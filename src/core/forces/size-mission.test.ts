// the formulas: linear in front and density, rotation capped by the tours a mission lasts, costs add up
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadForcesData } from '../../node/forces-files.js';
import { computeSizing, planMission, type SizingValues, sizeMission } from './size-mission.js';

const data = loadForcesData();
const base: SizingValues = {
  frontKm: 1000,
  density: 5,
  formations: 1,
  troopsPerFormation: 10000,
  troops: 1000,
  aircraft: 0,
  ships: 0,
  rotation: 4,
  tourMonths: 6,
  years: 10,
  readiness: 1,
  costPerTroopYear: 100000,
  costPerAircraftYear: 5e6,
  costPerShipYear: 5e7,
};
const pos = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

describe('computeSizing', () => {
  it('per-km sizing is front x density; committed is deployed x min(rotation, contingents) / readiness', () => {
    fc.assert(
      fc.property(
        pos(10, 3000),
        pos(0.1, 200),
        pos(1, 6),
        pos(1, 24),
        pos(0.1, 30),
        pos(0.5, 1),
        (front, density, rotation, tour, years, readiness) => {
          const o = computeSizing(
            'per-km',
            { ...base, frontKm: front, density, rotation, tourMonths: tour, years, readiness },
            false,
          );
          expect(o.deployed).toBeCloseTo(front * density, 6);
          const contingents = Math.max(1, Math.ceil((years * 12) / tour - 1e-9));
          expect(o.contingents).toBe(contingents);
          expect(o.committed).toBeCloseTo((o.deployed * Math.min(rotation, contingents)) / readiness, 6);
          expect(o.committed).toBeGreaterThanOrEqual(o.deployed - 1e-9);
        },
      ),
    );
  });

  it('doubling the front doubles troops and cost', () => {
    const a = computeSizing('per-km', base, false);
    const b = computeSizing('per-km', { ...base, frontKm: 2000 }, false);
    expect(b.deployed).toBe(2 * a.deployed);
    expect(b.yearlyCost).toBe(2 * a.yearlyCost);
  });

  it('costs: troops, aircraft and ships add up, and the lifetime is yearly x years', () => {
    const o = computeSizing('fixed', { ...base, troops: 2000, aircraft: 12, ships: 3 }, false);
    expect(o.yearlyCostTroops).toBe(2000 * 100000);
    expect(o.yearlyCostAircraft).toBe(12 * 5e6);
    expect(o.yearlyCostShips).toBe(3 * 5e7);
    expect(o.yearlyCost).toBe(o.yearlyCostTroops + o.yearlyCostAircraft + o.yearlyCostShips);
    expect(o.lifetimeCost).toBe(o.yearlyCost * 10);
  });

  it('a mission shorter than one tour needs one contingent whatever the rotation', () => {
    const o = computeSizing('fixed', { ...base, years: 0.25, rotation: 4 }, false);
    expect(o.contingents).toBe(1);
    expect(o.committed).toBe(1000);
  });

  it('formation sizing multiplies formations by troops per formation; a troop override wins', () => {
    expect(computeSizing('formation', { ...base, formations: 3 }, false).deployed).toBe(30000);
    expect(computeSizing('formation', { ...base, formations: 3, troops: 7 }, true).deployed).toBe(7);
  });
});

describe('planMission', () => {
  it('takes the user value over the sourced central default and says where each input came from', () => {
    const plan = planMission({ mission: 'ceasefire-monitoring', frontKm: 900 }, data);
    expect(plan.inputs.frontKm).toMatchObject({ value: 900, origin: 'user' });
    expect(plan.inputs.density).toMatchObject({
      origin: 'default',
      source: 'unficyp-strength-2014',
      evidence: 'secondary',
    });
    expect(plan.used).toEqual([
      'frontKm',
      'density',
      'rotation',
      'tourMonths',
      'readiness',
      'years',
      'costPerTroopYear',
    ]);
  });

  it('every default input it uses cites a source', () => {
    for (const id of data.archetypes.keys()) {
      const r = sizeMission({ mission: id }, data);
      for (const input of r.inputs)
        if (input.origin === 'default') expect(input.source, `${id}.${input.key}`).toMatch(/^[a-z0-9-]+$/);
    }
  });

  it('warns about inputs the archetype does not use', () => {
    const r = sizeMission({ mission: 'reassurance-brigade', frontKm: 1000 }, data);
    expect(r.warnings).toEqual([
      "frontKm is not used by 'reassurance-brigade' (sized as brigades x troops per brigade)",
    ]);
  });

  it('air and sea archetypes cost aircraft and ships, not troops', () => {
    const air = sizeMission({ mission: 'air-shield' }, data);
    expect(air.deployed).toBe(0);
    expect(air.aircraft).toBe(data.archetypes.get('air-shield')!.aircraft!.central.value);
    expect(air.yearlyCost).toBe(air.aircraft * data.parameters.costPerAircraftYear.central.value);
    const sea = sizeMission({ mission: 'black-sea-maritime', years: 3 }, data);
    expect(sea.lifetimeCost).toBe(3 * sea.ships * data.parameters.costPerShipYear.central.value);
  });
});
