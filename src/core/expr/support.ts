// interval analysis over the IR: what values can each input take? Used to refuse division by something that can
// be 0 before any sampling, and to warn about log/sqrt of values that can be negative

import type { Support } from '../dist/dist.js';
import type { IrNode } from './ir.js';
import type { SpecProblem } from './resolve.js';

const ALL: Support = { lo: -Infinity, hi: Infinity, loOpen: true, hiOpen: true };
const BOOL: Support = { lo: 0, hi: 1, loOpen: false, hiOpen: false };

/** can the value 0 occur? */
export function containsZero(s: Support): boolean {
  if (s.lo > 0 || s.hi < 0) return false;
  if (s.lo === 0) return !s.loOpen;
  if (s.hi === 0) return !s.hiOpen;
  return true;
}

export function formatSupport(s: Support): string {
  const f = (x: number) =>
    x === Infinity ? 'inf' : x === -Infinity ? '-inf' : String(Number(x.toPrecision(6)));
  return `${s.loOpen ? '(' : '['}${f(s.lo)}, ${f(s.hi)}${s.hiOpen ? ')' : ']'}`;
}

interface End {
  v: number;
  open: boolean;
}

function fromEnds(ends: End[]): Support {
  let lo = ends[0]!;
  let hi = ends[0]!;
  for (const e of ends) {
    if (Number.isNaN(e.v)) return ALL;
    if (e.v < lo.v || (e.v === lo.v && !e.open)) lo = e;
    if (e.v > hi.v || (e.v === hi.v && !e.open)) hi = e;
  }
  return {
    lo: lo.v,
    hi: hi.v,
    loOpen: lo.open || !Number.isFinite(lo.v),
    hiOpen: hi.open || !Number.isFinite(hi.v),
  };
}

// 0 * inf counts as 0 for bounds: a factor that is exactly 0 keeps the product at 0
const mulEnd = (x: End, y: End): End => ({
  v: x.v === 0 || y.v === 0 ? 0 : x.v * y.v,
  open: x.open || y.open,
});

/**
 * Support of an IR node, given the supports of the inputs it references. Pushes problems (division by something
 * that can be 0 is an error; log or sqrt of something that can be <= 0 or < 0 is a warning).
 */
export function supportOf(
  n: IrNode,
  inputSupport: (name: string) => Support,
  problems: SpecProblem[],
  describe: (n: IrNode) => string,
  zeroAtom: (n: IrNode) => boolean | undefined,
): Support {
  const rec = (m: IrNode) => supportOf(m, inputSupport, problems, describe, zeroAtom);
  switch (n.k) {
    case 'const':
      return { lo: n.v, hi: n.v, loOpen: false, hiOpen: false };
    case 'input':
      return inputSupport(n.name);
    case 'dist':
      return n.dist.support();
    case 'un': {
      const a = rec(n.a);
      switch (n.fn) {
        case 'neg':
          return { lo: -a.hi, hi: -a.lo, loOpen: a.hiOpen, hiOpen: a.loOpen };
        case 'exp':
          return {
            lo: Math.exp(a.lo),
            hi: Math.exp(a.hi),
            loOpen: a.loOpen || a.lo === -Infinity,
            hiOpen: a.hiOpen,
          };
        case 'log':
          if (a.lo < 0 || (a.lo === 0 && !a.loOpen)) {
            problems.push({
              code: 'model.domain',
              severity: 'warning',
              message: `log() of ${describe(n.a)}, which can be ${a.lo < 0 ? 'negative' : '0'} (support ${formatSupport(a)}): such samples become NaN or -inf`,
              start: n.a.start,
              hint: 'use a positive distribution (lognormal, `low to high` with low > 0) or truncate it',
            });
            return ALL;
          }
          return { lo: Math.log(a.lo), hi: Math.log(a.hi), loOpen: a.loOpen, hiOpen: a.hiOpen };
        case 'sqrt':
          if (a.lo < 0) {
            problems.push({
              code: 'model.domain',
              severity: 'warning',
              message: `sqrt() of ${describe(n.a)}, which can be negative (support ${formatSupport(a)}): such samples become NaN`,
              start: n.a.start,
              hint: 'truncate it at 0 or use max(x, 0)',
            });
            return { lo: 0, hi: Math.sqrt(Math.max(0, a.hi)), loOpen: false, hiOpen: a.hiOpen };
          }
          return { lo: Math.sqrt(a.lo), hi: Math.sqrt(a.hi), loOpen: a.loOpen, hiOpen: a.hiOpen };
        case 'abs': {
          if (a.lo >= 0) return a;
          if (a.hi <= 0) return { lo: -a.hi, hi: -a.lo, loOpen: a.hiOpen, hiOpen: a.loOpen };
          const hiEnd = -a.lo > a.hi ? { v: -a.lo, open: a.loOpen } : { v: a.hi, open: a.hiOpen };
          return { lo: 0, hi: hiEnd.v, loOpen: false, hiOpen: hiEnd.open };
        }
      }
      return ALL;
    }
    case 'bin': {
      const a = rec(n.a);
      const b = rec(n.b);
      const al: End = { v: a.lo, open: a.loOpen };
      const ah: End = { v: a.hi, open: a.hiOpen };
      const bl: End = { v: b.lo, open: b.loOpen };
      const bh: End = { v: b.hi, open: b.hiOpen };
      switch (n.fn) {
        case '+':
          return fromEnds([
            { v: a.lo + b.lo, open: a.loOpen || b.loOpen },
            { v: a.hi + b.hi, open: a.hiOpen || b.hiOpen },
          ]);
        case '-':
          return fromEnds([
            { v: a.lo - b.hi, open: a.loOpen || b.hiOpen },
            { v: a.hi - b.lo, open: a.hiOpen || b.loOpen },
          ]);
        case '*':
          return fromEnds([mulEnd(al, bl), mulEnd(al, bh), mulEnd(ah, bl), mulEnd(ah, bh)]);
        case '/': {
          const atom = zeroAtom(n.b);
          if (atom === undefined ? containsZero(b) : atom) {
            problems.push({
              code: 'model.division-by-zero',
              message: `division by ${describe(n.b)}, which can be 0 (support ${formatSupport(b)})`,
              start: n.b.start,
              hint: 'keep the divisor away from 0: use a lognormal or `low to high` with low > 0, or truncate(dist, low, high) with low > 0',
            });
            return ALL;
          }
          if (b.lo > 0 || (b.lo === 0 && b.loOpen)) {
            const inv = (e: End): End => ({ v: e.v === 0 ? Infinity : 1 / e.v, open: e.open || e.v === 0 });
            return fromEnds([
              mulEnd(al, inv(bl)),
              mulEnd(al, inv(bh)),
              mulEnd(ah, inv(bl)),
              mulEnd(ah, inv(bh)),
            ]);
          }
          if (b.hi < 0 || (b.hi === 0 && b.hiOpen)) {
            const inv = (e: End): End => ({ v: e.v === 0 ? -Infinity : 1 / e.v, open: e.open || e.v === 0 });
            return fromEnds([
              mulEnd(al, inv(bl)),
              mulEnd(al, inv(bh)),
              mulEnd(ah, inv(bl)),
              mulEnd(ah, inv(bh)),
            ]);
          }
          return ALL;
        }
        case '^':
          if (n.b.k === 'const' && (a.lo > 0 || (a.lo === 0 && a.loOpen))) {
            const p = n.b.v;
            if (p === 0) return { lo: 1, hi: 1, loOpen: false, hiOpen: false };
            const x = { v: a.lo ** p, open: a.loOpen };
            const y = { v: a.hi ** p, open: a.hiOpen };
            return fromEnds([x, y]);
          }
          if (a.lo >= 0) return { lo: 0, hi: Infinity, loOpen: false, hiOpen: true };
          return ALL;
        case 'min':
          return fromEnds([
            a.lo < b.lo || (a.lo === b.lo && !a.loOpen) ? al : bl,
            a.hi < b.hi || (a.hi === b.hi && a.hiOpen) ? ah : bh,
          ]);
        case 'max':
          return fromEnds([
            a.lo > b.lo || (a.lo === b.lo && a.loOpen) ? al : bl,
            a.hi > b.hi || (a.hi === b.hi && !a.hiOpen) ? ah : bh,
          ]);
        default:
          return BOOL;
      }
    }
  }
}
