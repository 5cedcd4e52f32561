// options every chart builder takes, and the document it draws into (the browser's, or a JSDOM one in Node)

import { GuarantorError } from '../core/errors.js';

export interface ChartOptions {
  /** the DOM document to build into; defaults to the global one (browser). In Node pass `svgDocument()`. */
  document?: Document;
  /** outer size in px; each chart has its own default height */
  width?: number;
  height?: number;
  /** drawn at the top of the chart and used as the SVG's <title> */
  title?: string;
  /** longer text for screen readers (<desc>); by default each chart writes one from its data */
  description?: string;
  /** prefix for element ids, should a chart need any; give distinct ones when several charts share a page */
  idPrefix?: string;
}

export const DEFAULT_WIDTH = 640;

export function chartDocument(name: string, opts: ChartOptions): Document {
  const doc = opts.document ?? (typeof document === 'undefined' ? undefined : document);
  if (!doc)
    throw new GuarantorError(
      'chart.no-document',
      `${name}: no DOM document to draw into; pass { document } (in Node: svgDocument() from src/charts/render-svg.ts)`,
    );
  return doc;
}

export function chartWidth(name: string, opts: ChartOptions): number {
  const w = opts.width ?? DEFAULT_WIDTH;
  if (!Number.isFinite(w) || w < 160)
    throw new GuarantorError('chart.bad-size', `${name}: width must be a number of pixels >= 160, got ${w}`);
  return Math.round(w);
}

export function chartHeight(name: string, opts: ChartOptions, fallback: number): number {
  const h = opts.height ?? fallback;
  if (!Number.isFinite(h) || h < 100)
    throw new GuarantorError('chart.bad-size', `${name}: height must be a number of pixels >= 100, got ${h}`);
  return Math.round(h);
}
