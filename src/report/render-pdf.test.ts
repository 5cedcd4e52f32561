// PDF through Debian's Chromium (playwright-core); skipped when /usr/bin/chromium is absent
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReport } from './build-report.js';
import { DEFAULT_CHROMIUM, htmlToPdf } from './render-pdf.js';

const hasChromium = existsSync(process.env.GUARANTOR_CHROMIUM || DEFAULT_CHROMIUM);

describe('pdf reports', () => {
  it.skipIf(!hasChromium)('prints the html report to a PDF with pages', async () => {
    const r = await buildReport(['s08-reassurance-force'], {
      format: 'pdf',
      samples: 1000,
      threads: 1,
      now: () => new Date('2026-01-02T00:00:00Z'),
    });
    expect(r.contentType).toBe('application/pdf');
    expect(r.filename).toBe('guarantor-report-s08-reassurance-force.pdf');
    const pdf = Buffer.from(r.body as Uint8Array);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const count = Number(
      /\/Type\s*\/Pages[^>]*?\/Count (\d+)/s.exec(pdf.toString('latin1'))?.[1] ??
        /\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1],
    );
    expect(count).toBeGreaterThan(1);
  });

  it('says how to get Chromium when it is missing', async () => {
    const e = await htmlToPdf('<p>x</p>', { chromium: '/nonexistent/chromium' }).catch((x) => x);
    expect(e.code).toBe('report.pdf-unavailable');
    expect(e.message).toBe('PDF needs Chromium, and /nonexistent/chromium does not exist');
    expect(e.diagnostics[0].hint).toContain("install Debian's chromium");
    expect(e.diagnostics[0].hint).toContain('--format html or md');
  });
});
