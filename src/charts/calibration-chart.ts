// back-test calibration: mean forecast against the observed frequency per forecast bin; dots sized by the number
// of cases, the diagonal is perfect calibration

import * as Plot from '@observablehq/plot';
import { type ChartOptions, chartDocument, chartHeight, chartWidth } from './chart-options.js';
import { finish, header, pctText } from './frame.js';
import { MUTED, seriesColor } from './palette.js';
import { requireFinite, requireRows, requireText } from './validate.js';

export interface CalibrationRow {
  /** e.g. '20-40%' */
  bin: string;
  /** mean forecast probability in the bin */
  predicted: number;
  /** observed frequency of the event in the bin */
  observed: number;
  /** cases in the bin (> 0) */
  n: number;
}

export interface CalibrationOptions extends ChartOptions {
  /** what is forecast, for the axis labels (default 'P(attack)') */
  event?: string;
}

const NAME = 'calibrationChart';

/**
 * @example calibrationChart(fromBacktest(backtestJson), { document })
 */
export function calibrationChart(rows: CalibrationRow[], opts: CalibrationOptions = {}): SVGSVGElement {
  const document = chartDocument(NAME, opts);
  requireRows(NAME, 'rows', rows);
  rows.forEach((r, i) => {
    requireText(NAME, `row ${i} bin`, r?.bin);
    for (const k of ['predicted', 'observed'] as const) {
      const v = requireFinite(NAME, `bin '${r.bin}' ${k}`, r[k]);
      if (v < 0 || v > 1) requireFinite(NAME, `bin '${r.bin}' ${k} (${v}, outside 0..1)`, Number.NaN);
    }
    const n = requireFinite(NAME, `bin '${r.bin}' n`, r.n);
    if (n <= 0 || !Number.isInteger(n))
      requireFinite(
        NAME,
        `bin '${r.bin}' n (${n}: bins need a whole number of cases > 0; leave empty bins out)`,
        Number.NaN,
      );
  });
  const event = opts.event ?? 'P(attack)';
  const width = chartWidth(NAME, opts);
  const marginLeft = 56;
  const top = header(width, marginLeft, opts.title, [
    { label: 'forecast bin (area = cases)', color: seriesColor(0), kind: 'dot' },
    { label: 'perfect calibration', color: MUTED, kind: 'line' },
  ]);
  const side = Math.min(width - marginLeft - 24, 420);
  const el = Plot.plot({
    document,
    width,
    height: chartHeight(NAME, opts, top.marginTop + side + 44),
    marginLeft,
    marginRight: width - marginLeft - side,
    marginTop: top.marginTop,
    marginBottom: 44,
    x: {
      domain: [0, 100],
      percent: true,
      grid: true,
      label: `mean forecast ${event} (%)`,
      labelArrow: 'none',
      labelAnchor: 'center',
    },
    y: {
      domain: [0, 100],
      percent: true,
      grid: true,
      label: `observed frequency (%)`,
      labelArrow: 'none',
      labelAnchor: 'center',
    },
    r: { range: [3, 14], domain: [0, Math.max(...rows.map((r) => r.n))] },
    marks: [
      Plot.line(
        [
          [0, 0],
          [1, 1],
        ],
        { stroke: MUTED, strokeDasharray: '4 3' },
      ),
      Plot.dot(rows, {
        x: 'predicted',
        y: 'observed',
        r: 'n',
        fill: seriesColor(0),
        fillOpacity: 0.75,
        stroke: 'white',
      }),
      Plot.text(rows, {
        x: 'predicted',
        y: 'observed',
        text: (r: CalibrationRow) => `n=${r.n}`,
        dx: 18,
        textAnchor: 'start',
      }),
    ],
  });
  const total = rows.reduce((s, r) => s + r.n, 0);
  const gap = Math.max(...rows.map((r) => Math.abs(r.predicted - r.observed)));
  return finish(el, {
    label: opts.title ?? `Calibration: forecast ${event} against what happened`,
    description: `${rows.length} forecast bins over ${total} cases; the largest gap between mean forecast and observed frequency is ${pctText(gap)} (${rows.map((r) => `${r.bin}: forecast ${pctText(r.predicted)}, observed ${pctText(r.observed)}, n=${r.n}`).join('; ')}).`,
    idPrefix: opts.idPrefix ?? 'calibration',
    override: opts.description,
    header: top,
  });
}
