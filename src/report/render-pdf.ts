// the report as PDF: the HTML page printed by Chromium through playwright-core (Debian's /usr/bin/chromium, or
// GUARANTOR_CHROMIUM). No network: the page is self-contained and requests are refused.

import { existsSync } from 'node:fs';
import { GuarantorError } from '../core/errors.js';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export function chromiumPath(env: Record<string, string | undefined> = process.env): string {
  return env.GUARANTOR_CHROMIUM || DEFAULT_CHROMIUM;
}

function unavailable(path: string, why: string): GuarantorError {
  return new GuarantorError('report.pdf-unavailable', `PDF needs Chromium, and ${why}`, [
    {
      code: 'report.pdf-unavailable',
      message: `PDF needs Chromium, and ${why}`,
      path: ['--format'],
      hint: `install Debian's chromium (apt-get install chromium) or point GUARANTOR_CHROMIUM at a Chromium binary (tried ${path}); or use --format html or md`,
    },
  ]);
}

/** prints self-contained HTML to an A4 PDF */
export async function htmlToPdf(
  html: string,
  o: { chromium?: string; timeoutMs?: number } = {},
): Promise<Uint8Array> {
  const path = o.chromium ?? chromiumPath();
  if (!existsSync(path)) throw unavailable(path, `${path} does not exist`);
  const { chromium } = await import('playwright-core');
  let browser: Awaited<ReturnType<typeof chromium.launch>>;
  try {
    browser = await chromium.launch({
      executablePath: path,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
      timeout: o.timeoutMs ?? 60_000,
    });
  } catch (e) {
    throw unavailable(path, `it did not start: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    // the page must not fetch anything: refuse every request but the document itself
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load', timeout: o.timeoutMs ?? 60_000 });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '16mm', bottom: '16mm', left: '14mm', right: '14mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="font-size:8px;width:100%;text-align:center;color:#666"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
    });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
