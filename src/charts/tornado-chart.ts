// tornado: P(no attack) with each uncertain input fixed at its 10th and at its 90th percentile, bars drawn from
// the baseline, biggest swing on top (rows are drawn in the order given)

import * as Plot from '@observablehq/plot';
import { type ChartOptions, chartDocument, chartHeight, chartWidth } from './chart-options.js';
import { finish, fitLabel, header, pctText, textWidth } from './frame.js';
import { MUTED, seriesColor } from './palette.js';
import { requireFinite, requireRows, requireText } from './validate.js';

export interface TornadoRow {
  /** the input's name */
  name: string;
  /** P(no attack) with the input at its 10th percentile */
  low: number;
  /** P(no attack) with the input at its 90th percentile */
  high: number;
  /** P(no attack) with every input uncertain */
  base: number;
}

const NAME = 'tornadoChart';
const ROW = 22;

/**
 * @example tornadoChart(fromTornado(sensitivity.tornado, 12), { document })
 */
export function tornadoChart(rows: TornadoRow[], opts: ChartOptions = {}): SVGSVGElement {
  const document = chartDocument(NAME, opts);
  requireRows(NAME, 'rows', rows);
  rows.forEach((r, i) => {
    requireText(NAME, `row ${i} name`, r?.name);
    requireFinite(NAME, `row '${r.name}' low`, r.low);
    requireFinite(NAME, `row '${r.name}' high`, r.high);
    requireFinite(NAME, `row '${r.name}' base`, r.base);
  });
  const names = rows.map((r) => r.name);
  if (new Set(names).size !== names.length)
    requireText(NAME, `row names must be unique (got ${JSON.stringify(names)}); name`, '');
  const base = rows[0]!.base;
  const width = chartWidth(NAME, opts);
  const marginLeft = Math.min(
    Math.floor(width / 2.5),
    Math.max(60, textWidth(names.reduce((a, b) => (a.length >= b.length ? a : b))) + 16),
  );
  const top = header(width, marginLeft, opts.title, [
    { label: 'input at its 10th percentile', color: seriesColor(3) },
    { label: 'input at its 90th percentile', color: seriesColor(0) },
    { label: `baseline ${pctText(base)}`, color: MUTED, kind: 'line' },
  ]);
  const long = rows.flatMap((r) => [
    { name: r.name, from: r.base, to: r.low, end: 'p10' },
    { name: r.name, from: r.base, to: r.high, end: 'p90' },
  ]);
  const lo = Math.min(...rows.flatMap((r) => [r.low, r.high, r.base]));
  const hi = Math.max(...rows.flatMap((r) => [r.low, r.high, r.base]));
  const pad = Math.max((hi - lo) * 0.08, 0.005);
  const el = Plot.plot({
    document,
    width,
    height: chartHeight(NAME, opts, top.marginTop + rows.length * ROW + 44),
    marginLeft,
    marginRight: 24,
    marginTop: top.marginTop,
    marginBottom: 44,
    x: {
      domain: [Math.max(0, lo - pad) * 100, Math.min(1, hi + pad) * 100],
      percent: true,
      grid: true,
      label: 'P(no renewed major attack within the horizon) (%)',
      labelAnchor: 'center',
      labelArrow: 'none',
    },
    y: { domain: names, label: null, tickSize: 0, tickFormat: fitLabel(marginLeft - 12) },
    color: { domain: ['p10', 'p90'], range: [seriesColor(3), seriesColor(0)] },
    marks: [
      Plot.barX(long, { y: 'name', x1: 'from', x2: 'to', fill: 'end', insetTop: 3, insetBottom: 3 }),
      Plot.ruleX([base], { stroke: MUTED, strokeWidth: 1.5, strokeDasharray: '4 3' }),
    ],
  });
  const biggest = rows[0]!;
  return finish(el, {
    label: opts.title ?? 'Tornado: which inputs move P(no renewed major attack) most',
    description: `Horizontal bars from the baseline of ${pctText(base)}, one row per model input. The first row, ${biggest.name}, moves P(no attack) from ${pctText(biggest.low)} at its 10th percentile to ${pctText(biggest.high)} at its 90th.`,
    idPrefix: opts.idPrefix ?? 'tornado',
    override: opts.description,
    header: top,
  });
}
