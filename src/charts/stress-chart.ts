// stress tests side by side: P(no attack) under each shock with its p5-p95 interval over parameter draws, against
// the baseline (the first row when it is named 'baseline', else options.baseline)

import * as Plot from '@observablehq/plot';
import { type ChartOptions, chartDocument, chartHeight, chartWidth } from './chart-options.js';
import { finish, fitLabel, header, type LegendItem, pctText, textWidth } from './frame.js';
import { MUTED, seriesColor } from './palette.js';
import { requireFinite, requireOrdered, requireRows, requireText } from './validate.js';

export interface StressRow {
  /** the test's name ('baseline' for the unshocked run) */
  shock: string;
  pNoAttack: number;
  p5: number;
  p95: number;
}

const NAME = 'stressChart';
const ROW = 26;

/**
 * @example stressChart(fromStressReport(stressReport), { document })
 */
export function stressChart(
  rows: StressRow[],
  opts: ChartOptions & { baseline?: string } = {},
): SVGSVGElement {
  const document = chartDocument(NAME, opts);
  requireRows(NAME, 'rows', rows);
  rows.forEach((r, i) => {
    requireText(NAME, `row ${i} shock`, r?.shock);
    requireFinite(NAME, `row '${r.shock}' pNoAttack`, r.pNoAttack);
    const lo = requireFinite(NAME, `row '${r.shock}' p5`, r.p5);
    const hi = requireFinite(NAME, `row '${r.shock}' p95`, r.p95);
    requireOrdered(NAME, `row '${r.shock}'`, lo, hi);
  });
  const names = rows.map((r) => r.shock);
  if (new Set(names).size !== names.length)
    requireText(NAME, `shock names must be unique (got ${JSON.stringify(names)}); shock`, '');
  const baseName = opts.baseline ?? 'baseline';
  const base = rows.find((r) => r.shock === baseName);
  const width = chartWidth(NAME, opts);
  const marginLeft = Math.min(
    Math.floor(width / 2.5),
    Math.max(60, textWidth(names.reduce((a, b) => (a.length >= b.length ? a : b))) + 16),
  );
  const legend: LegendItem[] = [
    { label: 'mean P(no attack)', color: seriesColor(0), kind: 'dot' },
    { label: '5th-95th percentile over parameter draws', color: seriesColor(0), kind: 'line' },
  ];
  if (base) legend.push({ label: `baseline ${pctText(base.pNoAttack)}`, color: MUTED, kind: 'line' });
  const top = header(width, marginLeft, opts.title, legend);
  const el = Plot.plot({
    document,
    width,
    height: chartHeight(NAME, opts, top.marginTop + rows.length * ROW + 44),
    marginLeft,
    marginRight: 24,
    marginTop: top.marginTop,
    marginBottom: 44,
    x: {
      domain: [0, 100],
      percent: true,
      grid: true,
      label: 'P(no renewed major attack within the horizon) (%)',
      labelAnchor: 'center',
      labelArrow: 'none',
    },
    y: { domain: names, label: null, tickSize: 0, tickFormat: fitLabel(marginLeft - 12) },
    marks: [
      ...(base ? [Plot.ruleX([base.pNoAttack], { stroke: MUTED, strokeDasharray: '4 3' })] : []),
      Plot.ruleY(rows, { y: 'shock', x1: 'p5', x2: 'p95', stroke: seriesColor(0), strokeWidth: 2.5 }),
      Plot.dot(rows, { y: 'shock', x: 'pNoAttack', fill: seriesColor(0), r: 5, stroke: 'white' }),
    ],
  });
  const worst = [...rows].sort((a, b) => a.pNoAttack - b.pNoAttack)[0]!;
  return finish(el, {
    label: opts.title ?? 'Stress tests: P(no renewed major attack) under each shock',
    description: `One row per stress test with its mean and 5th-95th percentile.${base ? ` Baseline ${pctText(base.pNoAttack)}.` : ''} Lowest: ${worst.shock} at ${pctText(worst.pNoAttack)}.`,
    idPrefix: opts.idPrefix ?? 'stress',
    override: opts.description,
    header: top,
  });
}
