// the report as one self-contained HTML page: inline CSS and SVG, no scripts, no external requests. Every text
// from a scenario file is escaped; chart SVGs come from our own builders (their text escaped by the serialiser).

import type { Block, Inline, Rich } from './blocks.js';
import { sourceAnchor } from './citations.js';
import { REPORT_CSS } from './report-css.js';
import { contents, reportDocument } from './report-document.js';
import type { ReportModel } from './report-model.js';
import { escapeHtml as esc, utcStamp } from './text.js';

function inline(x: Inline, m: ReportModel): string {
  if (typeof x === 'string') return esc(x);
  if ('b' in x) return `<strong>${esc(x.b)}</strong>`;
  if ('i' in x) return `<em>${esc(x.i)}</em>`;
  if ('code' in x) return `<code>${esc(x.code)}</code>`;
  if ('cite' in x) {
    const s = m.sources.get(x.cite);
    const grade =
      s && s.evidence !== 'verified' ? ` <span class="badge muted">${esc(s.evidence)}</span>` : '';
    return `<a class="cite" href="#${esc(sourceAnchor(x.cite))}">${esc(x.cite)}</a>${grade}`;
  }
  if ('link' in x) return `<a href="${esc(x.href)}">${esc(x.link)}</a>`;
  return `<span class="badge ${esc(x.tone)}">${esc(x.badge)}</span>`;
}

const rich = (r: Rich, m: ReportModel) =>
  typeof r === 'string' ? esc(r) : r.map((x) => inline(x, m)).join('');

function block(b: Block, m: ReportModel): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}${b.id ? ` id="${esc(b.id)}"` : ''}>${esc(b.text)}</h${b.level}>`;
    case 'p':
      return `<p${b.tone ? ` class="${b.tone}"` : ''}>${rich(b.content, m)}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag} class="findings">${b.items.map((i) => `<li>${rich(i, m)}</li>`).join('')}</${tag}>`;
    }
    case 'table': {
      const cls = (k: number) => (b.align?.[k] === 'r' ? ' class="r"' : '');
      const head = b.headers.map((h, k) => `<th scope="col"${cls(k)}>${esc(h)}</th>`).join('');
      const body = b.rows
        .map((r) => `<tr>${r.map((c, k) => `<td${cls(k)}>${rich(c, m)}</td>`).join('')}</tr>`)
        .join('\n');
      return `<table>${b.caption ? `<caption>${esc(b.caption)}</caption>` : ''}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
    }
    case 'figure':
      // the SVG carries role="img", aria-label, <title> and <desc>; the caption adds the method
      return `<figure>${b.svg}<figcaption>${rich(b.caption, m)}</figcaption></figure>`;
    case 'facts':
      return `<dl class="facts">${b.items.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${rich(v, m)}</dd>`).join('')}</dl>`;
    case 'section':
      return `<section id="${esc(b.id)}" class="${b.tone ?? ''}">\n${b.blocks.map((x) => block(x, m)).join('\n')}\n</section>`;
    case 'sources':
      return `<ol class="sources">${b.entries.map((e) => `<li id="${esc(e.anchor)}">${e.text.map((x) => inline(x, m)).join('')}</li>`).join('\n')}</ol>`;
  }
}

export function renderHtml(m: ReportModel): string {
  const doc = reportDocument(m);
  const toc = contents(doc);
  const st = m.settings;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${esc(m.modelVersion)}">
<title>${esc(m.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>${esc(m.title)}</h1>
<p class="meta">Generated ${esc(utcStamp(m.generatedAt))}; seed ${st.seed}; ${st.simulate ? `${st.samples.toLocaleString('en-US')} samples per simulation` : 'no simulation'}. See <a href="#methods">Methods</a>.</p>
<nav aria-label="Contents"><ol>${toc.map((t) => `<li><a href="#${esc(t.id)}">${esc(t.text)}</a></li>`).join('')}</ol></nav>
</header>
<main>
${doc.map((b) => block(b, m)).join('\n')}
</main>
</body>
</html>
`;
}
