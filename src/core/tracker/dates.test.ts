import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, monthsBetween, parseDate } from './dates.js';

describe('parseDate', () => {
  it('accepts ISO and day-first dates and normalises them', () => {
    expect(parseDate('2024-5-7')).toEqual({ ok: true, iso: '2024-05-07' });
    expect(parseDate('07.05.2024')).toEqual({ ok: true, iso: '2024-05-07' });
    expect(parseDate('29/02/2024')).toEqual({ ok: true, iso: '2024-02-29' });
  });

  it('rejects impossible and malformed dates with a reason', () => {
    expect(parseDate('2024-02-30')).toEqual({
      ok: false,
      message: "'2024-02-30' is not a real date: February 2024 has 29 days",
    });
    expect(parseDate('2023-02-29')).toMatchObject({ ok: false });
    expect(parseDate('2024-13-01')).toEqual({
      ok: false,
      message: "'2024-13-01' has month 13; months run 1-12",
    });
    expect(parseDate('yesterday')).toMatchObject({ ok: false });
    expect(parseDate('1024-01-01')).toMatchObject({ ok: false });
  });
});

describe('month arithmetic', () => {
  it('adds months clamping to the month end', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-12-31', 12)).toBe('2025-12-31');
    expect(addMonths('2024-03-15', -3)).toBe('2023-12-15');
  });

  it('monthsBetween inverts whole-month addAmonths within a day (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2020, max: 2035 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: -60, max: 60 }),
        (y, m, d, k) => {
          const a = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          // tolerance: day-of-month clamping is impossible for d <= 28, so the round trip is exact
          expect(Math.abs(monthsBetween(a, addMonths(a, k)) - k)).toBeLessThan(1e-9);
        },
      ),
    );
  });
});
