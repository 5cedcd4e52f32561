// the resolved form of a spec: constants folded, distributions built, references checked

import type { Dist } from '../dist/dist.js';

export type UnaryFn = 'neg' | 'exp' | 'log' | 'sqrt' | 'abs';
export type BinaryFn = '+' | '-' | '*' | '/' | '^' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'min' | 'max';

export type IrNode =
  | { k: 'const'; v: number; start: number; end: number }
  | { k: 'input'; name: string; start: number; end: number }
  /** an anonymous distribution inside a spec; `leaf` numbers them per input for stream ids */
  | { k: 'dist'; dist: Dist; leaf: number; start: number; end: number }
  | { k: 'un'; fn: UnaryFn; a: IrNode; start: number; end: number }
  | { k: 'bin'; fn: BinaryFn; a: IrNode; b: IrNode; start: number; end: number };

export function applyUnary(fn: UnaryFn, x: number): number {
  switch (fn) {
    case 'neg':
      return -x;
    case 'exp':
      return Math.exp(x);
    case 'log':
      return Math.log(x);
    case 'sqrt':
      return Math.sqrt(x);
    case 'abs':
      return Math.abs(x);
  }
}

export function applyBinary(fn: BinaryFn, x: number, y: number): number {
  switch (fn) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return x / y;
    case '^':
      return x ** y;
    case '<':
      return x < y ? 1 : 0;
    case '<=':
      return x <= y ? 1 : 0;
    case '>':
      return x > y ? 1 : 0;
    case '>=':
      return x >= y ? 1 : 0;
    case '==':
      return x === y ? 1 : 0;
    case '!=':
      return x !== y ? 1 : 0;
    case 'min':
      return Math.min(x, y);
    case 'max':
      return Math.max(x, y);
  }
}
