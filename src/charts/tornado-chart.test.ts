import { describe, expect, it } from 'vitest';
import { fromTornado } from './from-deterrence.js';
import { renderSvg, svgDocument } from './render-svg.js';
import { tornadoChart } from './tornado-chart.js';

const document = svgDocument();
const tornado = {
  samples: 5000,
  seed: 1,
  baseline: 0.2,
  bars: [
    { name: 'success_ratio_50', group: 'g', low: 1, high: 3, atLow: 0.05, atHigh: 0.41, swing: 0.36 },
    { name: 'war_cost', group: 'g', low: 0.3, high: 0.9, atLow: 0.1, atHigh: 0.32, swing: 0.22 },
    { name: 'max_attack_hazard', group: 'g', low: 0.2, high: 0.6, atLow: 0.28, atHigh: 0.14, swing: 0.14 },
  ],
};

describe('tornadoChart', () => {
  it('draws bars from the baseline to each percentile (snapshot)', async () => {
    const rows = fromTornado(tornado);
    expect(rows[0]).toEqual({ name: 'success_ratio_50', low: 0.05, high: 0.41, base: 0.2 });
    const svg = renderSvg(tornadoChart(rows, { document }));
    await expect(svg).toMatchFileSnapshot('__snapshots__/tornado.svg');
    expect(svg).toContain('baseline 20.0%');
    expect(svg).toContain('input at its 10th percentile');
    expect(svg).toContain('(%)');
    expect(svg.match(/<rect /g)!.length).toBeGreaterThanOrEqual(6);
  });

  it('keeps only the top bars', () => {
    expect(fromTornado(tornado, 2).map((r) => r.name)).toEqual(['success_ratio_50', 'war_cost']);
  });

  it('refuses empty rows, NaN and duplicate names', () => {
    expect(() => tornadoChart([], { document })).toThrow(/rows is empty/);
    expect(() => tornadoChart([{ name: 'a', low: Number.NaN, high: 0.3, base: 0.2 }], { document })).toThrow(
      /row 'a' low is NaN/,
    );
    const dup = { name: 'a', low: 0.1, high: 0.3, base: 0.2 };
    expect(() => tornadoChart([dup, dup], { document })).toThrow(/unique/);
  });
});
