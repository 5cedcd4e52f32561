// columnar evaluation: IR compiled once to a flat list of vector instructions over Float64Array slots.
// Each instruction is one tight loop; there are no per-sample closures or objects. (generated loops below are
// written out by hand-expanded switch cases so V8 compiles each as a monomorphic loop)
// A chain of additions a + b + c + ... becomes one `sum` instruction over up to 8 columns: one loop instead of
// one per `+` (a loop costs ~2.3 ns per element here, an extra operand ~1 ns). Operands are added left to right,
// as the chain is parsed, so results are bit-identical to the binary form.

import type { BinaryFn, IrNode } from './ir.js';

export enum Mode {
  /** dst = a op b */
  SlotSlot = 0,
  /** dst = a op cb */
  SlotConst = 1,
  /** dst = ca op b */
  ConstSlot = 2,
}

export interface Instr {
  /** opcode: index into OPCODES */
  op: number;
  mode: Mode;
  dst: number;
  a: number;
  b: number;
  ca: number;
  cb: number;
  /** operand slots of `sum` (3 to 8), added left to right */
  args?: number[];
}

/** a distribution leaf to be sampled into `slot` before the instructions run */
export interface LeafSlot {
  node: Extract<IrNode, { k: 'dist' }>;
  slot: number;
}

export const OPCODES = [
  '+',
  '-',
  '*',
  '/',
  '^',
  '<',
  '<=',
  '>',
  '>=',
  '==',
  '!=',
  'min',
  'max',
  'neg',
  'exp',
  'log',
  'sqrt',
  'abs',
  'copy',
  'fill',
  'sum',
] as const;

export type Opcode = (typeof OPCODES)[number];
const OPINDEX = new Map<string, number>(OPCODES.map((o, i) => [o, i]));
export const opIndex = (o: Opcode): number => OPINDEX.get(o)!;

// for a constant on the left, commutative ops and comparisons are rewritten to put it on the right
const SWAP: Partial<Record<BinaryFn, BinaryFn>> = {
  '+': '+',
  '*': '*',
  min: 'min',
  max: 'max',
  '==': '==',
  '!=': '!=',
  '<': '>',
  '<=': '>=',
  '>': '<',
  '>=': '<=',
};

export interface SlotAllocator {
  /** slot holding an input's column */
  inputSlot(name: string): number;
  /** a fresh temporary slot */
  temp(): number;
  /** returns a temporary to the pool */
  release(slot: number): void;
  /** a slot for a distribution leaf (sampled before execution) */
  leaf(node: Extract<IrNode, { k: 'dist' }>): number;
  isTemp(slot: number): boolean;
}

/**
 * Compiles IR into instructions that leave the result in `dst`.
 * Constant roots become a fill; bare references a copy.
 */
export function compileIr(ir: IrNode, dst: number, alloc: SlotAllocator): Instr[] {
  const code: Instr[] = [];
  const emit = (op: Opcode, mode: Mode, d: number, a: number, b: number, ca: number, cb: number) =>
    code.push({ op: opIndex(op), mode, dst: d, a, b, ca, cb });
  const emitSum = (d: number, run: number[]) => {
    if (run.length === 2) emit('+', Mode.SlotSlot, d, run[0]!, run[1]!, 0, 0);
    else code.push({ op: opIndex('sum'), mode: Mode.SlotSlot, dst: d, a: 0, b: 0, ca: 0, cb: 0, args: run });
  };

  // a + b + c + ... parses as ((a + b) + c) + ...: its operands, leftmost first
  const addChain = (n: IrNode): IrNode[] => {
    const right: IrNode[] = [];
    let cur = n;
    while (cur.k === 'bin' && cur.fn === '+') {
      right.push(cur.b);
      cur = cur.a;
    }
    return [cur, ...right.reverse()];
  };

  // returns either {slot} or {const}
  const gen = (n: IrNode, target: number | undefined): { slot: number } | { c: number } => {
    switch (n.k) {
      case 'const':
        return { c: n.v };
      case 'input':
        return { slot: alloc.inputSlot(n.name) };
      case 'dist':
        return { slot: alloc.leaf(n) };
      case 'un': {
        const a = gen(n.a, undefined);
        if ('c' in a) return { c: Number.NaN }; // folded earlier; unreachable
        const d = target ?? alloc.temp();
        emit(n.fn, Mode.SlotSlot, d, a.slot, 0, 0, 0);
        if (alloc.isTemp(a.slot) && a.slot !== d) alloc.release(a.slot);
        return { slot: d };
      }
      case 'bin': {
        const chain = n.fn === '+' ? addChain(n) : [];
        if (chain.length >= 3) return genSum(chain, target);
        const a = gen(n.a, undefined);
        const b = gen(n.b, undefined);
        const d = target ?? alloc.temp();
        if ('slot' in a && 'slot' in b) emit(n.fn, Mode.SlotSlot, d, a.slot, b.slot, 0, 0);
        else if ('slot' in a && 'c' in b) emit(n.fn, Mode.SlotConst, d, a.slot, 0, 0, b.c);
        else if ('c' in a && 'slot' in b) {
          const sw = SWAP[n.fn];
          if (sw) emit(sw, Mode.SlotConst, d, b.slot, 0, 0, a.c);
          else emit(n.fn, Mode.ConstSlot, d, 0, b.slot, a.c, 0);
        }
        for (const o of [a, b])
          if ('slot' in o && alloc.isTemp(o.slot) && o.slot !== d) alloc.release(o.slot);
        return { slot: d };
      }
    }
  };

  // the chain's operands summed left to right into one destination; constants (rare: folding removed most) are
  // added in place, in order
  const genSum = (chain: IrNode[], target: number | undefined): { slot: number } => {
    const ops = chain.map((o) => gen(o, undefined));
    const d = target ?? alloc.temp();
    let run: number[] = [];
    let lead: number | undefined; // constants before the first column
    const flush = () => {
      if (run.length >= 2) {
        emitSum(d, run);
        run = [d];
      }
    };
    for (const o of ops) {
      if ('slot' in o) {
        if (lead !== undefined) {
          emit('+', Mode.SlotConst, d, o.slot, 0, 0, lead);
          lead = undefined;
          run = [d];
        } else run.push(o.slot);
        if (run.length === 8) flush();
      } else if (run.length === 0) lead = lead === undefined ? o.c : lead + o.c;
      else {
        flush();
        emit('+', Mode.SlotConst, d, run[0]!, 0, 0, o.c);
        run = [d];
      }
    }
    flush();
    if (run[0] !== d) emit('copy', Mode.SlotSlot, d, run[0]!, 0, 0, 0);
    for (const o of ops) if ('slot' in o && alloc.isTemp(o.slot) && o.slot !== d) alloc.release(o.slot);
    return { slot: d };
  };

  const r = gen(ir, dst);
  if ('c' in r) emit('fill', Mode.SlotConst, dst, 0, 0, 0, r.c);
  else if (r.slot !== dst) emit('copy', Mode.SlotSlot, dst, r.slot, 0, 0, 0);
  return code;
}

/** runs instructions over the first n entries of each slot */
export function execute(code: readonly Instr[], slots: Float64Array[], n: number): void {
  for (const ins of code) {
    const d = slots[ins.dst]!;
    const key = ins.op * 3 + ins.mode;
    switch (key) {
      case 0: // + mode 0
        {
          const x = slots[ins.a]!;
          const y = slots[ins.b]!;
          for (let i = 0; i < n; i++) {
            const a = x[i]!;
            const b = y[i]!;
            d[i] = a + b;
          }
          break;
        }
      case 1: // + mode 1
        {
          const x = slots[ins.a]!;
          const b = ins.cb;
          for (let i = 0; i < n; i++) {
            const a = x[i]!;
            d[i] = a + b;
          }
          break;
        }
      case 2: // + mode 2
        {
          const a = ins.ca;
          const y = slots[ins.b]!;
          for (let i = 0; i < n; i++) {
            const b = y[i]!;
            d[i] = a + b;
          }
          break;
        }
      case 3: // - mode 0
        {
          const x = slots[ins.a]!;
          const y = slots[ins.b]!;
          for (let i = 0; i < n; i++) {
            const a = x[i]!;
            const b = y[i]!;
            d[i] = a - b;
          }
          break;
        }
      case 4: // - mode 1
        {
          const x = slots[ins.a]!;
          const b = ins.cb;
          for (let i = 0; i < n; i++) {
            const a = x[i]!;
            d[i] = a - b;
          }
          break;
        }
      case 5: // - mode 2
        {
          const a = ins.ca;
          const y = slots[ins.b]!;
          for (let i = 0; i < n; i++) {
            const b = y[i]!;
            d[i] = a - b;
          }
          break;
        }
      case 6: // * mode 0
        {
          const x = slots[ins.a]!;
          const y = slots[ins.b]!;
          for (let i = 0; i < n; i++) {
            const a = x[i]!;
            const b = y[i]!;
            d[i] = a * b;
          }
          break;
        }
      case 7: // * mode 1
        {
          const x = slots[ins.a]!;
          const b = ins.cb;
          for (let i = 0; i < n; i++) {
            const a = x[i]!;
            d[i] = a * b;
          }
          break;
        }
      case 8: // * mode 2
        {
          const a = ins.ca;
          const y = slots[ins.b]!;
          for (let i = 0; i < n; i++) {
            const b = y[i]!;
            d[i] = a * b;
          }
          break;
        }
      case 9: // / mode 0
        {
          const x = slots[ins.a]!;
          const y = slots[ins.b]!;
          for (let i = 0; i < n; i++) {
            const a = x[i]!;
            const b = y[i]!;
            d[i] = a / b;
          }
          break;
        }
      case 10: // / mode 1
        {
          const x = slots[ins.a]!;
          const b = ins.cb;
          for (let i = 0; i < n; i++) {
            const a = x[i]!;
            d[i] = a / b;
          }
          break;
        }
      case 11: // / mode 2
        {
          const a = ins.ca;
          const y = slots[ins.b]!;
          for (let i = 0; i < n; i++) {
            const b = y[i]!;
            d[i] = a / b;
          }
          break;
        }
      case 12: // ^ mode 0
        {
          const x = slots[ins.a]!;
          const y = slots[ins.b]!;
          for (let i = 0; i < n; i++) {
            const a = x[i]!;
            const b = y[i]!;
            d[i] = a ** b;
          }
          break;
        }
      case 13: // ^ mode 1
        {
          const x = slots[ins.a]!;
          const b = ins.cb;
          for (let i = 0; i < n; i++) {
            const a = x[i]!;
            d[i] = a ** b;
          }
          break;
        }
      case 14: // ^ mode 2
        {
          const a = ins.ca;
          const y = slots[ins.b]!;
          for (let i = 0; i < n; i++) {
            const b = y[i]!;
            d[i] = a ** b;
          }
          break;
        }
      case 15: // < mode 0
        {
          const x = slots[ins.a]!;
          const y = slots[ins.b]!;
          for (let i = 0; i < n; i++) {
            const a = x[i]!;
            const b = y[i]!;
            d[i] = a < b ? 1 : 0;
          }
          break;
        }
      case 16: // < mode 1
        {
          const x = slots[ins.a]!;
          const b = ins.cb;
          for (let i = 0; i < n; i++) {
            const a = x[i]!;
            d[i] = a < b ? 1 : 0;
          }
          break;
        }
      case 17: // < mode 2
        {
          const a = ins.ca;
          const y = slots[ins.b]!;
          for (let i = 0; i < n; i++) {
            const b = y[i]!;
            d[i] = a < b ? 1 : 0;
          }
          break;
        }
      case 18: // <= mode 0
        {
          const x = slots[ins.a]!;
          const y = slots[ins.b]!;
          for (let i = 0; i < n; i++) {
            const a = x[i]!;
            const b = y[i]!;
            d[i] = a <= b ? 1 : 0;
          }
          break;
        }
      case 19: // <= mode 1
        {
          const x = slots[ins.a]!;
          const b = ins.cb;
          for (let i = 0; i < n; i++) {
            const a = x[i]!;
            d[i] = a <= b ? 1 : 0;
          }
          break;
        }
      case 20: // <= mode 2
        {
          const a = ins.ca;
          const y = slots[ins.b]!;
          for (let i = 0; i < n; i++) {
            const b = y[i]!;
            d[i] = a <= b ? 1 : 0;
          }
          break;
        }
      case 21: // > mode 0
        {
          const x = slots[ins.a]!;
          const y = slots[ins.b]!;
          for (let i = 0; i < n; i++) {
            const a = x[i]!;
            const b = y[i]!;
            d[i] = a > b ? 1 : 0;
          }
          break;
        }
      case 22: // > mode 1
        {
          const x = slots[ins.a]!;
          const b = ins.cb;
          for (let i = 0; i < n; i++) {
            const a = x[i]!;
            d[i] = a > b ? 1 : 0;
          }
          break;
        }
      case 23: // > mode 2
        {
          const a = ins.ca;
          const y = slots[ins.b]!;
          for (let i = 0; i < n; i++) {
            const b = y[i]!;
            d[i] = a > b ? 1 : 0;
          }
          break;
        }
      case 24: // >= mode 0
        {
          const x = slots[ins.a]!;
          const y = slots[ins.b]!;
          for (let i = 0; i < n; i++) {
            const a = x[i]!;
            const b = y[i]!;
            d[i] = a >= b ? 1 : 0;
          }
          break;
        }
      case 25: // >= mode 1
        {
          const x = slots[ins.a]!;
          const b = ins.cb;
          for (let i = 0; i < n; i++) {
            const a = x[i]!;
            d[i] = a >= b ? 1 : 0;
          }
          break;
        }
      case 26: // >= mode 2
        {
          const a = ins.ca;
          const y = slots[ins.b]!;
          for (let i = 0; i < n; i++) {
            const b = y[i]!;
            d[i] = a >= b ? 1 : 0;
          }
          break;
        }
      case 27: // == mode 0
        {
          const x = slots[ins.a]!;
          const y = slots[ins.b]!;
          for (let i = 0; i < n; i++) {
            const a = x[i]!;
            const b = y[i]!;
            d[i] = a === b ? 1 : 0;
          }
          break;
        }
      case 28: // == mode 1
        {
          const x = slots[ins.a]!;
          const b = ins.cb;
          for (let i = 0; i < n; i++) {
            const a = x[i]!;
            d[i] = a === b ? 1 : 0;
          }
          break;
        }
      case 29: // == mode 2
        {
          const a = ins.ca;
          const y = slots[ins.b]!;
          for (let i = 0; i < n; i++) {
            const b = y[i]!;
            d[i] = a === b ? 1 : 0;
          }
          break;
        }
      case 30: // != mode 0
        {
          const x = slots[ins.a]!;
          const y = slots[ins.b]!;
          for (let i = 0; i < n; i++) {
            const a = x[i]!;
            const b = y[i]!;
            d[i] = a !== b ? 1 : 0;
          }
          break;
        }
      case 31: // != mode 1
        {
          const x = slots[ins.a]!;
          const b = ins.cb;
          for (let i = 0; i < n; i++) {
            const a = x[i]!;
            d[i] = a !== b ? 1 : 0;
          }
          break;
        }
      case 32: // != mode 2
        {
          const a = ins.ca;
          const y = slots[ins.b]!;
          for (let i = 0; i < n; i++) {
            const b = y[i]!;
            d[i] = a !== b ? 1 : 0;
          }
          break;
        }
      case 33: // min mode 0
        {
          const x = slots[ins.a]!;
          const y = slots[ins.b]!;
          for (let i = 0; i < n; i++) {
            const a = x[i]!;
            const b = y[i]!;
            d[i] = Math.min(a, b);
          }
          break;
        }
      case 34: // min mode 1
        {
          const x = slots[ins.a]!;
          const b = ins.cb;
          for (let i = 0; i < n; i++) {
            const a = x[i]!;
            d[i] = Math.min(a, b);
          }
          break;
        }
      case 35: // min mode 2
        {
          const a = ins.ca;
          const y = slots[ins.b]!;
          for (let i = 0; i < n; i++) {
            const b = y[i]!;
            d[i] = Math.min(a, b);
          }
          break;
        }
      case 36: // max mode 0
        {
          const x = slots[ins.a]!;
          const y = slots[ins.b]!;
          for (let i = 0; i < n; i++) {
            const a = x[i]!;
            const b = y[i]!;
            d[i] = Math.max(a, b);
          }
          break;
        }
      case 37: // max mode 1
        {
          const x = slots[ins.a]!;
          const b = ins.cb;
          for (let i = 0; i < n; i++) {
            const a = x[i]!;
            d[i] = Math.max(a, b);
          }
          break;
        }
      case 38: // max mode 2
        {
          const a = ins.ca;
          const y = slots[ins.b]!;
          for (let i = 0; i < n; i++) {
            const b = y[i]!;
            d[i] = Math.max(a, b);
          }
          break;
        }
      case 39: {
        // neg
        const x = slots[ins.a]!;
        for (let i = 0; i < n; i++) {
          const a = x[i]!;
          d[i] = -a;
        }
        break;
      }
      case 42: {
        // exp
        const x = slots[ins.a]!;
        for (let i = 0; i < n; i++) {
          const a = x[i]!;
          d[i] = Math.exp(a);
        }
        break;
      }
      case 45: {
        // log
        const x = slots[ins.a]!;
        for (let i = 0; i < n; i++) {
          const a = x[i]!;
          d[i] = Math.log(a);
        }
        break;
      }
      case 48: {
        // sqrt
        const x = slots[ins.a]!;
        for (let i = 0; i < n; i++) {
          const a = x[i]!;
          d[i] = Math.sqrt(a);
        }
        break;
      }
      case 51: {
        // abs
        const x = slots[ins.a]!;
        for (let i = 0; i < n; i++) {
          const a = x[i]!;
          d[i] = Math.abs(a);
        }
        break;
      }
      case 54: // copy
        d.set(slots[ins.a]!.subarray(0, n));
        break;
      case 58: // fill
        d.fill(ins.cb, 0, n);
        break;
      case 60: // sum
        sum(d, ins.args!, slots, n);
        break;
      default:
        throw new Error(`bad instruction ${OPCODES[ins.op]} mode ${ins.mode}`);
    }
  }
}

/** d = ((s0 + s1) + s2) + ... over 3 to 8 columns, one loop per arity so each stays monomorphic */
function sum(d: Float64Array, args: number[], slots: Float64Array[], n: number): void {
  const a = slots[args[0]!]!;
  const b = slots[args[1]!]!;
  const c = slots[args[2]!]!;
  switch (args.length) {
    case 3:
      for (let i = 0; i < n; i++) d[i] = a[i]! + b[i]! + c[i]!;
      return;
    case 4: {
      const e = slots[args[3]!]!;
      for (let i = 0; i < n; i++) d[i] = a[i]! + b[i]! + c[i]! + e[i]!;
      return;
    }
    case 5: {
      const e = slots[args[3]!]!;
      const f = slots[args[4]!]!;
      for (let i = 0; i < n; i++) d[i] = a[i]! + b[i]! + c[i]! + e[i]! + f[i]!;
      return;
    }
    case 6: {
      const e = slots[args[3]!]!;
      const f = slots[args[4]!]!;
      const g = slots[args[5]!]!;
      for (let i = 0; i < n; i++) d[i] = a[i]! + b[i]! + c[i]! + e[i]! + f[i]! + g[i]!;
      return;
    }
    case 7: {
      const e = slots[args[3]!]!;
      const f = slots[args[4]!]!;
      const g = slots[args[5]!]!;
      const h = slots[args[6]!]!;
      for (let i = 0; i < n; i++) d[i] = a[i]! + b[i]! + c[i]! + e[i]! + f[i]! + g[i]! + h[i]!;
      return;
    }
    case 8: {
      const e = slots[args[3]!]!;
      const f = slots[args[4]!]!;
      const g = slots[args[5]!]!;
      const h = slots[args[6]!]!;
      const k = slots[args[7]!]!;
      for (let i = 0; i < n; i++) d[i] = a[i]! + b[i]! + c[i]! + e[i]! + f[i]! + g[i]! + h[i]! + k[i]!;
      return;
    }
    default:
      throw new Error(`sum over ${args.length} columns`);
  }
}
