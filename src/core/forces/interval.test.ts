// the 90% intervals: right quantiles for a known input, reproducible by seed, no spread where inputs are fixed
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadForcesData } from '../../node/forces-files.js';
import { Pert } from '../dist/pert.js';
import { GuarantorError } from '../errors.js';
import type { Sizing } from './archetype.js';
import { estimateMission } from './estimate-mission.js';
import { computeColumns, quantileSorted } from './interval.js';
import { computeSizing } from './size-mission.js';

const data = loadForcesData();

describe('mission intervals', () => {
  it('with only the density uncertain, troop quantiles are front x PERT quantiles (tolerance 3%, 20,000 samples)', () => {
    const e = estimateMission({ mission: 'ceasefire-monitoring', frontKm: 1250 }, data, {
      samples: 20_000,
      seed: 11,
    });
    const d = data.archetypes.get('ceasefire-monitoring')!.density!;
    const pert = new Pert(d.low.value, d.central.value, d.high.value);
    for (const [p, key] of [
      [0.05, 'p05'],
      [0.5, 'p50'],
      [0.95, 'p95'],
    ] as const) {
      const expected = 1250 * pert.quantile(p);
      expect(Math.abs(e.intervals.deployed[key] - expected) / expected).toBeLessThan(0.03);
    }
    expect(e.intervals.deployed.central).toBe(e.deployed);
    expect(e.uncertainty.sampled).toEqual(['density', 'rotation', 'readiness', 'costPerTroopYear']);
  });

  it('the same seed gives the same intervals; another seed agrees within Monte Carlo error (5%)', () => {
    const a = estimateMission({ mission: 'deep-defence' }, data, { samples: 5000, seed: 3 });
    const b = estimateMission({ mission: 'deep-defence' }, data, { samples: 5000, seed: 3 });
    const c = estimateMission({ mission: 'deep-defence' }, data, { samples: 5000, seed: 4 });
    expect(b.intervals).toEqual(a.intervals);
    expect(c.intervals.yearlyCost.p50).not.toBe(a.intervals.yearlyCost.p50);
    expect(Math.abs(c.intervals.yearlyCost.p50 / a.intervals.yearlyCost.p50 - 1)).toBeLessThan(0.05);
  });

  it('inputs the user fixes carry no spread', () => {
    const e = estimateMission(
      {
        mission: 'tripwire',
        troops: 1200,
        rotation: 3,
        readiness: 0.9,
        costPerTroopYear: 200000,
      },
      data,
    );
    for (const k of ['deployed', 'committed', 'yearlyCost', 'lifetimeCost'] as const) {
      expect(e.intervals[k].p05).toBeCloseTo(e.intervals[k].central, 6);
      expect(e.intervals[k].p95).toBeCloseTo(e.intervals[k].central, 6);
    }
    expect(e.uncertainty.sampled).toEqual([]);
  });

  it('orders the quantiles and brackets the point estimate for every archetype', () => {
    for (const id of data.archetypes.keys()) {
      const e = estimateMission({ mission: id }, data, { samples: 4000 });
      for (const i of Object.values(e.intervals)) {
        expect(i.p05).toBeLessThanOrEqual(i.p50);
        expect(i.p50).toBeLessThanOrEqual(i.p95);
        expect(i.central).toBeGreaterThanOrEqual(i.p05 - 1e-6);
        expect(i.central).toBeLessThanOrEqual(i.p95 + 1e-6);
      }
    }
  });

  it('rejects silly sample counts and seeds', () => {
    expect(() => estimateMission({ mission: 'tripwire' }, data, { samples: 5 })).toThrow(GuarantorError);
    expect(() => estimateMission({ mission: 'tripwire' }, data, { seed: -1 })).toThrow(
      /seed must be a whole number/,
    );
  });

  it('quantileSorted interpolates (type 7)', () => {
    const s = Float64Array.from([1, 2, 3, 4, 5]);
    expect(quantileSorted(s, 0)).toBe(1);
    expect(quantileSorted(s, 0.5)).toBe(3);
    expect(quantileSorted(s, 0.05)).toBeCloseTo(1.2, 12);
    expect(quantileSorted(s, 1)).toBe(5);
  });
});

describe('columnar formulas', () => {
  it('agree with the scalar computeSizing on random inputs', () => {
    const pos = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    const values = fc.record({
      frontKm: pos(1, 3000),
      density: pos(0.1, 200),
      formations: fc.integer({ min: 1, max: 9 }),
      troopsPerFormation: pos(100, 100000),
      troops: pos(0, 100000),
      aircraft: pos(0, 200),
      ships: pos(0, 20),
      rotation: pos(1, 6),
      tourMonths: pos(1, 24),
      years: pos(0.1, 30),
      readiness: pos(0.5, 1),
      costPerTroopYear: pos(1e4, 1e6),
      costPerAircraftYear: pos(1e6, 2e7),
      costPerShipYear: pos(1e6, 2e8),
    });
    fc.assert(
      fc.property(
        values,
        fc.constantFrom<Sizing>('per-km', 'formation', 'fixed'),
        fc.boolean(),
        (v, sizing, override) => {
          const cols = Object.fromEntries(
            Object.entries(v).map(([k, x]) => [k, Float64Array.of(x as number)]),
          ) as never;
          const col = computeColumns(sizing, cols, override, 1);
          const one = computeSizing(sizing, v, override);
          for (const k of [
            'deployed',
            'committed',
            'aircraft',
            'ships',
            'yearlyCost',
            'lifetimeCost',
          ] as const) {
            expect(col[k][0]).toBeCloseTo(one[k], 6);
          }
        },
      ),
    );
  });
});
