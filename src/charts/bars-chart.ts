// horizontal bars per label (donor, category, agreement); with groups, one bar per group side by side within each
// label (e.g. committed vs allocated). Groups are never stacked: allocated is a part of committed, not an addition.

import * as Plot from '@observablehq/plot';
import { type ChartOptions, chartDocument, chartHeight, chartWidth } from './chart-options.js';
import { finish, fitLabel, header, textWidth } from './frame.js';
import { MUTED, seriesColor } from './palette.js';
import { requireFinite, requireRows, requireText } from './validate.js';

export interface BarRow {
  label: string;
  value: number;
  group?: string;
}

const NAME = 'barsChart';

export interface BarsOptions extends ChartOptions {
  /** axis label, with its unit (default 'EUR bn') */
  xLabel?: string;
  /** values are shares (0..1): show them as % */
  percent?: boolean;
}

/**
 * @example barsChart(fromTrackerStatus(statusJson, { top: 15 }), { document, xLabel: 'EUR bn' })
 */
export function barsChart(rows: BarRow[], opts: BarsOptions = {}): SVGSVGElement {
  const document = chartDocument(NAME, opts);
  requireRows(NAME, 'rows', rows);
  rows.forEach((r, i) => {
    requireText(NAME, `row ${i} label`, r?.label);
    requireFinite(NAME, `row '${r.label}' value`, r.value);
    if (r.group !== undefined) requireText(NAME, `row '${r.label}' group`, r.group);
  });
  const labels = [...new Set(rows.map((r) => r.label))];
  const groups = [...new Set(rows.flatMap((r) => (r.group === undefined ? [] : [r.group])))];
  const grouped = groups.length > 0;
  if (grouped && rows.some((r) => r.group === undefined))
    requireText(NAME, 'either every row has a group or none does; group', '');
  const keys = new Set(rows.map((r) => `${r.label}\u0000${r.group ?? ''}`));
  if (keys.size !== rows.length) requireText(NAME, 'each label (and group) may appear once; label', '');
  const width = chartWidth(NAME, opts);
  const longest = labels.reduce((a, b) => (a.length >= b.length ? a : b));
  const marginLeft = Math.min(Math.floor(width / 2.5), Math.max(60, textWidth(longest) + 16));
  const colors = groups.map((_, i) => seriesColor(i));
  const top = header(
    width,
    marginLeft,
    opts.title,
    groups.map((g, i) => ({ label: g, color: colors[i]! })),
  );
  const xLabel = opts.xLabel ?? 'EUR bn';
  const rowHeight = grouped ? 8 + 10 * groups.length : 20;
  const x = {
    grid: true,
    zero: true,
    percent: opts.percent ?? false,
    label: opts.percent ? `${xLabel} (%)` : xLabel,
    labelAnchor: 'center' as const,
    labelArrow: 'none' as const,
  };
  const height = chartHeight(NAME, opts, top.marginTop + labels.length * rowHeight + 44);
  const common = {
    document,
    width,
    height,
    marginLeft,
    marginRight: 24,
    marginTop: top.marginTop,
    marginBottom: 44,
    x,
  };
  const el = grouped
    ? Plot.plot({
        ...common,
        fy: { domain: labels, label: null, padding: 0.15, tickFormat: fitLabel(marginLeft - 12) },
        y: { domain: groups, axis: null },
        color: { domain: groups, range: colors },
        marks: [
          Plot.barX(rows, { fy: 'label', y: 'group', x: 'value', fill: 'group' }),
          Plot.ruleX([0], { stroke: MUTED }),
        ],
      })
    : Plot.plot({
        ...common,
        y: { domain: labels, label: null, tickSize: 0, tickFormat: fitLabel(marginLeft - 12) },
        marks: [
          Plot.barX(rows, { y: 'label', x: 'value', fill: seriesColor(0), insetTop: 2, insetBottom: 2 }),
          Plot.ruleX([0], { stroke: MUTED }),
        ],
      });
  const fmt = (v: number) =>
    opts.percent ? `${(v * 100).toFixed(1)}%` : `${Number(v.toPrecision(3))} ${xLabel}`;
  const first = rows[0]!;
  return finish(el, {
    label: opts.title ?? `Bar chart, ${xLabel}`,
    description: `Horizontal bars for ${labels.length} ${labels.length === 1 ? 'label' : 'labels'}${grouped ? ` and ${groups.length} groups (${groups.join(', ')})` : ''}. First: ${first.label}${first.group ? ` ${first.group}` : ''} ${fmt(first.value)}.`,
    idPrefix: opts.idPrefix ?? 'bars',
    override: opts.description,
    header: top,
  });
}
