import { describe, expect, it } from 'vitest';
import { auc, baseRateBrier, brier, calibrationBins, leaveOneOut, logLoss, looBaseRate } from './metrics.js';

const xs = [
  { p: 0.9, y: true },
  { p: 0.6, y: false },
  { p: 0.3, y: true },
  { p: 0.1, y: false },
];

describe('brier', () => {
  it('is the mean squared error, computed by hand', () => {
    // (0.1^2 + 0.6^2 + 0.7^2 + 0.1^2) / 4 = (0.01 + 0.36 + 0.49 + 0.01) / 4 = 0.2175
    expect(brier(xs)).toBeCloseTo(0.2175, 12);
  });
  it('is 0 for perfect forecasts and 1 for perfectly wrong ones', () => {
    expect(
      brier([
        { p: 1, y: true },
        { p: 0, y: false },
      ]),
    ).toBe(0);
    expect(
      brier([
        { p: 0, y: true },
        { p: 1, y: false },
      ]),
    ).toBe(1);
  });
  it('rejects a forecast outside [0, 1]', () => {
    expect(() => brier([{ p: 1.2, y: true }])).toThrow(/probability/);
  });
});

describe('base rates', () => {
  it('in-sample base rate Brier is p(1 - p)', () => {
    expect(baseRateBrier(xs)).toBeCloseTo(0.25, 12); // rate 1/2
    const three = [...xs.slice(0, 3)]; // 2 of 3 events: (1/3)^2*2 + (2/3)^2 over 3 = 2/9
    expect(baseRateBrier(three)).toBeCloseTo(2 / 9, 12);
  });
  it('leave-one-out base rate leaves the case out', () => {
    // events 2 of 4: an event case sees 1/3, a non-event case 2/3
    expect(looBaseRate(xs).map((x) => x.p)).toEqual([1 / 3, 2 / 3, 1 / 3, 2 / 3]);
    // which scores worse than the in-sample rate, as it should
    expect(brier(looBaseRate(xs))).toBeGreaterThan(baseRateBrier(xs));
  });
});

describe('auc', () => {
  it('counts ordered pairs, by hand', () => {
    // events {0.9, 0.3}, non-events {0.6, 0.1}: pairs won 0.9>0.6, 0.9>0.1, 0.3>0.1; lost 0.3<0.6 -> 3/4
    expect(auc(xs)).toBe(0.75);
  });
  it('counts ties as one half and is NaN without both classes', () => {
    expect(
      auc([
        { p: 0.5, y: true },
        { p: 0.5, y: false },
      ]),
    ).toBe(0.5);
    expect(auc([{ p: 0.5, y: true }])).toBeNaN();
  });
  it('is 1 for a perfect ranking and 0 for a reversed one', () => {
    expect(
      auc([
        { p: 0.8, y: true },
        { p: 0.2, y: false },
      ]),
    ).toBe(1);
    expect(
      auc([
        { p: 0.2, y: true },
        { p: 0.8, y: false },
      ]),
    ).toBe(0);
  });
});

describe('logLoss', () => {
  it('matches the hand value and clips certain misses', () => {
    expect(logLoss([{ p: 0.5, y: true }])).toBeCloseTo(Math.LN2, 12);
    expect(logLoss([{ p: 0, y: true }], 1e-4)).toBeCloseTo(-Math.log(1e-4), 12);
  });
});

describe('calibrationBins', () => {
  it('bins forecasts and reports mean forecast and observed rate', () => {
    const b = calibrationBins(xs, 2);
    expect(b[0]).toMatchObject({ lo: 0, hi: 0.5, n: 2, observed: 0.5 });
    expect(b[0]!.meanForecast).toBeCloseTo(0.2, 12);
    expect(b[1]).toMatchObject({ n: 2, observed: 0.5 });
    expect(b[1]!.meanForecast).toBeCloseTo(0.75, 12);
  });
  it('puts a forecast of exactly 1 in the last bin and leaves empty bins null', () => {
    const b = calibrationBins([{ p: 1, y: true }], 4);
    expect(b[3]!.n).toBe(1);
    expect(b[0]).toMatchObject({ n: 0, meanForecast: null, observed: null });
  });
});

describe('leaveOneOut', () => {
  it('never lets the held-out case into the fit', () => {
    const ys = [1, 0, 0, 1, 1];
    const { forecasts, models } = leaveOneOut(
      ys.length,
      (train) => train.reduce((s, j) => s + ys[j]!, 0) / train.length,
      (m) => m,
    );
    expect(forecasts).toEqual([2 / 4, 3 / 4, 3 / 4, 2 / 4, 2 / 4]);
    expect(models).toHaveLength(5);
  });
});
