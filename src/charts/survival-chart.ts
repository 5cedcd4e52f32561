// P(no renewed major attack) by year: one line per series with its p5-p95 band over parameter uncertainty.
// One series = the simulation view; several = the compare overlay.

import * as Plot from '@observablehq/plot';
import { type ChartOptions, chartDocument, chartHeight, chartWidth } from './chart-options.js';
import { finish, header, type LegendItem, pctText } from './frame.js';
import { seriesColor } from './palette.js';
import { requireFinite, requireOrdered, requireRows, requireText } from './validate.js';

export interface SurvivalPoint {
  /** end of year t of the horizon (1 = after the first year) */
  year: number;
  mean: number;
  p5: number;
  p95: number;
}

export interface SurvivalSeries {
  label: string;
  points: SurvivalPoint[];
}

const NAME = 'survivalChart';
const DASHES = ['none', '6 3', '2 3', '9 3 2 3'];

function checkProbability(where: string, v: unknown): number {
  const x = requireFinite(NAME, where, v);
  if (x < -1e-9 || x > 1 + 1e-9) requireFinite(NAME, `${where} (${x}, outside 0..1)`, Number.NaN);
  return x;
}

/** integer year ticks, at most about ten of them */
function yearTicks(years: number[]): number[] {
  const lo = Math.floor(Math.min(...years));
  const hi = Math.ceil(Math.max(...years));
  const step = Math.max(1, Math.ceil((hi - lo) / 10));
  const out: number[] = [];
  for (let y = lo; y <= hi; y += step) out.push(y);
  return out;
}

/**
 * @example survivalChart([fromSimulationReport(report, 's01')], { document, title: 'Coalition of the willing' })
 */
export function survivalChart(
  series: SurvivalSeries[],
  opts: ChartOptions & { bands?: boolean } = {},
): SVGSVGElement {
  const document = chartDocument(NAME, opts);
  requireRows(NAME, 'series', series);
  series.forEach((s, i) => {
    requireText(NAME, `series ${i} label`, s?.label);
    requireRows(NAME, `series '${s.label}' points`, s.points);
    s.points.forEach((p, k) => {
      const at = `series '${s.label}' point ${k}`;
      requireFinite(NAME, `${at} year`, p.year);
      const lo = checkProbability(`${at} p5`, p.p5);
      const hi = checkProbability(`${at} p95`, p.p95);
      checkProbability(`${at} mean`, p.mean);
      requireOrdered(NAME, at, lo, hi);
    });
  });
  const width = chartWidth(NAME, opts);
  const several = series.length > 1;
  // overlapping bands stop being readable beyond a few series: then lines only (the description keeps p5-p95)
  const bands = opts.bands ?? series.length <= 4;
  const legend: LegendItem[] = several
    ? series.map((s, i) => ({
        label: s.label,
        color: seriesColor(i),
        kind: 'line' as const,
        dash: DASHES[i % DASHES.length]!,
      }))
    : [{ label: `${series[0]!.label}: mean`, color: seriesColor(0), kind: 'line' as const }];
  if (bands)
    legend.push({
      label: several ? 'shaded: 5th-95th percentile of each' : '5th-95th percentile over parameter draws',
      color: several ? '#888888' : seriesColor(0),
      opacity: 0.25,
    });
  const marginLeft = 56;
  const top = header(width, marginLeft, opts.title, legend);
  const marks: Plot.Markish[] = [];
  series.forEach((s, i) => {
    const color = seriesColor(i);
    if (bands)
      marks.push(
        Plot.areaY(s.points, {
          x: 'year',
          y1: 'p5',
          y2: 'p95',
          fill: color,
          fillOpacity: several ? 0.12 : 0.22,
          ariaDescription: `${s.label} 5th to 95th percentile band`,
        }),
      );
    marks.push(
      Plot.lineY(s.points, {
        x: 'year',
        y: 'mean',
        stroke: color,
        strokeWidth: 2,
        strokeDasharray: DASHES[i % DASHES.length]!,
        ariaDescription: `${s.label} mean`,
      }),
      Plot.dot(s.points, { x: 'year', y: 'mean', fill: color, r: 2.5, ariaHidden: 'true' }),
    );
  });
  const years = series.flatMap((s) => s.points.map((p) => p.year));
  const el = Plot.plot({
    document,
    width,
    height: chartHeight(NAME, opts, 360 + top.marginTop - 40),
    marginLeft,
    marginTop: top.marginTop,
    marginBottom: 40,
    x: { label: 'years from the start of the arrangement', ticks: yearTicks(years), tickFormat: 'd' },
    y: {
      domain: [0, 100],
      percent: true,
      grid: true,
      label: 'P(no renewed major attack) (%)',
      labelAnchor: 'center',
      labelArrow: 'none',
    },
    marks: [...marks],
  });
  const label = opts.title ?? 'Probability of no renewed major attack, by year';
  const description = series
    .map((s) => {
      const first = s.points[0]!;
      const last = s.points[s.points.length - 1]!;
      return `${s.label}: ${pctText(first.mean)} after year ${first.year}, ${pctText(last.mean)} after year ${last.year} (5th-95th percentile ${pctText(last.p5)} to ${pctText(last.p95)}).`;
    })
    .join(' ');
  return finish(el, {
    label,
    description: `Line chart of the probability of no renewed major attack by year. ${description}`,
    idPrefix: opts.idPrefix ?? 'survival',
    override: opts.description,
    header: top,
  });
}
