import { describe, expect, it } from 'vitest';
import { lookupDonor } from './donors.js';
import { kielCoverage } from './kiel-coverage.js';
import type { LedgerPledge } from './ledger.js';
import type { MonthlyFlow } from './metrics.js';

const flow = (month: string, aidType: string, eurBn: number, donor = 'Belgium'): MonthlyFlow => ({
  donor,
  month,
  aidType,
  measure: 'allocation',
  eurBn,
});
const pledge: LedgerPledge = {
  key: 'p',
  donor: 'Belgium',
  category: 'military',
  evidence: 'verified',
  valueEur: 1e9,
  committedOn: '2024-05-28',
  dueOn: '2024-12-31',
  events: [],
};

describe('kielCoverage', () => {
  it('sums the donor military allocations from 1 January of the signing year to the due month', () => {
    const flows = [
      flow('2023-12', 'military', 5),
      flow('2024-01', 'military', 0.25),
      flow('2024-12', 'military', 0.5),
      flow('2024-06', 'total', 9),
      flow('2024-06', 'military', 9, 'Norway'),
      flow('2025-01', 'military', 3),
    ];
    expect(kielCoverage(pledge, flows)).toEqual({
      from: '2024-01',
      to: '2024-12',
      aidType: 'military',
      allocatedEur: 0.75e9,
      ratio: 0.75,
      partial: false,
    });
  });
  it('marks the period partial when Kiel stops before the due date, and skips counts and unknown donors', () => {
    expect(kielCoverage({ ...pledge, dueOn: '2027-12-31' }, [flow('2024-03', 'military', 1)])?.partial).toBe(
      true,
    );
    expect(
      kielCoverage({ ...pledge, valueEur: undefined, quantity: 30 }, [flow('2024-03', 'military', 1)]),
    ).toBeUndefined();
    expect(kielCoverage(pledge, [flow('2024-03', 'military', 1, 'Norway')])).toBeUndefined();
  });
});

describe('lookupDonor', () => {
  it('matches names, ISO codes and aliases case-insensitively, and suggests close names', () => {
    expect(lookupDonor('türkiye')).toMatchObject({ ok: true, donor: { name: 'Turkiye' } });
    expect(lookupDonor('GBR')).toMatchObject({ ok: true, donor: { name: 'United Kingdom' } });
    expect(lookupDonor('  the   netherlands ')).toMatchObject({ ok: true, donor: { name: 'Netherlands' } });
    expect(lookupDonor('Germnay')).toEqual({ ok: false, suggestion: 'Germany' });
    expect(lookupDonor('Atlantis')).toEqual({ ok: false });
  });
});
