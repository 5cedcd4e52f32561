import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LedgerEvent, LedgerPledge } from './ledger.js';
import {
  forecastCompletion,
  groupMetrics,
  ledgerMonthlyFlows,
  metricsBy,
  observedSlippage,
  pledgeProgress,
  quantile,
} from './metrics.js';

const pledge = (key: string, over: Partial<LedgerPledge>, events: LedgerEvent[]): LedgerPledge => ({
  key,
  donor: 'Belgium',
  category: 'military',
  evidence: 'verified',
  events,
  ...over,
});

const f16 = pledge('f16', { quantity: 30, dueOn: '2028-12-31', instrumentKey: 'bsa-bel-2024' }, [
  { stage: 'committed', on: '2024-05-28', quantity: 30 },
  { stage: 'delivered', on: '2025-06-30', quantity: 2 },
]);
const cash = pledge('cash', { valueEur: 977e6, dueOn: '2024-12-31' }, [
  { stage: 'committed', on: '2024-05-28', valueEur: 977e6 },
  { stage: 'allocated', on: '2024-08-01', valueEur: 977e6 },
  { stage: 'delivered', on: '2024-10-01', valueEur: 500e6 },
  { stage: 'delivered', on: '2025-03-31', valueEur: 477e6 },
]);
const onTime = pledge('ontime', { valueEur: 100e6, dueOn: '2024-12-31', donor: 'Norway' }, [
  { stage: 'committed', on: '2024-01-10', valueEur: 100e6 },
  { stage: 'delivered', on: '2024-11-30', valueEur: 100e6 },
]);

describe('pledgeProgress', () => {
  it('is cumulative along the pipeline and finds the completing delivery', () => {
    expect(pledgeProgress(cash)).toMatchObject({
      committedEur: 977e6,
      allocatedEur: 977e6,
      deliveredEur: 977e6,
      completedOn: '2025-03-31',
      complete: true,
    });
    expect(pledgeProgress(f16)).toMatchObject({
      committedQty: 30,
      deliveredQty: 2,
      complete: false,
      completedOn: undefined,
    });
    // a delivery with no allocation event still counts as allocated
    const p = pledge('x', { valueEur: 10 }, [{ stage: 'delivered', on: '2024-01-01', valueEur: 4 }]);
    expect(pledgeProgress(p)).toMatchObject({ committedEur: 10, allocatedEur: 4, deliveredEur: 4 });
  });
});

describe('groupMetrics', () => {
  const m = groupMetrics('all', [f16, cash, onTime], { asOf: '2026-01-01' });
  it('sums committed, allocated, delivered and backlog, and the fulfilment ratio', () => {
    expect(m.committedEur).toBe(977e6 + 100e6);
    expect(m.deliveredEur).toBe(977e6 + 100e6);
    expect(m.fulfilment).toBe(1);
    expect(m.backlogEur).toBe(0);
  });
  it('counts on-time and late pledges that are due, and measures slippage in months', () => {
    // cash completed 3 months late, ontime 1 month early, f16 not yet due
    expect([m.due, m.onTime, m.late, m.onTimeShare]).toEqual([2, 1, 1, 0.5]);
    expect(m.slippageMonths.n).toBe(2);
    expect(m.slippageMonths.p50).toBeCloseTo((3 - 1.0329) / 2, 1);
  });
  it('forecasts open pledges from the observed slippage', () => {
    expect(m.forecast.open).toBe(1);
    expect(m.forecast.basis).toBe('observed-slippage');
    expect(m.forecast.p10! <= m.forecast.p50! && m.forecast.p50! <= m.forecast.p90!).toBe(true);
    expect(m.forecast.p10! < '2028-12-31').toBe(true);
    expect(m.forecast.p90! > '2028-12-31').toBe(true);
  });
  it('counts overdue open pledges as late and reports how overdue they are', () => {
    const overdue = pledge('o', { valueEur: 5, dueOn: '2025-01-01' }, [
      { stage: 'committed', on: '2024-01-01', valueEur: 5 },
    ]);
    const g = groupMetrics('g', [overdue], { asOf: '2026-01-01' });
    expect([g.late, g.onTimeShare]).toEqual([1, 0]);
    expect(g.overdueMonths.p50).toBeCloseTo(12, 6);
    // no completion observed anywhere: the forecast cannot be earlier than today and has no spread
    expect(g.forecast).toEqual({
      open: 1,
      p10: '2026-01-01',
      p50: '2026-01-01',
      p90: '2026-01-01',
      basis: 'due-dates-only',
    });
  });
});

describe('metricsBy', () => {
  it('groups by donor, instrument and month', () => {
    expect(
      metricsBy([f16, cash, onTime], 'donor', { asOf: '2026-01-01' }).map((g) => [g.key, g.pledges]),
    ).toEqual([
      ['Belgium', 2],
      ['Norway', 1],
    ]);
    expect(
      metricsBy([f16, cash, onTime], 'instrument', { asOf: '2026-01-01' })
        .map((g) => g.key)
        .sort(),
    ).toEqual(['(none)', 'bsa-bel-2024']);
    expect(metricsBy([f16, onTime], 'month', { asOf: '2026-01-01' }).map((g) => g.key)).toEqual([
      '2024-01',
      '2024-05',
    ]);
  });
});

describe('forecastCompletion', () => {
  it('is monotone in the slippage sample: later delays never give an earlier forecast (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -12, max: 48, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0, max: 24, noNaN: true }),
        (slip, extra) => {
          const a = forecastCompletion(['2027-06-30', '2026-03-31'], slip, '2026-01-01');
          const b = forecastCompletion(
            ['2027-06-30', '2026-03-31'],
            slip.map((s) => s + extra),
            '2026-01-01',
          );
          expect(b.p50! >= a.p50!).toBe(true);
          expect(a.p10! <= a.p50! && a.p50! <= a.p90!).toBe(true);
        },
      ),
    );
  });
});

describe('quantile and the slippage sample', () => {
  it('interpolates linearly (type 7)', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([7], 0.9)).toBe(7);
  });
  it('takes completed pledges only', () => {
    expect(observedSlippage([f16, cash, onTime]).length).toBe(2);
  });
});

describe('ledgerMonthlyFlows', () => {
  it('sums event values by donor, month, category and stage in EUR bn', () => {
    const flows = ledgerMonthlyFlows([cash, onTime]);
    expect(
      flows.find((f) => f.donor === 'Belgium' && f.month === '2024-10' && f.measure === 'delivery')?.eurBn,
    ).toBeCloseTo(0.5, 12);
    expect(flows.filter((f) => f.measure === 'commitment').map((f) => f.donor)).toEqual([
      'Belgium',
      'Norway',
    ]);
  });
});
