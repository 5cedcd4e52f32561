import { describe, expect, it } from 'vitest';
import { fromMonthlyFlows } from './from-tracker.js';
import { renderSvg, svgDocument } from './render-svg.js';
import { trackerChart } from './tracker-chart.js';

const document = svgDocument();

// Kiel-shaped rows: parts and a 'total' per month; the adapter must sum totals only
const kiel = {
  from: 'kiel',
  unit: 'EUR bn',
  rows: [
    { donor: 'A', month: '2022-03', aidType: 'military', measure: 'allocation', eurBn: 1 },
    { donor: 'A', month: '2022-03', aidType: 'total', measure: 'allocation', eurBn: 1.5 },
    { donor: 'A', month: '2022-03', aidType: 'total', measure: 'commitment', eurBn: 2 },
    { donor: 'B', month: '2022-03', aidType: 'total', measure: 'allocation', eurBn: 0.5 },
    { donor: 'A', month: '2022-05', aidType: 'total', measure: 'allocation', eurBn: 1 },
    { donor: 'A', month: '2022-05', aidType: 'total', measure: 'commitment', eurBn: 3 },
  ],
};

// ledger-shaped rows: no totals, deliveries present
const ledger = [
  { donor: 'A', month: '2024-01', aidType: 'military', measure: 'commitment', eurBn: 2 },
  { donor: 'A', month: '2024-02', aidType: 'financial', measure: 'allocation', eurBn: 1 },
  { donor: 'A', month: '2024-06', aidType: 'military', measure: 'delivery', eurBn: 0.5 },
];

describe('trackerChart', () => {
  it('adapts Kiel flows: totals only, cumulative, no delivery series', () => {
    expect(fromMonthlyFlows(kiel)).toEqual([
      { month: '2022-03', committed: 2, allocated: 2 },
      { month: '2022-05', committed: 5, allocated: 3 },
    ]);
    expect(fromMonthlyFlows(kiel, { donor: 'B' })).toEqual([
      { month: '2022-03', committed: 0, allocated: 0.5 },
    ]);
    expect(fromMonthlyFlows(kiel, { aidType: 'military' })).toEqual([
      { month: '2022-03', committed: 0, allocated: 1 },
    ]);
  });

  it('adapts ledger flows with deliveries', () => {
    expect(fromMonthlyFlows(ledger)).toEqual([
      { month: '2024-01', committed: 2, allocated: 0, delivered: 0 },
      { month: '2024-02', committed: 2, allocated: 1, delivered: 0 },
      { month: '2024-06', committed: 2, allocated: 1, delivered: 0.5 },
    ]);
  });

  it('draws cumulative lines (snapshot)', async () => {
    const svg = renderSvg(trackerChart(fromMonthlyFlows(ledger), { document, title: 'Ledger' }));
    await expect(svg).toMatchFileSnapshot('__snapshots__/tracker.svg');
    expect(svg.match(/<g fill="none" stroke="#[0-9A-F]{6}" stroke-width="2"/g)).toHaveLength(3);
    expect(svg).toContain('cumulative EUR bn');
    const kielSvg = renderSvg(trackerChart(fromMonthlyFlows(kiel), { document }));
    expect(kielSvg.match(/<g fill="none" stroke="#[0-9A-F]{6}" stroke-width="2"/g)).toHaveLength(2);
    expect(kielSvg).toContain('No delivery series');
  });

  it('refuses empty rows, NaN and bad months', () => {
    expect(() => trackerChart([], { document })).toThrow(/rows is empty/);
    expect(() =>
      trackerChart([{ month: '2024-01', committed: Number.NaN, allocated: 1 }], { document }),
    ).toThrow(/committed is NaN/);
    expect(() => trackerChart([{ month: '2024-13', committed: 1, allocated: 1 }], { document })).toThrow(
      /not YYYY-MM/,
    );
  });
});
