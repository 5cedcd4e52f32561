// what every chart shares: a title and legend drawn inside the SVG (so a downloaded or embedded SVG is complete on
// its own), the accessible name and description, and stable element ids

import * as Plot from '@observablehq/plot';
import { MUTED } from './palette.js';

export interface LegendItem {
  label: string;
  color: string;
  /** a square for areas and bars, a short thick line for lines, a circle for points */
  kind?: 'swatch' | 'line' | 'dot';
  /** a translucent swatch, for uncertainty bands */
  opacity?: number;
  /** stroke-dasharray of a line entry, matching the series */
  dash?: string;
}

/** text widths without a layout engine: ~0.6 em per character at the 10 px chart font (system-ui averages less) */
export const textWidth = (s: string, fontSize = 10): number => Math.ceil(s.length * fontSize * 0.6);

const TITLE_HEIGHT = 22;
const LEGEND_ROW = 16;

export interface Header {
  /** the top margin the title and legend need */
  marginTop: number;
  /** draws them into the finished SVG (after Plot, so facets do not repeat them) */
  draw: (svg: SVGSVGElement) => void;
}

/**
 * The title and legend in the top margin at absolute positions (independent of the data), and the margin they
 * need.
 */
export function header(
  width: number,
  _marginLeft: number,
  title: string | undefined,
  legend: LegendItem[],
): Header {
  let y = 4;
  if (title) y += TITLE_HEIGHT;
  // lay legend entries out left to right, wrapping rows at the chart's width
  const placed: { item: LegendItem; x: number; row: number }[] = [];
  let x = 0;
  let row = 0;
  for (const item of legend) {
    const w = 22 + textWidth(item.label) + 14;
    if (x > 0 && x + w > width - 8) {
      row++;
      x = 0;
    }
    placed.push({ item, x, row });
    x += w;
  }
  const rows = legend.length ? row + 1 : 0;
  const marginTop = y + rows * LEGEND_ROW + 12;
  const legendTop = y;
  const draw = (svg: SVGSVGElement) => {
    if (!title && !legend.length) return;
    const doc = svg.ownerDocument;
    const el = (name: string, attrs: Record<string, string | number>, text?: string) => {
      const node = doc.createElementNS(SVG_NS, name);
      for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
      if (text !== undefined) node.textContent = text;
      return node;
    };
    const g = el('g', { 'aria-hidden': 'true', 'text-anchor': 'start' });
    if (title)
      g.append(el('text', { x: 4, y: 4, dy: '0.71em', 'font-size': 13, 'font-weight': 'bold' }, title));
    for (const { item, x: px, row: r } of placed) {
      const cx = 4 + px;
      const cy = legendTop + r * LEGEND_ROW + LEGEND_ROW / 2;
      const kind = item.kind ?? 'swatch';
      if (kind === 'line')
        g.append(
          el('line', { x1: cx, x2: cx + 16, y1: cy, y2: cy, stroke: item.color, 'stroke-width': 2.5 }),
        );
      else if (kind === 'dot') g.append(el('circle', { cx: cx + 8, cy, r: 4, fill: item.color }));
      else
        g.append(
          el('rect', {
            x: cx + 2,
            y: cy - 6,
            width: 12,
            height: 12,
            fill: item.color,
            'fill-opacity': item.opacity ?? 1,
            stroke: item.color,
          }),
        );
      g.append(el('text', { x: cx + 22, y: cy, dy: '0.32em' }, item.label));
    }
    svg.append(g);
  };
  return { marginTop, draw };
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** shortens axis labels to what fits in the margin; the full text stays in the description */
export function fitLabel(maxWidth: number): (s: string) => string {
  const max = Math.max(4, Math.floor(maxWidth / 6));
  return (s: string) => (s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}\u2026`);
}

/** a note under the frame (e.g. what the band means), in muted text */
export function footnote(text: string, marginBottom: number): Plot.Markish {
  return Plot.text([text], {
    frameAnchor: 'bottom-left',
    dy: marginBottom - 4,
    lineAnchor: 'bottom',
    textAnchor: 'start',
    fill: MUTED,
    ariaHidden: 'true',
  });
}

/**
 * Makes the SVG self-describing and deterministic: role img, aria-label, <title> and <desc>; ids Plot numbers from
 * a global counter (clip paths, markers, patterns) are renamed `<prefix>-<n>` in document order.
 */
export function finish(
  el: SVGSVGElement | HTMLElement,
  a: { label: string; description: string; idPrefix: string; header?: Header; override?: string | undefined },
): SVGSVGElement {
  const svg = (el.tagName.toLowerCase() === 'svg' ? el : el.querySelector('svg')) as SVGSVGElement | null;
  if (!svg) throw new Error('Observable Plot returned no <svg>');
  const doc = svg.ownerDocument;
  const ns = 'http://www.w3.org/2000/svg';
  a.header?.draw(svg);
  // Plot's stylesheet repeats height with a legacy Safari value (intrinsic); standard CSS keeps the first
  const style = svg.querySelector('style');
  if (style?.textContent) style.textContent = style.textContent.replace(/\n\s*height: intrinsic;/, '');
  // Plot names its mark groups (<g aria-label="line">); ARIA forbids a name on an element without a role, and
  // inside an image they are noise: the chart keeps one name, its numbers go in a table beside it
  svg.querySelectorAll('[aria-label], [aria-description]').forEach((node) => {
    node.removeAttribute('aria-label');
    node.removeAttribute('aria-description');
  });
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', a.label);
  const desc = doc.createElementNS(ns, 'desc');
  desc.textContent = a.override ?? a.description;
  const title = doc.createElementNS(ns, 'title');
  title.textContent = a.label;
  svg.insertBefore(desc, svg.firstChild);
  svg.insertBefore(title, svg.firstChild);
  const renames = new Map<string, string>();
  svg.querySelectorAll('[id]').forEach((node) => {
    const id = node.getAttribute('id')!;
    const next = `${a.idPrefix}-${renames.size + 1}`;
    renames.set(id, next);
    node.setAttribute('id', next);
  });
  if (renames.size)
    svg.querySelectorAll('*').forEach((node) => {
      for (const attr of Array.from(node.attributes)) {
        const m = /url\(#([^)]+)\)/.exec(attr.value);
        if (m && renames.has(m[1]!)) node.setAttribute(attr.name, `url(#${renames.get(m[1]!)})`);
        if (attr.name === 'href' || attr.name === 'xlink:href') {
          const ref = attr.value.slice(1);
          if (renames.has(ref)) node.setAttribute(attr.name, `#${renames.get(ref)}`);
        }
      }
    });
  return svg;
}

/** a plain-language percentage for descriptions: 0.8234 -> "82.3%" */
export const pctText = (x: number, digits = 1): string => `${(x * 100).toFixed(digits)}%`;
