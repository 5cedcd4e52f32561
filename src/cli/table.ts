// plain-text and markdown tables for every command's default output

export type Cell = string | number | null | undefined;

function cellText(c: Cell): string {
  if (c === null || c === undefined) return '';
  return typeof c === 'number' ? String(c) : c;
}

function visibleLength(s: string): number {
  // eslint-style escape stripping so coloured cells still align
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes are what we strip
  return [...s.replace(/\u001b\[[0-9;]*m/g, '')].length;
}

export function renderTable(headers: string[], rows: Cell[][], opts: { align?: ('l' | 'r')[] } = {}): string {
  const text = rows.map((r) => r.map(cellText));
  const widths = headers.map((h, i) =>
    Math.max(visibleLength(h), ...text.map((r) => visibleLength(r[i] ?? ''))),
  );
  const pad = (s: string, i: number) => {
    const gap = ' '.repeat(Math.max(0, widths[i]! - visibleLength(s)));
    return opts.align?.[i] === 'r' ? gap + s : s + gap;
  };
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, i))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(headers), rule, ...text.map(line)].join('\n');
}

export function renderMarkdown(
  headers: string[],
  rows: Cell[][],
  opts: { align?: ('l' | 'r')[] } = {},
): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const head = `| ${headers.map(esc).join(' | ')} |`;
  const sep = `|${headers.map((_, i) => (opts.align?.[i] === 'r' ? '---:' : '---')).join('|')}|`;
  const body = rows.map((r) => `| ${r.map((c) => esc(cellText(c))).join(' | ')} |`);
  return [head, sep, ...body].join('\n');
}
