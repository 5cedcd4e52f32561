// recursive-descent parser for specs and expressions.
// precedence, lowest first: `to` (non-associative) < comparisons < + - < * / < unary minus < ^ (right-assoc)

import type { BinaryOp, ExprNode } from './ast.js';
import { lex, type Token } from './lexer.js';

export interface ParseError {
  message: string;
  /** 0-based offset into the text */
  start: number;
  hint?: string;
}

export type ParseResult = { ok: true; node: ExprNode } | { ok: false; error: ParseError };

/** longest accepted spec: keeps a runaway or pasted document from becoming a deep parse */
export const MAX_SPEC_LENGTH = 4000;
const MAX_DEPTH = 100;

class Fail extends Error {
  constructor(readonly err: ParseError) {
    super(err.message);
  }
}

/**
 * Parses one spec or expression.
 * @example parseExpr('truncate(normal(0, 1), 0, 2) * 3')
 */
export function parseExpr(text: string): ParseResult {
  if (text.length > MAX_SPEC_LENGTH) {
    return {
      ok: false,
      error: { message: `spec is ${text.length} characters; the limit is ${MAX_SPEC_LENGTH}`, start: 0 },
    };
  }
  const lexed = lex(text);
  if (!lexed.ok) return { ok: false, error: lexed.error };
  const p = new Parser(lexed.tokens);
  try {
    if (p.peek().kind === 'eof')
      throw new Fail({
        message: 'empty spec',
        start: 0,
        hint: 'write a number, a distribution such as normal(0, 1), or an expression',
      });
    const node = p.parseTo();
    const t = p.peek();
    if (t.kind !== 'eof') {
      throw new Fail({
        message: `unexpected '${t.text}' after a complete expression`,
        start: t.start,
        hint: t.kind === 'num' || t.kind === 'ident' ? 'is an operator missing, e.g. * or +?' : undefined,
      });
    }
    return { ok: true, node };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, error: e.err };
    throw e;
  }
}

const COMPARE = new Set(['<', '<=', '>', '>=', '==', '!=']);

class Parser {
  private pos = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  peek(): Token {
    return this.tokens[this.pos]!;
  }
  private next(): Token {
    return this.tokens[this.pos++]!;
  }
  private isOp(text: string): boolean {
    const t = this.peek();
    return t.kind === 'op' && t.text === text;
  }
  private expect(text: string, what: string): Token {
    const t = this.peek();
    if (t.kind === 'op' && t.text === text) return this.next();
    throw new Fail({ message: `expected '${text}' ${what}, found ${describe(t)}`, start: t.start });
  }

  parseTo(): ExprNode {
    const low = this.parseCompare();
    const t = this.peek();
    if (t.kind === 'ident' && t.text === 'to') {
      this.next();
      const high = this.parseCompare();
      const after = this.peek();
      if (after.kind === 'ident' && after.text === 'to') {
        throw new Fail({
          message: "'to' cannot be chained",
          start: after.start,
          hint: 'write one interval, e.g. 5 to 10',
        });
      }
      return { type: 'to', low, high, start: low.start, end: high.end };
    }
    return low;
  }

  private parseCompare(): ExprNode {
    let left = this.parseSum();
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'op' || !COMPARE.has(t.text)) return left;
      this.next();
      const right = this.parseSum();
      left = { type: 'binary', op: t.text as BinaryOp, left, right, start: left.start, end: right.end };
    }
  }

  private parseSum(): ExprNode {
    let left = this.parseProduct();
    for (;;) {
      const t = this.peek();
      if (!(t.kind === 'op' && (t.text === '+' || t.text === '-'))) return left;
      this.next();
      const right = this.parseProduct();
      left = { type: 'binary', op: t.text as BinaryOp, left, right, start: left.start, end: right.end };
    }
  }

  private parseProduct(): ExprNode {
    let left = this.parseUnary();
    for (;;) {
      const t = this.peek();
      if (!(t.kind === 'op' && (t.text === '*' || t.text === '/'))) return left;
      this.next();
      const right = this.parseUnary();
      left = { type: 'binary', op: t.text as BinaryOp, left, right, start: left.start, end: right.end };
    }
  }

  private parseUnary(): ExprNode {
    const t = this.peek();
    if (t.kind === 'op' && (t.text === '-' || t.text === '+')) {
      this.next();
      const arg = this.nested(() => this.parseUnary());
      if (t.text === '+') return arg;
      // fold literal negatives so `-3` stays a number (and `-inf` a constant)
      if (arg.type === 'num') return { type: 'num', value: -arg.value, start: t.start, end: arg.end };
      return { type: 'neg', arg, start: t.start, end: arg.end };
    }
    return this.parsePower();
  }

  private parsePower(): ExprNode {
    const base = this.parseAtom();
    if (this.isOp('^')) {
      this.next();
      const exp = this.nested(() => this.parseUnary());
      return { type: 'binary', op: '^', left: base, right: exp, start: base.start, end: exp.end };
    }
    return base;
  }

  private nested<T>(f: () => T): T {
    if (++this.depth > MAX_DEPTH)
      throw new Fail({ message: 'expression is nested too deeply', start: this.peek().start });
    try {
      return f();
    } finally {
      this.depth--;
    }
  }

  private parseAtom(): ExprNode {
    const t = this.next();
    if (t.kind === 'num') return { type: 'num', value: t.value, start: t.start, end: t.end };
    if (t.kind === 'ident') {
      if (t.text === 'to')
        throw new Fail({
          message: "'to' needs a lower bound before it",
          start: t.start,
          hint: 'e.g. 5 to 10',
        });
      if (this.isOp('(')) {
        this.next();
        const args: ExprNode[] = [];
        if (!this.isOp(')')) {
          for (;;) {
            args.push(this.nested(() => this.parseTo()));
            if (this.isOp(',')) {
              this.next();
              continue;
            }
            break;
          }
        }
        const close = this.expect(')', `to close ${t.text}(`);
        return { type: 'call', name: t.text, args, start: t.start, end: close.end };
      }
      return { type: 'ref', name: t.text, start: t.start, end: t.end };
    }
    if (t.kind === 'op' && t.text === '(') {
      const inner = this.nested(() => this.parseTo());
      const close = this.expect(')', "to close '('");
      return { ...inner, start: t.start, end: close.end };
    }
    if (t.kind === 'op' && t.text === '[') {
      const items: ExprNode[] = [];
      if (!this.isOp(']')) {
        for (;;) {
          items.push(this.nested(() => this.parseCompare()));
          if (this.isOp(',')) {
            this.next();
            continue;
          }
          break;
        }
      }
      const close = this.expect(']', "to close '['");
      return { type: 'list', items, start: t.start, end: close.end };
    }
    throw new Fail({
      message:
        t.kind === 'eof' ? 'spec ends where a value was expected' : `expected a value, found ${describe(t)}`,
      start: t.start,
      hint: t.kind === 'eof' ? 'is an operand missing?' : undefined,
    });
  }
}

function describe(t: Token): string {
  return t.kind === 'eof' ? 'the end of the spec' : `'${t.text}'`;
}
