// guarantor report in-process: output to stdout and files, usage errors (exit 2), unknown ids
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../../test/support/fake-io.js';

const tmp = mkdtempSync(join(tmpdir(), 'guarantor-report-'));

describe('guarantor report', () => {
  it('prints markdown to stdout', async () => {
    const r = await cli(['report', 's08-reassurance-force', '--format', 'md', '--no-simulate']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.startsWith('# Guarantor report: Reassurance force behind the lines')).toBe(true);
    expect(r.stdout).toContain('## Bibliography');
  });

  it('writes html to --out and says so on stderr', async () => {
    const out = join(tmp, 'r.html');
    const r = await cli([
      'report',
      's08-reassurance-force',
      '--out',
      out,
      '--samples',
      '1000',
      '--seed',
      '3',
      '--threads',
      '1',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^wrote .*r\.html \(html, [\d,]+ bytes\)\n$/);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<dt>Seed</dt><dd>3</dd>');
    expect(html).toContain('<svg');
  });

  it('needs --out for pdf (exit 2)', async () => {
    const r = await cli(['report', 's08-reassurance-force', '--format', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatchInlineSnapshot(`
      "--out usage.report-out a pdf report needs --out FILE (it is binary)
        hint: e.g. guarantor report s08-reassurance-force --format pdf --out report.pdf
      "
    `);
  });

  it('refuses an unknown format, an unknown id and bad numbers (exit 2)', async () => {
    const f = await cli(['report', 's08-reassurance-force', '--format', 'docx']);
    expect(f.code).toBe(2);
    expect(f.stderr).toMatchInlineSnapshot(`
      "--format usage.report-format unknown report format 'docx'
        hint: one of: html, md, pdf
      "
    `);
    const u = await cli(['report', 's08-reassurance', '--no-simulate']);
    expect(u.code).toBe(2);
    expect(u.stderr).toMatchInlineSnapshot(`
      "<input> usage.unknown-scenario no scenario 's08-reassurance' in the catalog and no such file
        hint: did you mean 's08-reassurance-force'?
      "
    `);
    const n = await cli(['report', 's08-reassurance-force', '--samples', 'many']);
    expect(n.code).toBe(2);
    expect(n.stderr).toContain("--samples expects a whole number, got 'many'");
    const h = await cli(['report', 's08-reassurance-force', '--horizon', '500']);
    expect(h.code).toBe(2);
    expect(h.stderr).toContain('usage.horizon');
  });

  it('reports an invalid scenario file with its location (exit 1)', async () => {
    const bad = join(tmp, 'bad.yaml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(bad, 'id: bad\ntitle: 42\n');
    const r = await cli(['report', bad, '--no-simulate']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.yaml:');
    expect(existsSync(join(tmp, 'nothing.html'))).toBe(false);
  });
});
