import { describe, expect, it } from 'vitest';
import { attributionChart } from './attribution-chart.js';
import { fromAttribution } from './from-deterrence.js';
import { renderSvg, svgDocument } from './render-svg.js';

const document = svgDocument();
const attribution = {
  samples: 5000,
  shapleySamples: 5000,
  seed: 1,
  all: 0.3,
  none: 0.1,
  method: 'm',
  instruments: [
    {
      id: 'force',
      title: 'Multinational reassurance force in the rear',
      ablation: 0.12,
      alone: 0.15,
      shapley: 0.13,
    },
    { id: 'air', title: 'Coalition air policing', ablation: 0.04, alone: 0.06, shapley: 0.05 },
    { id: 'sea', title: 'Black Sea demining task force', ablation: -0.01, alone: 0.01, shapley: 0.02 },
  ],
};

describe('attributionChart', () => {
  it('draws ablation and Shapley bars per instrument (snapshot)', async () => {
    const rows = fromAttribution(attribution);
    expect(rows.map((r) => r.instrument)).toEqual([
      'Multinational reassurance force in the rear',
      'Coalition air policing',
      'Black Sea demining task force',
    ]);
    const svg = renderSvg(attributionChart(rows, { document }));
    await expect(svg).toMatchFileSnapshot('__snapshots__/attribution.svg');
    expect(svg).toContain('Shapley value');
    expect(svg).toContain('percentage points');
    expect(svg.match(/<rect /g)!.length).toBeGreaterThanOrEqual(6);
  });

  it('draws ablation only when Shapley values are absent (more than 12 instruments)', () => {
    const rows = fromAttribution({
      ...attribution,
      instruments: attribution.instruments.map(({ shapley: _s, ...i }) => i),
    });
    expect(rows.every((r) => r.shapley === undefined)).toBe(true);
    const svg = renderSvg(attributionChart(rows, { document }));
    expect(svg).not.toContain('Shapley value');
  });

  it('falls back to ids when titles repeat', () => {
    const same = { ...attribution, instruments: attribution.instruments.map((i) => ({ ...i, title: 'x' })) };
    expect(fromAttribution(same).map((r) => r.instrument)).toEqual(['force', 'air', 'sea']);
  });

  it('refuses empty rows and NaN', () => {
    expect(() => attributionChart([], { document })).toThrow(/rows is empty/);
    expect(() => attributionChart([{ instrument: 'a', ablation: Number.NaN }], { document })).toThrow(
      /'a' ablation is NaN/,
    );
    expect(() =>
      attributionChart([{ instrument: 'a', ablation: 0.1, shapley: Number.POSITIVE_INFINITY }], { document }),
    ).toThrow(/'a' shapley is Infinity/);
  });
});
