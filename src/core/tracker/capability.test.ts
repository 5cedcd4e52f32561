import { describe, expect, it } from 'vitest';
import {
  capabilityByYear,
  DEFAULT_CAPABILITY_PARAMS,
  type Delivery,
  deliveriesFromKiel,
  plannedDeliveries,
  shiftDeliveries,
  unitValueFor,
  yearFraction,
} from './capability.js';
import type { LedgerPledge } from './ledger.js';

const monthly = (fromYear: number, years: number, eurBnPerYear: number): Delivery[] => {
  const out: Delivery[] = [];
  for (let y = fromYear; y < fromYear + years; y++)
    for (let m = 1; m <= 12; m++)
      out.push({ on: `${y}-${String(m).padStart(2, '0')}-15`, valueEur: (eurBnPerYear / 12) * 1e9 });
  return out;
};

describe('capabilityByYear', () => {
  it('approaches 1.0 under a long steady flow at the reference level (analytical steady state)', () => {
    const ref = DEFAULT_CAPABILITY_PARAMS.referenceFlowEurBn.value;
    const s = capabilityByYear(monthly(2000, 40, ref), { fromYear: 2039, toYear: 2039 });
    // tolerance 2%: monthly lumps against a continuous-flow steady state, and 40 years leaves 2^-13 of the start-up gap
    expect(s.years[0]!.index).toBeGreaterThan(0.98);
    expect(s.years[0]!.index).toBeLessThan(1.02);
  });

  it('halves a single delivery after one half-life', () => {
    const h = DEFAULT_CAPABILITY_PARAMS.halfLifeYears.value;
    const s = capabilityByYear([{ on: '2024-12-31', valueEur: 10e9 }], { fromYear: 2024, toYear: 2024 + h });
    const first = s.years[0]!.stockEurBn;
    const last = s.years[s.years.length - 1]!.stockEurBn;
    expect(first).toBeCloseTo(10, 1);
    expect(last / first).toBeCloseTo(0.5, 2);
  });

  it('a delivery that slips lowers the index in the years it is missing and never raises it before', () => {
    const planned: Delivery[] = [{ on: '2027-06-30', valueEur: 20e9 }];
    const base = capabilityByYear(planned, { fromYear: 2026, toYear: 2030 });
    const late = capabilityByYear(shiftDeliveries(planned, 18), { fromYear: 2026, toYear: 2030 });
    expect(late.years[1]!.index).toBeLessThan(base.years[1]!.index);
    for (let i = 0; i < base.years.length; i++)
      if (base.years[i]!.year < 2028) expect(late.years[i]!.index).toBeLessThanOrEqual(base.years[i]!.index);
  });

  it('prices item counts with Kiel average unit values and counts what it cannot price', () => {
    expect(unitValueFor('Leopard 2A4 tank', DEFAULT_CAPABILITY_PARAMS)).toBe(
      DEFAULT_CAPABILITY_PARAMS.unitValues.tank!.eur.value,
    );
    expect(unitValueFor('F-16 fighter aircraft', DEFAULT_CAPABILITY_PARAMS)).toBeUndefined();
    const s = capabilityByYear(
      [
        { on: '2025-01-01', quantity: 10, item: 'PzH 2000 howitzer' },
        { on: '2025-01-01', quantity: 2, item: 'F-16' },
      ],
      { fromYear: 2025, toYear: 2025 },
    );
    expect(s.unvalued).toBe(1);
    expect(s.years[0]!.stockEurBn).toBeGreaterThan(0);
  });
});

describe('delivery sources', () => {
  it('places open military pledges at their due date (or today when overdue) and skips periods already covered', () => {
    const p = (key: string, dueOn: string, valueEur: number): LedgerPledge => ({
      key,
      donor: 'Belgium',
      category: 'military',
      evidence: 'verified',
      valueEur,
      dueOn,
      events: [{ stage: 'committed', on: '2024-05-28', valueEur }],
    });
    const out = plannedDeliveries([p('a', '2028-12-31', 5), p('b', '2024-12-31', 7)], { asOf: '2026-01-01' });
    expect(out.map((d) => [d.on, d.valueEur])).toEqual([
      ['2028-12-31', 5],
      ['2026-01-01', 7],
    ]);
    expect(
      plannedDeliveries([p('b', '2024-12-31', 7)], { asOf: '2026-01-01', coveredUntil: '2026-04-30' }),
    ).toEqual([]);
  });

  it('reads Kiel military allocations as mid-month deliveries', () => {
    expect(
      deliveriesFromKiel([
        { donor: 'X', month: '2024-03', aidType: 'military', measure: 'allocation', eurBn: 0.5 },
      ]),
    ).toEqual([{ on: '2024-03-15', valueEur: 5e8, donor: 'X' }]);
  });

  it('converts dates to year fractions', () => {
    expect(yearFraction('2024-01-01')).toBe(2024);
    expect(yearFraction('2025-07-02')).toBeCloseTo(2025.5, 2);
  });
});
