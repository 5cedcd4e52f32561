// the report as markdown: tables as pipe tables, charts as data:image/svg+xml;base64 images (so the file is
// self-contained), citations as links to the bibliography's anchors. Scenario text is escaped: no raw HTML.

import { svgDataUrl } from '../charts/serialize-svg.js';
import type { Block, Inline, Rich } from './blocks.js';
import { sourceAnchor } from './citations.js';
import { contents, reportDocument } from './report-document.js';
import type { ReportModel } from './report-model.js';
import { escapeMd as esc, utcStamp } from './text.js';

function inline(x: Inline, m: ReportModel): string {
  if (typeof x === 'string') return esc(x);
  if ('b' in x) return `**${esc(x.b)}**`;
  if ('i' in x) return `_${esc(x.i)}_`;
  if ('code' in x) return `\`${x.code.replaceAll('`', "'")}\``;
  if ('cite' in x) {
    const s = m.sources.get(x.cite);
    return `[${esc(x.cite)}](#${sourceAnchor(x.cite)})${s && s.evidence !== 'verified' ? ` (${s.evidence})` : ''}`;
  }
  if ('link' in x) {
    const href = x.href.startsWith('#')
      ? x.href
      : encodeURI(decodeURI(x.href)).replaceAll('(', '%28').replaceAll(')', '%29');
    return x.href.startsWith('#') ? `[${esc(x.link)}](${href})` : `<${href}>`;
  }
  return `**[${esc(x.badge)}]**`;
}

const rich = (r: Rich, m: ReportModel) =>
  typeof r === 'string' ? esc(r) : r.map((x) => inline(x, m)).join('');

function block(b: Block, m: ReportModel): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${esc(b.text)}`;
    case 'p':
      return b.tone === 'note' || b.tone === 'warning' ? `> ${rich(b.content, m)}` : rich(b.content, m);
    case 'list':
      return b.items.map((i, k) => `${b.ordered ? `${k + 1}.` : '-'} ${rich(i, m)}`).join('\n');
    case 'table': {
      const sep = b.headers.map((_, k) => (b.align?.[k] === 'r' ? '---:' : '---'));
      return [
        `| ${b.headers.map(esc).join(' | ')} |`,
        `| ${sep.join(' | ')} |`,
        ...b.rows.map((r) => `| ${r.map((c) => rich(c, m)).join(' | ')} |`),
      ].join('\n');
    }
    case 'figure':
      return `![${esc(b.alt)}](${svgDataUrl(b.svg)})\n\n_${rich(b.caption, m)}_`;
    case 'facts':
      return b.items.map(([k, v]) => `- **${esc(k)}:** ${rich(v, m)}`).join('\n');
    case 'section':
      return `<a id="${b.id}"></a>\n\n${b.blocks.map((x) => block(x, m)).join('\n\n')}`;
    case 'sources':
      return b.entries
        .map((e, k) => `${k + 1}. <a id="${e.anchor}"></a>${e.text.map((x) => inline(x, m)).join('')}`)
        .join('\n');
  }
}

export function renderMarkdown(m: ReportModel): string {
  const doc = reportDocument(m);
  const st = m.settings;
  return [
    `# ${esc(m.title)}`,
    `Generated ${utcStamp(m.generatedAt)}; seed ${st.seed}; ${st.simulate ? `${st.samples.toLocaleString('en-US')} samples per simulation` : 'no simulation'}. See [Methods](#methods).`,
    contents(doc)
      .map((t, k) => `${k + 1}. [${esc(t.text)}](#${t.id})`)
      .join('\n'),
    ...doc.map((b) => block(b, m)),
    '',
  ].join('\n\n');
}
