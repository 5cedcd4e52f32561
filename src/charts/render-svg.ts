// Node only: a JSDOM document for building charts outside a browser, and SVG serialisation for reports and
// snapshots. Everything else in src/charts runs in the browser too.

import { JSDOM } from 'jsdom';
import { serializeSvg } from './serialize-svg.js';

let shared: Document | undefined;

/** one JSDOM document reused by every chart built in this process (building a JSDOM is the slow part) */
export function svgDocument(): Document {
  shared ??= new JSDOM('<!doctype html><html><body></body></html>').window.document;
  return shared;
}

/** standalone SVG text (with xmlns), ready for a file, a data: URL or inline HTML */
export function renderSvg(el: Element): string {
  return serializeSvg(el);
}
