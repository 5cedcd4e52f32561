// guarantor report <ids...>: one entry point for the CLI and the HTTP API (GET /api/report)

import { type CollectOptions, collectReport } from './collect.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { htmlToPdf } from './render-pdf.js';
import { CONTENT_TYPES, checkFormat } from './report-format.js';
import type { ReportFormat } from './report-model.js';

export { checkFormat };

export interface BuildReportOptions extends CollectOptions {
  format: ReportFormat;
  /** Chromium for pdf (default: GUARANTOR_CHROMIUM or /usr/bin/chromium) */
  chromium?: string;
}

export interface BuiltReport {
  contentType: string;
  filename: string;
  body: string | Uint8Array;
}

/** a file name from the scenario ids: guarantor-report-<id>[-<id>...].<ext>, shortened for long lists */
export function reportFilename(ids: string[], format: ReportFormat): string {
  const safe = [...new Set(ids)].map(
    (id) => id.replace(/[^a-zA-Z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'scenario',
  );
  const joined = safe.join('_');
  const stem = joined.length <= 80 ? joined : `${safe.length}-scenarios`;
  return `guarantor-report-${stem}.${format}`;
}

/**
 * Builds a report for the scenario ids.
 * @example const r = await buildReport(['s08-reassurance-force'], { format: 'html', samples: 20_000 });
 */
export async function buildReport(ids: string[], opts: BuildReportOptions): Promise<BuiltReport> {
  const format = checkFormat(opts.format);
  const model = await collectReport(ids, opts);
  const filename = reportFilename(
    model.scenarios.map((s) => s.scenario.id),
    format,
  );
  if (format === 'md') return { contentType: CONTENT_TYPES.md, filename, body: renderMarkdown(model) };
  const html = renderHtml(model);
  if (format === 'html') return { contentType: CONTENT_TYPES.html, filename, body: html };
  return {
    contentType: CONTENT_TYPES.pdf,
    filename,
    body: await htmlToPdf(html, opts.chromium ? { chromium: opts.chromium } : {}),
  };
}
