import { describe, expect, it } from 'vitest';
import type { SimulationReport, StressReport } from '../core/deterrence/simulate.js';
import { fromStressReport, survivalFromStressReport } from './from-deterrence.js';
import { renderSvg, svgDocument } from './render-svg.js';
import { stressChart } from './stress-chart.js';

const document = svgDocument();

const rep = (mean: number, p5: number, p95: number) =>
  ({
    scenario: 's08',
    pNoAttack: { mean, p5, p95 },
    survival: [{ year: 1, mean: 0.9, p5: 0.8, p95: 0.95 }],
  }) as unknown as SimulationReport;

const report = {
  baseline: rep(0.4, 0.1, 0.8),
  tests: [
    {
      ...rep(0.3, 0.05, 0.7),
      name: 'lead-nation-government-change',
      deltaPNoAttack: -0.1,
      deltaPSuccessGivenAttack: 0,
    },
    {
      ...rep(0.35, 0.08, 0.75),
      name: 'force-generation-slips',
      deltaPNoAttack: -0.05,
      deltaPSuccessGivenAttack: 0,
    },
  ],
} as unknown as StressReport;

describe('stressChart', () => {
  it('draws each test against the baseline (snapshot)', async () => {
    const rows = fromStressReport(report);
    expect(rows.map((r) => r.shock)).toEqual([
      'baseline',
      'lead-nation-government-change',
      'force-generation-slips',
    ]);
    expect(rows[1]).toEqual({ shock: 'lead-nation-government-change', pNoAttack: 0.3, p5: 0.05, p95: 0.7 });
    const svg = renderSvg(stressChart(rows, { document }));
    await expect(svg).toMatchFileSnapshot('__snapshots__/stress.svg');
    expect(svg).toContain('baseline 40.0%');
    expect(svg).toContain('Lowest: lead-nation-government-change at 30.0%');
  });

  it('gives the survival overlay of the baseline and the tests', () => {
    expect(survivalFromStressReport(report).map((s) => s.label)).toEqual([
      'baseline',
      'lead-nation-government-change',
      'force-generation-slips',
    ]);
  });

  it('refuses empty rows, NaN and inverted intervals', () => {
    expect(() => stressChart([], { document })).toThrow(/rows is empty/);
    expect(() => stressChart([{ shock: 'a', pNoAttack: Number.NaN, p5: 0, p95: 1 }], { document })).toThrow(
      /NaN/,
    );
    expect(() => stressChart([{ shock: 'a', pNoAttack: 0.5, p5: 0.9, p95: 0.1 }], { document })).toThrow(
      /lower bound/,
    );
  });
});
