import { describe, expect, it } from 'vitest';
import { calibrationChart } from './calibration-chart.js';
import { fromBacktest } from './from-backtest.js';
import { renderSvg, svgDocument } from './render-svg.js';

const document = svgDocument();

const backtest = {
  calibrationTable: [
    { lo: 0, hi: 0.2, n: 8, meanForecast: 0.1211, observed: 0.125 },
    { lo: 0.2, hi: 0.4, n: 7, meanForecast: 0.3374, observed: 0.2857 },
    { lo: 0.4, hi: 0.6, n: 17, meanForecast: 0.4663, observed: 0.4118 },
    { lo: 0.6, hi: 0.8, n: 0, meanForecast: null, observed: null },
  ],
};

describe('calibrationChart', () => {
  it('adapts the back-test table, dropping empty bins', () => {
    expect(fromBacktest(backtest)).toEqual([
      { bin: '0-20%', predicted: 0.1211, observed: 0.125, n: 8 },
      { bin: '20-40%', predicted: 0.3374, observed: 0.2857, n: 7 },
      { bin: '40-60%', predicted: 0.4663, observed: 0.4118, n: 17 },
    ]);
  });

  it('draws forecast against observed with the diagonal (snapshot)', async () => {
    const svg = renderSvg(calibrationChart(fromBacktest(backtest), { document }));
    await expect(svg).toMatchFileSnapshot('__snapshots__/calibration.svg');
    expect(svg).toContain('mean forecast P(attack) (%)');
    expect(svg).toContain('n=17');
    expect(svg.match(/<circle /g)!.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses empty rows, NaN, probabilities outside 0..1 and empty bins', () => {
    expect(() => calibrationChart([], { document })).toThrow(/rows is empty/);
    const row = { bin: 'b', predicted: 0.5, observed: 0.5, n: 3 };
    expect(() => calibrationChart([{ ...row, observed: Number.NaN }], { document })).toThrow(
      /observed is NaN/,
    );
    expect(() => calibrationChart([{ ...row, predicted: 1.5 }], { document })).toThrow(/outside 0..1/);
    expect(() => calibrationChart([{ ...row, n: 0 }], { document })).toThrow(/leave empty bins out/);
  });
});
