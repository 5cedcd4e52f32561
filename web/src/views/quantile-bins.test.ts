import { describe, expect, it } from 'vitest';
import { quantileBins } from './simulation';

describe('histogram bins from reported percentiles', () => {
  it('gives each inter-percentile range its share of the draws', () => {
    expect(
      quantileBins([
        { level: 0.05, value: 0.4 },
        { level: 0.25, value: 0.5 },
        { level: 0.5, value: 0.56 },
        { level: 0.75, value: 0.64 },
        { level: 0.95, value: 0.76 },
      ]),
    ).toEqual([
      { x0: 0.4, x1: 0.5, count: 20 },
      { x0: 0.5, x1: 0.56, count: 25 },
      { x0: 0.56, x1: 0.64, count: 25 },
      { x0: 0.64, x1: 0.76, count: 20 },
    ]);
  });

  it('drops empty ranges (tied percentiles) instead of drawing zero-width bars', () => {
    expect(
      quantileBins([
        { level: 0.05, value: 0 },
        { level: 0.5, value: 0 },
        { level: 0.95, value: 0.3 },
      ]),
    ).toEqual([{ x0: 0, x1: 0.3, count: 45 }]);
  });
});
