// a scenario's force instruments against the sized requirement: grouping, gaps, costs, determinism
import { describe, expect, it } from 'vitest';
import { loadForcesData } from '../../node/forces-files.js';
import { Scenario, type ScenarioInput } from '../schema/scenario.js';
import { sizeMission } from './size-mission.js';
import { sizeScenarioForces } from './size-scenario.js';

const data = loadForcesData();
const src = 'guarantor-forces-assumptions';

function instrument(id: string, years: number, forces: object[]): ScenarioInput['instruments'][number] {
  return {
    id,
    title: id,
    guarantors: ['GBR'],
    obligations: ['monitor'],
    strength: 'ground-combat',
    automaticity: 'discretionary',
    trigger: { timing: 'standing', domains: ['land'] },
    legal: { form: 'political-declaration', ratification: 'none', status: 'hypothetical' },
    duration: { years },
    decision: { rule: 'each-guarantor' },
    depth: { forces } as never,
    sources: [src],
  } as never;
}

const input: ScenarioInput = {
  id: 'forces-test',
  title: 'Forces test',
  summary: 'Two reassurance contingents, a monitoring mission and a maritime group.',
  status: 'hypothetical',
  asOf: '2026-01-06',
  sources: [src],
  context: { frontKm: { value: 1000, source: src }, horizonYears: 10 },
  instruments: [
    instrument('mnf-u', 5, [
      { actor: 'GBR', troops: 10000, mission: 'reassurance', location: 'rear', source: src },
      { actor: 'FRA', troops: 8000, mission: 'reassurance', location: 'rear', heavy: true, source: src },
      { actor: 'TUR', ships: 2, mission: 'maritime', location: 'sea', source: src },
    ]),
    instrument('monitors', 20, [
      { actor: 'FRA', troops: 1000, mission: 'monitoring', location: 'front', source: src },
      { actor: 'GBR', troops: 2000, mission: 'reassurance', location: 'rear', source: src },
    ]),
  ],
};
const scenario = Scenario.parse(input);

describe('sizeScenarioForces', () => {
  const s = sizeScenarioForces(scenario, data, { samples: 2000, seed: 5 });
  const group = (m: string) => s.groups.find((g) => g.mission === m)!;

  it('groups presences by mission and sums them by actor across instruments', () => {
    expect(s.groups.map((g) => g.mission)).toEqual(['reassurance', 'maritime', 'monitoring']);
    const r = group('reassurance');
    expect(r.pledged.troops).toBe(20000);
    expect(r.pledged.byActor).toEqual([
      { actor: 'GBR', troops: 12000, aircraft: 0, ships: 0, instruments: ['mnf-u', 'monitors'] },
      { actor: 'FRA', troops: 8000, aircraft: 0, ships: 0, instruments: ['mnf-u'] },
    ]);
  });

  it('sizes each requirement with the mapped archetype, the scenario front and the capped duration', () => {
    const r = group('reassurance');
    expect(r.archetype?.id).toBe('reassurance-division');
    // 20 years is capped at the 10-year horizon
    expect(r.years).toBe(10);
    expect(r.requirement!.deployed).toBe(
      sizeMission({ mission: 'reassurance-division', years: 10 }, data).deployed,
    );
    expect(r.gap.troops).toBe(r.requirement!.deployed - 20000);
    const m = group('monitoring');
    expect(m.requirement!.deployed).toBeCloseTo(
      1000 * data.archetypes.get('ceasefire-monitoring')!.density!.central.value,
      6,
    );
    expect(s.frontKm).toEqual({ value: 1000, origin: 'scenario', source: src });
    const sea = group('maritime');
    expect(sea.years).toBe(5);
    expect(sea.gap.ships).toBe(data.archetypes.get('black-sea-maritime')!.ships!.central.value - 2);
  });

  it('costs what the package puts in, at central cost parameters, with rotation for the committed pool', () => {
    const p = data.parameters;
    const troopYear = p.costPerTroopYear.central.value;
    expect(group('reassurance').pledgedYearlyCost.central).toBe(20000 * troopYear);
    expect(group('maritime').pledgedYearlyCost.central).toBe(2 * p.costPerShipYear.central.value);
    expect(s.totals.yearlyCost.central).toBe(21000 * troopYear + 2 * p.costPerShipYear.central.value);
    const mult = Math.min(p.rotation.central.value, Math.ceil((10 * 12) / p.tourMonths.value));
    expect(group('reassurance').pledgedCommitted).toBeCloseTo((20000 * mult) / p.readiness.central.value, 6);
    expect(s.totals.troops).toBe(21000);
    expect(s.totals.yearlyCost.p05).toBeLessThan(s.totals.yearlyCost.central);
    expect(s.totals.yearlyCost.p95).toBeGreaterThan(s.totals.yearlyCost.central);
  });

  it('flattens every presence for the deterrence model', () => {
    expect(s.presences).toHaveLength(5);
    expect(s.presences.find((x) => x.actor === 'FRA' && x.mission === 'reassurance')).toMatchObject({
      heavy: true,
      location: 'rear',
      years: 5,
    });
  });

  it('is reproducible by seed', () => {
    expect(sizeScenarioForces(scenario, data, { samples: 2000, seed: 5 })).toEqual(s);
  });

  it('a package without forces sizes to nothing', () => {
    const none = Scenario.parse({ ...input, instruments: [instrument('paper', 10, [])] });
    const r = sizeScenarioForces(none, data, { samples: 200 });
    expect(r.groups).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('warns when a presence gives no numbers', () => {
    const vague = Scenario.parse({
      ...input,
      instruments: [
        instrument('jets', 10, [
          { actor: 'FRA', mission: 'air-policing', location: 'neighbour', source: src },
        ]),
      ],
    });
    const r = sizeScenarioForces(vague, data, { samples: 200 });
    expect(r.warnings).toEqual([
      "jets: FRA's air-policing presence gives no troop, aircraft or ship numbers; counted as 0",
    ]);
    expect(r.groups[0]!.gap.aircraft).toBe(data.archetypes.get('air-shield')!.aircraft!.central.value);
    expect(r.totals.yearlyCost.central).toBe(0);
  });
});
