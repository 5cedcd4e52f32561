import { describe, expect, it } from 'vitest';
import { barsChart } from './bars-chart.js';
import { fromMetricGroups, fromTrackerStatus } from './from-tracker.js';
import { renderSvg, svgDocument } from './render-svg.js';

const document = svgDocument();

const status = {
  donors: [
    { donor: 'Germany', kielCommittedEurBn: 48, kielAllocatedEurBn: 30 },
    { donor: 'United States', kielCommittedEurBn: 119, kielAllocatedEurBn: 115 },
    { donor: 'Nowhere', kielCommittedEurBn: null, kielAllocatedEurBn: null },
    { donor: 'Norway', kielCommittedEurBn: 25, kielAllocatedEurBn: 10 },
  ],
};

describe('barsChart', () => {
  it('adapts tracker status: biggest committers first, donors without Kiel data left out', () => {
    const rows = fromTrackerStatus(status, { top: 2 });
    expect(rows).toEqual([
      { label: 'United States', group: 'committed (Kiel)', value: 119 },
      { label: 'United States', group: 'allocated (Kiel)', value: 115 },
      { label: 'Germany', group: 'committed (Kiel)', value: 48 },
      { label: 'Germany', group: 'allocated (Kiel)', value: 30 },
    ]);
  });

  it('draws grouped bars side by side (snapshot)', async () => {
    const svg = renderSvg(
      barsChart(fromTrackerStatus(status), { document, title: 'Committed vs allocated' }),
    );
    await expect(svg).toMatchFileSnapshot('__snapshots__/bars-grouped.svg');
    expect(svg).toContain('committed (Kiel)');
    expect(svg).toContain('>EUR bn<');
  });

  it('draws plain bars, and shares as % (snapshot)', async () => {
    const groups = [
      { key: 'military', committedEurBn: 4, allocatedEurBn: 3, deliveredEurBn: 1 },
      { key: 'financial', committedEurBn: 2, allocatedEurBn: 2, deliveredEurBn: 2 },
    ];
    expect(fromMetricGroups(groups)).toHaveLength(6);
    const svg = renderSvg(
      barsChart(
        groups.map((g) => ({ label: g.key, value: g.deliveredEurBn / g.committedEurBn })),
        { document, xLabel: 'fulfilment', percent: true },
      ),
    );
    await expect(svg).toMatchFileSnapshot('__snapshots__/bars.svg');
    expect(svg).toContain('fulfilment (%)');
    expect(svg).toContain('military 25.0%');
  });

  it('refuses empty rows, NaN, duplicates and mixed grouping', () => {
    expect(() => barsChart([], { document })).toThrow(/rows is empty/);
    expect(() => barsChart([{ label: 'a', value: Number.NaN }], { document })).toThrow(/'a' value is NaN/);
    expect(() =>
      barsChart(
        [
          { label: 'a', value: 1 },
          { label: 'a', value: 2 },
        ],
        { document },
      ),
    ).toThrow(/once/);
    expect(() =>
      barsChart(
        [
          { label: 'a', value: 1, group: 'g' },
          { label: 'b', value: 2 },
        ],
        { document },
      ),
    ).toThrow(/every row has a group or none/);
  });
});
