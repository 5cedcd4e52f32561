// buildReport end to end in-process: html structure, markdown, escaping of scenario text, comparison, errors.
// Small sample counts keep it quick; the numbers are not checked here (the model has its own tests).
import { beforeAll, describe, expect, it } from 'vitest';
import { GuarantorError } from '../core/errors.js';
import type { Scenario } from '../core/schema/scenario.js';
import { loadCatalog } from '../node/catalog-files.js';
import { buildReport, reportFilename } from './build-report.js';

const now = () => new Date('2026-01-02T03:04:05Z');
const ID = 's08-reassurance-force';
const fast = { samples: 1000, seed: 7, now, threads: 1 };

const linkedIds = (html: string) => [...html.matchAll(/href="#src-([^"]+)"/g)].map((m) => m[1]!);
const anchorIds = (html: string) => [...html.matchAll(/<li id="src-([^"]+)"/g)].map((m) => m[1]!);

describe('buildReport html', () => {
  let html: string;
  beforeAll(async () => {
    const r = await buildReport([ID], { ...fast, format: 'html' });
    expect(r.contentType).toBe('text/html; charset=utf-8');
    expect(r.filename).toBe(`guarantor-report-${ID}.html`);
    html = r.body as string;
  });

  it('has every section, with the scenario content', () => {
    for (const id of [`scenario-${ID}`, 'bibliography', 'methods'])
      expect(html).toContain(`<section id="${id}"`);
    for (const h of [
      'Instruments',
      'Scorecard',
      'Findings:',
      'Forces and cost',
      'Simulation',
      'What drives the result (tornado)',
      'What each instrument adds (attribution)',
    ])
      expect(html).toContain(`<h3>${h}`.replace('<h3>What', '<h4>What'));
    const { catalog } = loadCatalog();
    const s = catalog.scenarios.get(ID)!.scenario;
    for (const i of s.instruments) expect(html).toContain(`<code>${i.id}</code>`);
    expect(html).toContain('P(no renewed major attack within 10 years)');
    expect(html).toContain('P(attack succeeds | attack)');
  });

  it('inlines the charts as SVG with accessible names', () => {
    const svgs = html.match(/<svg [^>]*>/g) ?? [];
    expect(svgs.length).toBe(3); // survival, tornado, attribution
    for (const svg of svgs) {
      expect(svg).toContain('role="img"');
      expect(svg).toMatch(/aria-label="[^"]+"/);
    }
  });

  it('lists exactly the cited sources in the bibliography, each with its evidence grade', () => {
    const linked = new Set(linkedIds(html));
    const listed = anchorIds(html);
    expect(linked.size).toBeGreaterThan(5);
    expect(new Set(listed)).toEqual(linked);
    expect(listed).toEqual([...listed].sort());
    const { catalog } = loadCatalog();
    for (const id of listed) expect(catalog.sources.has(id)).toBe(true);
    const bib = html.slice(html.indexOf('<section id="bibliography"'));
    expect(bib).toMatch(/class="badge (strength|warning)">(verified|secondary|unverified)</);
  });

  it('states seed, samples, horizon, model version and the injected date in the methods', () => {
    const methods = html.slice(html.indexOf('<section id="methods"'));
    expect(methods).toContain('2026-01-02 03:04 UTC');
    expect(methods).toContain('<dt>Seed</dt><dd>7</dd>');
    expect(methods).toContain('1,000 per simulation; 1,000 per tornado and attribution variant');
    expect(methods).toMatch(/guarantor \d+\.\d+\.\d+; deterrence priors [0-9a-f]{10}/);
  });

  it('is self-contained: no scripts, stylesheets, images or fonts fetched', () => {
    expect(html).not.toMatch(/<script|<link |<img |@import|url\(http|src="http/i);
    expect(html).toContain('<style>');
    expect(html).toContain('@media print');
  });

  it('is deterministic: same seed, same clock, same bytes', async () => {
    const again = await buildReport([ID], { ...fast, format: 'html' });
    expect(again.body).toBe(html);
  });
});

describe('buildReport markdown', () => {
  it('embeds charts as base64 SVG data URLs and links citations to the bibliography', async () => {
    const r = await buildReport([ID], { ...fast, format: 'md' });
    expect(r.contentType).toBe('text/markdown; charset=utf-8');
    const md = r.body as string;
    const images = [...md.matchAll(/!\[[^\]]+\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/g)];
    expect(images).toHaveLength(3);
    expect(Buffer.from(images[0]![1]!, 'base64').toString('utf8')).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/,
    );
    const cited = new Set([...md.matchAll(/\]\(#src-([a-z0-9-]+)\)/g)].map((m) => m[1]));
    const anchors = new Set([...md.matchAll(/<a id="src-([a-z0-9-]+)"><\/a>/g)].map((m) => m[1]));
    expect(cited.size).toBeGreaterThan(5);
    expect(anchors).toEqual(cited);
    expect(md).toContain('## Bibliography');
    expect(md).toContain('| dimension | score (0-100) | weight | basis |');
  });
});

describe('buildReport with several scenarios', () => {
  it('adds a comparison with the overlaid survival chart and a table', async () => {
    const r = await buildReport([ID, 's01-nato-article-5'], { ...fast, format: 'html' });
    const html = r.body as string;
    const compare = html.slice(html.indexOf('<section id="compare"'), html.indexOf('<section id="scenario-'));
    expect(compare).toContain('<h2>Comparison</h2>');
    expect(compare.match(/<svg /g)).toHaveLength(1);
    expect(compare).toContain(`href="#scenario-${ID}"`);
    expect(compare).toContain('href="#scenario-s01-nato-article-5"');
    expect(compare).toContain('P(no attack) (90%)');
    expect(r.filename).toBe(`guarantor-report-${ID}_s01-nato-article-5.html`);
  });

  it('without simulation has no charts and no simulation columns', async () => {
    const r = await buildReport([ID, 's01-nato-article-5'], { ...fast, format: 'html', simulate: false });
    const html = r.body as string;
    expect(html).not.toContain('<svg');
    expect(html).not.toContain('<h3>Simulation</h3>');
    expect(html).toContain('no simulation (--no-simulate)');
    expect(html).toContain('<h2>Comparison</h2>');
  });
});

describe('escaping scenario text', () => {
  const evil = '<script>alert("x")</script><img src=x onerror=alert(1)>';
  const resolve = (id: string): Scenario | undefined => {
    if (id !== 'evil') return undefined;
    const base = loadCatalog().catalog.scenarios.get(ID)!.scenario;
    return {
      ...base,
      id: 'evil',
      title: `Evil ${evil}`,
      summary: `Summary ${evil} | pipe [link](javascript:alert(1))`,
      instruments: base.instruments.map((i) => ({ ...i, title: `${i.title} ${evil}` })),
    };
  };

  it('never lets a scenario inject HTML into the html report', async () => {
    const r = await buildReport(['evil'], { ...fast, format: 'html', simulate: false, resolve });
    const html = r.body as string;
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('Evil &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('<dt>Origin</dt><dd>user scenario</dd>');
  });

  it('never lets a scenario inject HTML, links or table cells into the markdown report', async () => {
    const r = await buildReport(['evil'], { ...fast, format: 'md', simulate: false, resolve });
    const md = r.body as string;
    expect(md).not.toMatch(/<script|<img/);
    // brackets are escaped, so '](javascript:' can only appear as '\](javascript:', which is no link
    expect(md).not.toMatch(/[^\\]\]\(javascript:/);
    expect(md).toContain('Summary &lt;script&gt;alert("x")&lt;/script&gt;');
    expect(md).toContain('\\| pipe \\[link\\](javascript:alert(1))');
  });
});

describe('attribution on large packages', () => {
  it('is skipped above 8 instruments, and the report says why', async () => {
    const resolve = (id: string): Scenario | undefined => {
      if (id !== 'big') return undefined;
      const base = loadCatalog().catalog.scenarios.get(ID)!.scenario;
      const instruments = [0, 1, 2].flatMap((k) =>
        base.instruments.map((i) => ({ ...i, id: `${i.id}-${k}` })),
      );
      return { ...base, id: 'big', instruments };
    };
    const r = await buildReport(['big'], { ...fast, format: 'html', resolve });
    const html = r.body as string;
    expect(html).toContain(
      'Not computed: 9 instruments: attribution over 2^9 instrument subsets is too slow for a report; run guarantor sensitivity big.',
    );
    expect(html.match(/<svg /g)).toHaveLength(2); // survival and tornado
  });
});

describe('buildReport errors', () => {
  it('refuses an unknown id with a suggestion', async () => {
    const e = await buildReport(['s08-reassurance'], { ...fast, format: 'html' }).catch((x) => x);
    expect(e).toBeInstanceOf(GuarantorError);
    expect(e.code).toBe('usage.unknown-scenario');
    expect(e.diagnostics[0].hint).toBe("did you mean 's08-reassurance-force'?");
  });

  it('refuses an empty list, a bad format and bad numbers', async () => {
    await expect(buildReport([], { format: 'html' })).rejects.toThrow('name at least one scenario');
    await expect(buildReport([ID], { format: 'docx' as 'html' })).rejects.toThrow(
      "unknown report format 'docx'",
    );
    await expect(buildReport([ID], { format: 'html', samples: 0 })).rejects.toThrow(/samples must be/);
    await expect(buildReport([ID], { format: 'html', horizon: 500 })).rejects.toThrow(/horizon/);
    await expect(buildReport([ID], { format: 'html', seed: -1 })).rejects.toThrow(/seed must be/);
  });

  it('names files safely', () => {
    expect(reportFilename(['a/b', '../x'], 'md')).toBe('guarantor-report-a-b_x.md');
    expect(
      reportFilename(
        Array.from({ length: 9 }, (_, i) => `scenario-number-${i}`),
        'pdf',
      ),
    ).toBe('guarantor-report-9-scenarios.pdf');
  });
});
