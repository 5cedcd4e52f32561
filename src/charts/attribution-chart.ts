// per-instrument attribution: how much P(no attack) each instrument adds, by ablation (all minus all-but-this)
// and, when computed, its Shapley value (average marginal effect over all orders)

import * as Plot from '@observablehq/plot';
import { type ChartOptions, chartDocument, chartHeight, chartWidth } from './chart-options.js';
import { finish, fitLabel, header, pctText, textWidth } from './frame.js';
import { MUTED, seriesColor } from './palette.js';
import { requireFinite, requireRows, requireText } from './validate.js';

export interface AttributionRow {
  instrument: string;
  /** P(all) - P(all but this one) */
  ablation: number;
  /** exact Shapley value, when computed */
  shapley?: number;
}

const NAME = 'attributionChart';
const MEASURES = ['ablation', 'Shapley value'] as const;

const signedPct = (d: number) => `${d > 0 ? '+' : ''}${d}`;

/**
 * @example attributionChart(fromAttribution(sensitivity.attribution), { document })
 */
export function attributionChart(rows: AttributionRow[], opts: ChartOptions = {}): SVGSVGElement {
  const document = chartDocument(NAME, opts);
  requireRows(NAME, 'rows', rows);
  rows.forEach((r, i) => {
    requireText(NAME, `row ${i} instrument`, r?.instrument);
    requireFinite(NAME, `row '${r.instrument}' ablation`, r.ablation);
    if (r.shapley !== undefined && r.shapley !== null)
      requireFinite(NAME, `row '${r.instrument}' shapley`, r.shapley);
  });
  const names = rows.map((r) => r.instrument);
  if (new Set(names).size !== names.length)
    requireText(NAME, `instrument names must be unique (got ${JSON.stringify(names)}); instrument`, '');
  const withShapley = rows.some((r) => typeof r.shapley === 'number');
  const measures = withShapley ? [...MEASURES] : [MEASURES[0]];
  const long = rows.flatMap((r) => [
    { instrument: r.instrument, measure: MEASURES[0], value: r.ablation },
    ...(typeof r.shapley === 'number'
      ? [{ instrument: r.instrument, measure: MEASURES[1], value: r.shapley }]
      : []),
  ]);
  const width = chartWidth(NAME, opts);
  const longest = names.reduce((a, b) => (a.length >= b.length ? a : b));
  const marginLeft = Math.min(Math.floor(width / 2.5), Math.max(60, textWidth(longest) + 16));
  const colors = measures.map((_, i) => seriesColor(i === 0 ? 0 : 1));
  const top = header(
    width,
    marginLeft,
    opts.title,
    measures.map((m, i) => ({
      label: m === 'ablation' ? 'ablation: all minus all-but-this' : 'Shapley value',
      color: colors[i]!,
    })),
  );
  const values = long.map((d) => d.value);
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const pad = Math.max((hi - lo) * 0.05, 0.002);
  const rowHeight = withShapley ? 30 : 20;
  const el = Plot.plot({
    document,
    width,
    height: chartHeight(NAME, opts, top.marginTop + rows.length * rowHeight + 44),
    marginLeft,
    marginRight: 24,
    marginTop: top.marginTop,
    marginBottom: 44,
    x: {
      domain: [(lo - pad) * 100, (hi + pad) * 100],
      percent: true,
      grid: true,
      tickFormat: signedPct,
      label: 'change in P(no renewed major attack) (percentage points)',
      labelAnchor: 'center',
      labelArrow: 'none',
    },
    fy: { domain: names, label: null, padding: 0.15, tickFormat: fitLabel(marginLeft - 12) },
    y: { domain: measures, axis: null },
    color: { domain: measures, range: colors },
    marks: [
      Plot.barX(long, { fy: 'instrument', y: 'measure', x: 'value', fill: 'measure' }),
      Plot.ruleX([0], { stroke: MUTED }),
    ],
  });
  const best = [...rows].sort((a, b) => (b.shapley ?? b.ablation) - (a.shapley ?? a.ablation))[0]!;
  return finish(el, {
    label: opts.title ?? 'What each instrument adds to P(no renewed major attack)',
    description: `Bars per instrument: ${withShapley ? 'ablation and Shapley value' : 'ablation'}, in percentage points of P(no attack). The largest contribution is ${best.instrument} (${pctText(best.shapley ?? best.ablation)} ${typeof best.shapley === 'number' ? 'Shapley' : 'ablation'}).`,
    idPrefix: opts.idPrefix ?? 'attribution',
    override: opts.description,
    header: top,
  });
}
