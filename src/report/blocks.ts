// a small document tree between the report's content and its formats: the content is written once
// (report-document.ts) and serialised to HTML and markdown, so both say the same thing and cite the same sources

export type Inline =
  | string
  | { b: string }
  | { i: string }
  | { code: string }
  | { cite: string }
  | { link: string; href: string }
  | { badge: string; tone: 'error' | 'warning' | 'info' | 'strength' | 'muted' };

export type Rich = string | Inline[];

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string; id?: string }
  | { kind: 'p'; content: Rich; tone?: 'lead' | 'note' | 'warning' }
  | { kind: 'list'; items: Rich[]; ordered?: boolean }
  | { kind: 'table'; headers: string[]; rows: Rich[][]; align?: ('l' | 'r')[]; caption?: string }
  | { kind: 'figure'; svg: string; alt: string; caption: Rich }
  | { kind: 'facts'; items: [string, Rich][] }
  | {
      kind: 'section';
      id: string;
      tone?: 'scenario' | 'compare' | 'bibliography' | 'methods';
      blocks: Block[];
    }
  | { kind: 'sources'; entries: { id: string; anchor: string; text: Inline[] }[] };

/** every source id cited anywhere in the blocks, in order of first appearance */
export function citedIds(blocks: readonly Block[]): string[] {
  const out = new Set<string>();
  const rich = (r: Rich) => {
    if (typeof r === 'string') return;
    for (const x of r) if (typeof x === 'object' && 'cite' in x) out.add(x.cite);
  };
  const walk = (bs: readonly Block[]) => {
    for (const b of bs) {
      if (b.kind === 'p') rich(b.content);
      else if (b.kind === 'list') b.items.forEach(rich);
      else if (b.kind === 'table') for (const r of b.rows) r.forEach(rich);
      else if (b.kind === 'figure') rich(b.caption);
      else if (b.kind === 'facts') for (const [, v] of b.items) rich(v);
      else if (b.kind === 'section') walk(b.blocks);
    }
  };
  walk(blocks);
  return [...out];
}

/** a comma-separated run of citations */
export function cites(ids: readonly string[]): Inline[] {
  const out: Inline[] = [];
  [...new Set(ids)].forEach((id, k) => {
    if (k) out.push(', ');
    out.push({ cite: id });
  });
  return out;
}
