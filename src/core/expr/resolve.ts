// AST -> IR: builds distributions (parameters must be constants), folds constants, checks names and arities

import { Constant } from '../dist/constant.js';
import type { Dist } from '../dist/dist.js';
import { DIST_CONSTRUCTORS, type DistArg, intervalDist, type ParamProblem } from '../dist/registry.js';
import { Truncated } from '../dist/truncated.js';
import { didYouMean } from '../util/did-you-mean.js';
import type { ExprNode } from './ast.js';
import { applyBinary, applyUnary, type BinaryFn, type IrNode, type UnaryFn } from './ir.js';

/** a problem inside one spec, located by 0-based offset */
export interface SpecProblem {
  code: string;
  message: string;
  start: number;
  hint?: string;
  severity?: 'error' | 'warning';
}

const UNARY: Record<string, UnaryFn> = { exp: 'exp', log: 'log', sqrt: 'sqrt', abs: 'abs' };
const VARIADIC: Record<string, BinaryFn> = { min: 'min', max: 'max' };
const CONSTANTS: Record<string, number> = { inf: Number.POSITIVE_INFINITY, pi: Math.PI };

/** names a model input may not take */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  ...DIST_CONSTRUCTORS.keys(),
  ...Object.keys(UNARY),
  ...Object.keys(VARIADIC),
  ...Object.keys(CONSTANTS),
  'truncate',
  'to',
]);

const ALL_FUNCTIONS = [
  ...DIST_CONSTRUCTORS.keys(),
  ...Object.keys(UNARY),
  ...Object.keys(VARIADIC),
  'truncate',
];

class Stop extends Error {
  constructor(readonly problem: SpecProblem) {
    super(problem.message);
  }
}

export interface ResolveContext {
  /** names that may be referenced */
  inputs: ReadonlySet<string>;
}

/** resolves a parsed spec; the first error stops (one clear message beats a cascade) */
export function resolveSpec(
  node: ExprNode,
  ctx: ResolveContext,
): { ok: true; ir: IrNode; refs: { name: string; start: number }[] } | { ok: false; problem: SpecProblem } {
  const refs: { name: string; start: number }[] = [];
  let leaves = 0;

  const dist = (d: Dist, n: ExprNode): IrNode => ({
    k: 'dist',
    dist: d,
    leaf: leaves++,
    start: n.start,
    end: n.end,
  });

  const constArg = (n: ExprNode, fn: string, param: string): number => {
    const ir = walk(n);
    if (ir.k === 'const') return ir.v;
    throw new Stop({
      code: 'spec.param-not-constant',
      message: `${param} of ${fn}() must be a number, not an uncertain quantity`,
      start: n.start,
      hint: `distribution parameters are fixed numbers; to shift or scale, write e.g. \`x + ${fn}(...)\``,
    });
  };

  const listArg = (n: ExprNode, fn: string, param: string): number[] => {
    if (n.type !== 'list') {
      throw new Stop({
        code: 'spec.param',
        message: `${param} of ${fn}() must be a list like [1, 2, 3]`,
        start: n.start,
      });
    }
    return n.items.map((it) => constArg(it, fn, param));
  };

  const paramProblem = (p: ParamProblem, args: ExprNode[], at: ExprNode): Stop =>
    new Stop({ code: p.code, message: p.message, start: (args[p.arg] ?? at).start, hint: p.hint });

  const walk = (n: ExprNode): IrNode => {
    switch (n.type) {
      case 'num':
        return { k: 'const', v: n.value, start: n.start, end: n.end };
      case 'ref': {
        if (n.name in CONSTANTS) return { k: 'const', v: CONSTANTS[n.name]!, start: n.start, end: n.end };
        if (ctx.inputs.has(n.name)) {
          refs.push({ name: n.name, start: n.start });
          return { k: 'input', name: n.name, start: n.start, end: n.end };
        }
        if (DIST_CONSTRUCTORS.has(n.name) || n.name in UNARY || n.name in VARIADIC || n.name === 'truncate') {
          throw new Stop({
            code: 'spec.missing-args',
            message: `'${n.name}' needs arguments in parentheses`,
            start: n.end,
            hint: signatureHint(n.name),
          });
        }
        const guess = didYouMean(n.name, ctx.inputs);
        throw new Stop({
          code: 'spec.unknown-input',
          message: `unknown input '${n.name}'`,
          start: n.start,
          hint: guess
            ? `did you mean '${guess}'?`
            : ctx.inputs.size
              ? `defined inputs: ${[...ctx.inputs].slice(0, 12).join(', ')}`
              : 'define it under inputs:',
        });
      }
      case 'neg':
        return fold({ k: 'un', fn: 'neg', a: walk(n.arg), start: n.start, end: n.end });
      case 'binary': {
        const a = walk(n.left);
        const b = walk(n.right);
        if (n.op === '/' && b.k === 'const' && b.v === 0) {
          throw new Stop({
            code: 'model.division-by-zero',
            message: 'division by the constant 0',
            start: n.right.start,
          });
        }
        return fold({ k: 'bin', fn: n.op, a, b, start: n.start, end: n.end });
      }
      case 'list':
        throw new Stop({
          code: 'spec.list',
          message: 'a list [..] is only allowed as an argument of discrete()',
          start: n.start,
        });
      case 'to': {
        const lo = constArg(n.low, 'to', 'the low end');
        const hi = constArg(n.high, 'to', 'the high end');
        const d = intervalDist(lo, hi);
        if ('arg' in d) throw paramProblem(d, [n.low, n.high], n);
        return dist(d, n);
      }
      case 'call':
        return call(n);
    }
  };

  const arity = (n: Extract<ExprNode, { type: 'call' }>, want: number, signature: string) => {
    if (n.args.length !== want) {
      throw new Stop({
        code: 'spec.arity',
        message: `${n.name}() takes ${want} argument${want === 1 ? '' : 's'}, got ${n.args.length}`,
        start: n.start,
        hint: `write ${signature}`,
      });
    }
  };

  const call = (n: Extract<ExprNode, { type: 'call' }>): IrNode => {
    const ctor = DIST_CONSTRUCTORS.get(n.name);
    if (ctor) {
      arity(n, ctor.params.length, ctor.signature);
      const args: DistArg[] = n.args.map((a, i) =>
        ctor.lists?.[i] ? listArg(a, n.name, ctor.params[i]!) : constArg(a, n.name, ctor.params[i]!),
      );
      const d = ctor.build(args);
      if ('arg' in d) throw paramProblem(d, n.args, n);
      return dist(d, n);
    }
    if (n.name === 'truncate') {
      arity(n, 3, 'truncate(dist, low, high)');
      const base = walk(n.args[0]!);
      const lo = constArg(n.args[1]!, 'truncate', 'low');
      const hi = constArg(n.args[2]!, 'truncate', 'high');
      if (base.k !== 'dist') {
        throw new Stop({
          code: 'spec.truncate',
          message: 'the first argument of truncate() must be a distribution',
          start: n.args[0]!.start,
          hint: 'e.g. truncate(normal(0, 1), 0, 2)',
        });
      }
      if (base.dist.discrete) {
        throw new Stop({
          code: 'spec.truncate',
          message: `truncate() applies to continuous distributions, not ${base.dist.kind}`,
          start: n.args[0]!.start,
          hint: 'drop the excluded values from the discrete list instead',
        });
      }
      if (Number.isNaN(lo) || Number.isNaN(hi) || !(lo < hi)) {
        throw new Stop({
          code: 'spec.param',
          message: `truncate() needs low < high, got ${lo} and ${hi}`,
          start: n.args[2]!.start,
        });
      }
      leaves--; // the base leaf is replaced by the truncated one
      const t = new Truncated(base.dist, lo, hi);
      if (!(t.mass > 1e-12)) {
        throw new Stop({
          code: 'spec.truncate-empty',
          message: `truncate() keeps no probability: ${base.dist.describe()} has (almost) no mass in [${lo}, ${hi}]`,
          start: n.args[1]!.start,
          hint: 'widen the bounds or move the distribution',
        });
      }
      return dist(t, n);
    }
    const un = UNARY[n.name];
    if (un) {
      arity(n, 1, `${n.name}(x)`);
      return fold({ k: 'un', fn: un, a: walk(n.args[0]!), start: n.start, end: n.end });
    }
    const vr = VARIADIC[n.name];
    if (vr) {
      if (n.args.length < 2) {
        throw new Stop({
          code: 'spec.arity',
          message: `${n.name}() takes at least 2 arguments, got ${n.args.length}`,
          start: n.start,
          hint: `write ${n.name}(a, b)`,
        });
      }
      let acc = walk(n.args[0]!);
      for (const a of n.args.slice(1))
        acc = fold({ k: 'bin', fn: vr, a: acc, b: walk(a), start: n.start, end: n.end });
      return acc;
    }
    const guess = didYouMean(n.name, ALL_FUNCTIONS);
    throw new Stop({
      code: 'spec.unknown-function',
      message: `unknown distribution or function '${n.name}'`,
      start: n.start,
      hint: guess ? `did you mean '${guess}'?` : `known: ${ALL_FUNCTIONS.join(', ')}`,
    });
  };

  try {
    const ir = walk(node);
    return { ok: true, ir, refs };
  } catch (e) {
    if (e instanceof Stop) return { ok: false, problem: e.problem };
    throw e;
  }
}

function fold(n: IrNode): IrNode {
  if (n.k === 'un' && n.a.k === 'const')
    return { k: 'const', v: applyUnary(n.fn, n.a.v), start: n.start, end: n.end };
  if (n.k === 'bin' && n.a.k === 'const' && n.b.k === 'const') {
    return { k: 'const', v: applyBinary(n.fn, n.a.v, n.b.v), start: n.start, end: n.end };
  }
  return n;
}

function signatureHint(name: string): string {
  const c = DIST_CONSTRUCTORS.get(name);
  if (c) return `write ${c.signature}`;
  if (name === 'truncate') return 'write truncate(dist, low, high)';
  return `write ${name}(...)`;
}

/** a constant spec as a point-mass distribution */
export function constantDist(v: number): Dist {
  return new Constant(v);
}
