// the pledge pipeline over time: cumulative committed, allocated and delivered aid, one line each. Delivered is
// optional because Kiel records allocations, not deliveries; a series that is absent is not drawn as zero.

import * as Plot from '@observablehq/plot';
import { type ChartOptions, chartDocument, chartHeight, chartWidth } from './chart-options.js';
import { finish, header, type LegendItem } from './frame.js';
import { seriesColor } from './palette.js';
import { requireFinite, requireRows, requireText } from './validate.js';

export interface TrackerRow {
  /** YYYY-MM */
  month: string;
  /** cumulative EUR bn up to and including the month */
  committed: number;
  allocated: number;
  delivered?: number;
}

const NAME = 'trackerChart';
const SERIES = [
  { key: 'committed', label: 'committed', color: seriesColor(1), dash: '6 3' },
  { key: 'allocated', label: 'allocated', color: seriesColor(0), dash: 'none' },
  { key: 'delivered', label: 'delivered', color: seriesColor(2), dash: '2 3' },
] as const;

const monthDate = (m: string) => new Date(`${m}-01T00:00:00Z`);

/**
 * @example trackerChart(fromMonthlyFlows(await (await fetch('/api/tracker/export?what=monthly')).json()), { document })
 */
export function trackerChart(rows: TrackerRow[], opts: ChartOptions & { unit?: string } = {}): SVGSVGElement {
  const document = chartDocument(NAME, opts);
  requireRows(NAME, 'rows', rows);
  rows.forEach((r, i) => {
    requireText(NAME, `row ${i} month`, r?.month);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(r.month))
      requireText(NAME, `row ${i} month '${r.month}' is not YYYY-MM; month`, '');
    requireFinite(NAME, `row ${r.month} committed`, r.committed);
    requireFinite(NAME, `row ${r.month} allocated`, r.allocated);
    if (r.delivered !== undefined && r.delivered !== null)
      requireFinite(NAME, `row ${r.month} delivered`, r.delivered);
  });
  const sorted = [...rows].sort((a, b) => a.month.localeCompare(b.month));
  const present = SERIES.filter((s) => sorted.some((r) => typeof r[s.key] === 'number'));
  const unit = opts.unit ?? 'EUR bn';
  const width = chartWidth(NAME, opts);
  const marginLeft = 56;
  const legend: LegendItem[] = present.map((s) => ({
    label: s.label,
    color: s.color,
    kind: 'line',
    dash: s.dash,
  }));
  const top = header(width, marginLeft, opts.title, legend);
  const marks: Plot.Markish[] = present.map((s) =>
    Plot.lineY(
      sorted.filter((r) => typeof r[s.key] === 'number'),
      {
        x: (r: TrackerRow) => monthDate(r.month),
        y: s.key,
        stroke: s.color,
        strokeWidth: 2,
        strokeDasharray: s.dash,
        // cumulative totals hold between the months that change them
        curve: 'step-after',
        ariaDescription: `cumulative ${s.label}`,
      },
    ),
  );
  const el = Plot.plot({
    document,
    width,
    height: chartHeight(NAME, opts, 340 + top.marginTop - 40),
    marginLeft,
    marginTop: top.marginTop,
    marginBottom: 40,
    x: { type: 'utc', label: 'month', labelArrow: 'none' },
    y: { grid: true, zero: true, label: `cumulative ${unit}`, labelAnchor: 'center', labelArrow: 'none' },
    marks: [...marks],
  });
  const last = sorted[sorted.length - 1]!;
  const totals = present.map((s) => `${s.label} ${(last[s.key] as number).toFixed(1)}`).join(', ');
  return finish(el, {
    label: opts.title ?? 'Aid over time: cumulative committed, allocated and delivered',
    description: `Line chart from ${sorted[0]!.month} to ${last.month}, ${unit}, cumulative. By ${last.month}: ${totals}.${present.some((s) => s.key === 'delivered') ? '' : ' No delivery series: the data records no deliveries.'}`,
    idPrefix: opts.idPrefix ?? 'tracker',
    override: opts.description,
    header: top,
  });
}
