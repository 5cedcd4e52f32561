import { describe, expect, it } from 'vitest';
import { fromSimulationReport } from './from-deterrence.js';
import { renderSvg, svgDocument } from './render-svg.js';
import { type SurvivalSeries, survivalChart } from './survival-chart.js';

const document = svgDocument();

// fixed data: a geometric decay with a widening band
const series = (label: string, a: number): SurvivalSeries => ({
  label,
  points: Array.from({ length: 10 }, (_, i) => ({
    year: i + 1,
    mean: Number((a ** (i + 1)).toFixed(4)),
    p5: Number(((a - 0.05) ** (i + 1)).toFixed(4)),
    p95: Number(Math.min(1, (a + 0.03) ** (i + 1)).toFixed(4)),
  })),
});

describe('survivalChart', () => {
  it('draws one series with its band (snapshot)', async () => {
    const svg = renderSvg(survivalChart([series('s08', 0.95)], { document, title: 'Reassurance force' }));
    await expect(svg).toMatchFileSnapshot('__snapshots__/survival.svg');
    expect(svg).toContain('<title>Reassurance force</title>');
    expect(svg).toContain('role="img"');
    expect(svg).toContain('P(no renewed major attack) (%)');
    expect(svg).toContain('59.9% after year 10');
  });

  it('overlays several series with a legend entry each (snapshot)', async () => {
    const svg = renderSvg(survivalChart([series('s01', 0.95), series('s08', 0.9)], { document }));
    await expect(svg).toMatchFileSnapshot('__snapshots__/survival-compare.svg');
    expect(svg.match(/<g fill="#[0-9A-F]{6}" fill-opacity="0.12">/g)).toHaveLength(2);
    expect(svg.match(/<g fill="none" stroke="#[0-9A-F]{6}" stroke-width="2"/g)).toHaveLength(2);
    // Plot's per-mark names are stripped: the image has one accessible name
    expect(svg.match(/aria-label=/g)).toHaveLength(1);
    expect(svg).toContain('>s01</text>');
    expect(svg).toContain('>s08</text>');
  });

  it('is deterministic: the same data gives the same SVG', () => {
    const a = renderSvg(survivalChart([series('x', 0.9)], { document }));
    const b = renderSvg(survivalChart([series('x', 0.9)], { document }));
    expect(a).toBe(b);
  });

  it('adapts a simulate report', () => {
    const s = fromSimulationReport({
      scenario: 's01',
      survival: [
        { year: 1, mean: 0.9, p5: 0.8, p95: 0.95 },
        { year: 2, mean: 0.8, p5: 0.7, p95: 0.9 },
      ],
    });
    expect(s).toEqual({
      label: 's01',
      points: [
        { year: 1, mean: 0.9, p5: 0.8, p95: 0.95 },
        { year: 2, mean: 0.8, p5: 0.7, p95: 0.9 },
      ],
    });
  });

  it('refuses empty input, NaN, inverted bands and probabilities above 1', () => {
    expect(() => survivalChart([], { document })).toThrowErrorMatchingInlineSnapshot(
      `[GuarantorError: survivalChart: series is empty; there is nothing to draw]`,
    );
    expect(() => survivalChart([{ label: 'a', points: [] }], { document })).toThrow(/points is empty/);
    const nan = series('a', 0.9);
    nan.points[3]!.mean = Number.NaN;
    expect(() => survivalChart([nan], { document })).toThrowErrorMatchingInlineSnapshot(
      `[GuarantorError: survivalChart: series 'a' point 3 mean is NaN; every value must be a finite number]`,
    );
    const inverted = series('a', 0.9);
    inverted.points[0] = { year: 1, mean: 0.5, p5: 0.6, p95: 0.4 };
    expect(() => survivalChart([inverted], { document })).toThrow(
      /lower bound 0.6 is above the upper bound 0.4/,
    );
    const big = series('a', 0.9);
    big.points[0]!.p95 = 1.2;
    expect(() => survivalChart([big], { document })).toThrow(/outside 0..1/);
  });

  it('needs a document outside the browser', () => {
    expect(() => survivalChart([series('a', 0.9)])).toThrow(/no DOM document/);
  });
});

describe('chart options', () => {
  it('takes a description, a size and an id prefix', () => {
    const svg = renderSvg(
      survivalChart([series('a', 0.9)], { document, description: 'My words.', width: 400, height: 250 }),
    );
    expect(svg).toContain('<desc>My words.</desc>');
    expect(svg).toContain('width="400" height="250"');
    expect(() => survivalChart([series('a', 0.9)], { document, width: 10 })).toThrow(/width must be/);
  });
});
