import { describe, expect, it } from 'vitest';
import { backtestForecastHistogram } from './from-backtest.js';
import { fromSummaryHistogram } from './from-summary.js';
import { binValues, histogramChart } from './histogram-chart.js';
import { renderSvg, svgDocument } from './render-svg.js';

const document = svgDocument();

describe('histogramChart', () => {
  it('bins values into equal-width bins, the last one closed', () => {
    const h = binValues('x', [0, 0.1, 0.5, 0.99, 1], { bins: 4, domain: [0, 1] });
    expect(h.bins.map((b) => b.count)).toEqual([2, 0, 1, 2]);
    expect(h.bins[0]).toEqual({ x0: 0, x1: 0.25, count: 2 });
  });

  it('adapts the engine summary and the back-test cases', () => {
    const h = fromSummaryHistogram('cost (USD bn)', {
      histogram: { edges: [0, 1, 2], fractions: [0.25, 0.75], below: 0, above: 0 },
    });
    expect(h.bins).toEqual([
      { x0: 0, x1: 1, count: 0.25 },
      { x0: 1, x1: 2, count: 0.75 },
    ]);
    const b = backtestForecastHistogram({
      calibrationTable: [],
      cases: [{ pNoAttackHeldOut: 0.95 }, { pNoAttackHeldOut: 0.5 }, { pNoAttackHeldOut: null }],
    });
    expect(b.bins.map((x) => x.count)).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
  });

  it('draws shares of the total (snapshot)', async () => {
    const values = Array.from({ length: 200 }, (_, i) => Math.sin(i) * Math.sin(i * 0.37) * 0.5 + 0.5);
    const svg = renderSvg(
      histogramChart(binValues('P(no attack), per draw', values, { bins: 10, domain: [0, 1] }), {
        document,
        percentX: true,
      }),
    );
    await expect(svg).toMatchFileSnapshot('__snapshots__/histogram.svg');
    expect(svg).toContain('share (%)');
    expect(svg).toContain('P(no attack), per draw (%)');
    expect(svg.match(/<rect /g)).toHaveLength(10);
  });

  it('refuses empty bins, NaN, inverted and all-zero bins', () => {
    expect(() => histogramChart({ label: 'x', bins: [] }, { document })).toThrow(/bins is empty/);
    expect(() =>
      histogramChart({ label: 'x', bins: [{ x0: 0, x1: 1, count: Number.NaN }] }, { document }),
    ).toThrow(/bin 0 count is NaN/);
    expect(() => histogramChart({ label: 'x', bins: [{ x0: 1, x1: 0, count: 1 }] }, { document })).toThrow(
      /must be above x0/,
    );
    expect(() => histogramChart({ label: 'x', bins: [{ x0: 0, x1: 1, count: 0 }] }, { document })).toThrow(
      /nothing to draw/,
    );
    expect(() => binValues('x', [1, Number.NaN])).toThrow(/value 1 is NaN/);
  });
});
