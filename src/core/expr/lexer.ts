// tokens of the spec language, each with its offset so errors can point at a column

export type TokenKind = 'num' | 'ident' | 'op' | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  value: number;
  start: number;
  end: number;
}

export interface LexError {
  message: string;
  start: number;
}

const OPS = ['<=', '>=', '==', '!=', '+', '-', '*', '/', '^', '(', ')', '[', ']', ',', '<', '>'];

export function lex(src: string): { ok: true; tokens: Token[] } | { ok: false; error: LexError } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i++;
      continue;
    }
    const num = /^(?:\d+(?:_\d+)*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i));
    if (num) {
      const text = num[0];
      const value = Number(text.replace(/_/g, ''));
      tokens.push({ kind: 'num', text, value, start: i, end: i + text.length });
      i += text.length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (id) {
      tokens.push({ kind: 'ident', text: id[0], value: Number.NaN, start: i, end: i + id[0].length });
      i += id[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op) {
      tokens.push({ kind: 'op', text: op, value: Number.NaN, start: i, end: i + op.length });
      i += op.length;
      continue;
    }
    const hint =
      ch === '=' ? " (use '==' to compare)" : ch === '%' ? ' (write percentages as fractions, e.g. 0.3)' : '';
    return { ok: false, error: { message: `unexpected character '${ch}'${hint}`, start: i } };
  }
  tokens.push({ kind: 'eof', text: '', value: Number.NaN, start: src.length, end: src.length });
  return { ok: true, tokens };
}
