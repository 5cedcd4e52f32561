// a distribution as a histogram: bins of [x0, x1) with counts (or fractions); the y axis is always the share of
// the total, so counts and the engine's sketch fractions draw the same way

import * as Plot from '@observablehq/plot';
import { type ChartOptions, chartDocument, chartHeight, chartWidth } from './chart-options.js';
import { finish, header, pctText } from './frame.js';
import { seriesColor } from './palette.js';
import { requireFinite, requireRows, requireText } from './validate.js';

export interface HistogramBin {
  x0: number;
  x1: number;
  /** a count or a fraction (>= 0); shares are computed over all bins */
  count: number;
}

export interface Histogram {
  /** what is distributed, with its unit, e.g. 'cost (USD bn)'; the x-axis label */
  label: string;
  bins: HistogramBin[];
}

export interface HistogramOptions extends ChartOptions {
  /** the values are probabilities: show the x axis in % */
  percentX?: boolean;
}

const NAME = 'histogramChart';

/**
 * @example histogramChart(binValues('P(no attack), per case', values, { bins: 10, domain: [0, 1] }), { document, percentX: true })
 */
export function histogramChart(values: Histogram, opts: HistogramOptions = {}): SVGSVGElement {
  const document = chartDocument(NAME, opts);
  const label = requireText(NAME, 'label', values?.label);
  requireRows(NAME, 'bins', values.bins);
  values.bins.forEach((b, i) => {
    const x0 = requireFinite(NAME, `bin ${i} x0`, b?.x0);
    const x1 = requireFinite(NAME, `bin ${i} x1`, b.x1);
    const c = requireFinite(NAME, `bin ${i} count`, b.count);
    if (!(x1 > x0)) requireFinite(NAME, `bin ${i} (x1 ${x1} must be above x0 ${x0})`, Number.NaN);
    if (c < 0) requireFinite(NAME, `bin ${i} count (${c} < 0)`, Number.NaN);
  });
  const total = values.bins.reduce((s, b) => s + b.count, 0);
  if (!(total > 0)) requireFinite(NAME, 'the total over all bins (0: nothing to draw)', Number.NaN);
  const bins = values.bins.map((b) => ({ ...b, share: b.count / total }));
  const width = chartWidth(NAME, opts);
  const marginLeft = 56;
  const top = header(width, marginLeft, opts.title, []);
  const el = Plot.plot({
    document,
    width,
    height: chartHeight(NAME, opts, 300 + top.marginTop - 20),
    marginLeft,
    marginTop: Math.max(top.marginTop, 20),
    marginBottom: 40,
    x: {
      label: opts.percentX ? `${label} (%)` : label,
      percent: opts.percentX ?? false,
      labelArrow: 'none',
    },
    y: { percent: true, grid: true, label: 'share (%)', labelAnchor: 'center', labelArrow: 'none' },
    marks: [
      Plot.rectY(bins, {
        x1: 'x0',
        x2: 'x1',
        y: 'share',
        fill: seriesColor(0),
        insetLeft: 0.5,
        insetRight: 0.5,
      }),
      Plot.ruleY([0]),
    ],
  });
  const mode = bins.reduce((a, b) => (b.share > a.share ? b : a));
  const fmt = (x: number) => (opts.percentX ? pctText(x) : String(Number(x.toPrecision(3))));
  return finish(el, {
    label: opts.title ?? `Distribution of ${label}`,
    description: `Histogram of ${label} in ${bins.length} bins from ${fmt(bins[0]!.x0)} to ${fmt(bins[bins.length - 1]!.x1)}; the tallest bin, ${fmt(mode.x0)} to ${fmt(mode.x1)}, holds ${pctText(mode.share)}.`,
    idPrefix: opts.idPrefix ?? 'histogram',
    override: opts.description,
    header: top,
  });
}

/** equal-width bins over [lo, hi] (default: the values' range); NaN values are refused */
export function binValues(
  label: string,
  values: readonly number[],
  o: { bins?: number; domain?: [number, number] } = {},
): Histogram {
  requireRows(NAME, 'values', values);
  values.forEach((v, i) => {
    requireFinite(NAME, `value ${i}`, v);
  });
  const n = Math.max(1, Math.floor(o.bins ?? 20));
  let [lo, hi] = o.domain ?? [Math.min(...values), Math.max(...values)];
  if (hi <= lo) {
    lo -= 0.5;
    hi += 0.5;
  }
  const w = (hi - lo) / n;
  const bins: HistogramBin[] = Array.from({ length: n }, (_, i) => ({
    x0: lo + i * w,
    x1: i === n - 1 ? hi : lo + (i + 1) * w,
    count: 0,
  }));
  for (const v of values) {
    if (v < lo || v > hi) continue;
    const i = Math.min(n - 1, Math.floor((v - lo) / w));
    bins[i]!.count++;
  }
  return { label, bins };
}
