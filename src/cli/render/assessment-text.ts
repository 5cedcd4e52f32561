// assessment as text or markdown: scorecard, party stances, findings with their sources

import type { Assessment, Finding } from '../../core/assess/types.js';
import type { Catalog } from '../../core/catalog/catalog.js';
import { findingCounts } from '../../node/comparison.js';
import type { Paint } from '../io.js';
import { renderMarkdown, renderTable } from '../table.js';

export { findingCounts };

const SEVERITY_LABEL = { error: 'ERROR', warning: 'WARN', info: 'INFO', strength: 'PLUS' } as const;

export function citeList(ids: readonly string[], catalog: Pick<Catalog, 'sources'>): string {
  return ids
    .map((id) => {
      const s = catalog.sources.get(id);
      return s && s.evidence !== 'verified' ? `${id} [${s.evidence}]` : id;
    })
    .join(', ');
}

export function renderAssessment(
  a: Assessment,
  title: string,
  catalog: Pick<Catalog, 'sources'>,
  p: Paint,
  markdown = false,
): string {
  const headers = ['dimension', 'score', 'weight', 'basis'];
  const rows = [
    ...a.scores.map((s) => [s.label, s.score, s.weight, s.basis]),
    ['Overall (weighted mean)', a.overall, '', ''],
  ];
  const table = markdown
    ? renderMarkdown(headers, rows, { align: ['l', 'r', 'r', 'l'] })
    : renderTable(headers, rows, { align: ['l', 'r', 'r', 'l'] });
  const parties = a.parties.map(
    (x) =>
      `${markdown ? '- ' : ''}${x.party.padEnd(markdown ? 0 : 10)} ${x.stance}${x.stated ? ' (stated)' : ''}${
        x.reasons.length
          ? `: ${x.reasons.map((r) => `${r.text} [${citeList([r.source], catalog)}]`).join(' ')}`
          : ': no coded red line crossed'
      }`,
  );
  const counts = findingCounts(a.findings);
  const colour = (f: Finding) =>
    f.severity === 'error'
      ? p.red
      : f.severity === 'warning'
        ? p.yellow
        : f.severity === 'strength'
          ? p.green
          : p.dim;
  const findings = a.findings.map((f) =>
    markdown
      ? `- **${SEVERITY_LABEL[f.severity]}** \`${f.id}\` ${f.title}. ${f.rationale} _Sources: ${citeList(f.sources, catalog)}_`
      : `${colour(f)(SEVERITY_LABEL[f.severity].padEnd(5))} ${p.bold(f.title)} (${f.id})\n      ${f.rationale}\n      sources: ${citeList(f.sources, catalog)}`,
  );
  const h = (s: string) => (markdown ? `## ${s}` : p.bold(s));
  return [
    markdown ? `# ${title} (${a.scenario})` : p.bold(`${title} (${a.scenario})`),
    '',
    h('Scorecard'),
    table,
    '',
    h('Parties'),
    ...parties,
    '',
    h(
      `Findings: ${counts.error} error, ${counts.warning} warning, ${counts.info} info, ${counts.strength} strength`,
    ),
    ...findings,
  ].join('\n');
}
