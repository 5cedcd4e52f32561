// the compiled model plan: named inputs (distribution specs, numbers or expressions) + optional rank correlations,
// compiled once, then sampled chunk by chunk into one Float64Array per input

import { Constant } from '../dist/constant.js';
import type { Dist, Support } from '../dist/dist.js';
import { fastExp } from '../dist/fast-exp.js';
import { Lognormal } from '../dist/lognormal.js';
import { Normal } from '../dist/normal.js';
import { normalCdf } from '../dist/special.js';
import { fillNormal } from '../dist/ziggurat.js';
import type { Diagnostic } from '../errors.js';
import { GuarantorError } from '../errors.js';
import type { IrNode } from '../expr/ir.js';
import { parseExpr } from '../expr/parser.js';
import { compileIr, execute, type Instr, type LeafSlot, type SlotAllocator } from '../expr/program.js';
import { RESERVED_NAMES, resolveSpec, type SpecProblem } from '../expr/resolve.js';
import { containsZero, supportOf } from '../expr/support.js';
import { streamIdOf, streamRng } from '../rng/streams.js';
import { didYouMean } from '../util/did-you-mean.js';
import { cholesky, rankToNormalCorrelation, smallestEigenvalue } from './cholesky.js';
import type { ChunkRef } from './chunks.js';
import { DEFAULT_CHUNK_SIZE } from './chunks.js';

/** where a spec came from, so a problem at offset k inside it can be reported as file:line:(col + k) */
export interface SpecOrigin {
  file?: string;
  /** 1-based line of the spec's first character */
  line?: number;
  /** 1-based column of the spec's first character */
  col?: number;
  /** path in the source document, e.g. ['inputs', 'cost'] */
  path?: (string | number)[];
}

export interface InputDef {
  name: string;
  /** a number, a distribution spec (`normal(0, 1)`, `5 to 10`) or an expression over other inputs */
  spec: string | number;
  origin?: SpecOrigin;
}

/** Spearman rank correlations among some inputs, each of which must be a plain distribution */
export interface CorrelationDef {
  names: string[];
  matrix: number[][];
  origin?: SpecOrigin;
}

export interface PlanDef {
  inputs: InputDef[];
  correlation?: CorrelationDef;
  /** samples per chunk (default DEFAULT_CHUNK_SIZE, 32768); results depend on it, never on thread count */
  chunkSize?: number;
}

export type InputKind = 'constant' | 'dist' | 'expr';

export interface PlanInput {
  name: string;
  kind: InputKind;
  /** the distribution when kind is 'dist' or 'constant' */
  dist?: Dist;
  /** canonical text of the spec */
  text: string;
  support: Support;
  /** names this input references */
  deps: string[];
  /** correlated through the copula */
  correlated: boolean;
}

/** the columns of one sampled chunk; arrays are views into a workspace, valid until its next use */
export interface ChunkColumns {
  chunk: ChunkRef;
  /** column of input `name`, length chunk.n */
  get(name: string): Float64Array;
  columns: Record<string, Float64Array>;
}

interface Leaf {
  slot: number;
  dist: Dist;
  stream: number;
}

interface Step {
  /** leaves to sample before running code */
  leaves: Leaf[];
  code: Instr[];
}

interface CopulaGroup {
  slots: number[];
  dists: Dist[];
  streams: number[];
  /** lower-triangular factor, row-major */
  L: Float64Array;
}

/** reusable sampling buffers for one thread; sampleChunk writes into them */
export class Workspace {
  readonly slots: Float64Array[];
  constructor(
    slotCount: number,
    readonly size: number,
  ) {
    this.slots = Array.from({ length: slotCount }, () => new Float64Array(size));
  }
}

export class Plan {
  /** inputs in declaration order */
  readonly inputs: readonly PlanInput[];
  /** input names in evaluation (topological) order */
  readonly order: readonly string[];
  readonly chunkSize: number;
  private readonly slotOf: Map<string, number>;
  private readonly slotCount: number;
  private readonly direct: Leaf[];
  private readonly constants: { slot: number; value: number }[];
  private readonly steps: Step[];
  private readonly copula: CopulaGroup | undefined;
  private defaultWorkspace: Workspace | undefined;

  /** @internal built by compilePlan */
  constructor(parts: {
    inputs: PlanInput[];
    order: string[];
    chunkSize: number;
    slotOf: Map<string, number>;
    slotCount: number;
    direct: Leaf[];
    constants: { slot: number; value: number }[];
    steps: Step[];
    copula: CopulaGroup | undefined;
  }) {
    this.inputs = parts.inputs;
    this.order = parts.order;
    this.chunkSize = parts.chunkSize;
    this.slotOf = parts.slotOf;
    this.slotCount = parts.slotCount;
    this.direct = parts.direct;
    this.constants = parts.constants;
    this.steps = parts.steps;
    this.copula = parts.copula;
  }

  has(name: string): boolean {
    return this.slotOf.has(name);
  }

  input(name: string): PlanInput | undefined {
    return this.inputs.find((i) => i.name === name);
  }

  /** buffers for one thread; use a second one only if two chunks must be alive at once */
  newWorkspace(size = this.chunkSize): Workspace {
    return new Workspace(this.slotCount, size);
  }

  /**
   * Samples every input for one chunk. Deterministic in (seed, chunk.index, chunk.n): each input (and each anonymous
   * distribution inside an expression) draws from its own stream keyed by (seed, hash of its name, chunk index).
   * @example const cols = plan.sampleChunk(42, { index: 0, start: 0, n: 1000 }); cols.get('cost')[17]
   */
  sampleChunk(seed: number, chunk: ChunkRef, ws?: Workspace): ChunkColumns {
    let w = ws;
    if (!w) {
      if (!this.defaultWorkspace || this.defaultWorkspace.size < chunk.n)
        this.defaultWorkspace = this.newWorkspace(chunk.n);
      w = this.defaultWorkspace;
    }
    if (w.size < chunk.n)
      throw new GuarantorError('engine.workspace', `workspace holds ${w.size} samples, chunk has ${chunk.n}`);
    const n = chunk.n;
    const s = w.slots;
    for (const leaf of this.direct)
      leaf.dist.sample(streamRng(seed, leaf.stream, chunk.index), s[leaf.slot]!, 0, n);
    if (this.copula) sampleCopula(this.copula, s, seed, chunk.index, n);
    for (const c of this.constants) s[c.slot]!.fill(c.value, 0, n);
    for (const step of this.steps) {
      for (const leaf of step.leaves)
        leaf.dist.sample(streamRng(seed, leaf.stream, chunk.index), s[leaf.slot]!, 0, n);
      execute(step.code, s, n);
    }
    const columns: Record<string, Float64Array> = {};
    for (const [name, slot] of this.slotOf) columns[name] = s[slot]!.subarray(0, n);
    return {
      chunk,
      columns,
      get(name: string) {
        const c = columns[name];
        if (!c) throw new GuarantorError('engine.unknown-input', `no input named '${name}' in this plan`);
        return c;
      },
    };
  }
}

function sampleCopula(g: CopulaGroup, s: Float64Array[], seed: number, chunk: number, n: number): void {
  const k = g.slots.length;
  const cols = g.slots.map((slot) => s[slot]!);
  for (let i = 0; i < k; i++) fillNormal(streamRng(seed, g.streams[i]!, chunk), cols[i]!, 0, n, 0, 1);
  // y = L z in place: row i needs z_0..z_i, so go from the last row up
  for (let i = k - 1; i >= 0; i--) {
    const yi = cols[i]!;
    const lii = g.L[i * k + i]!;
    for (let j = 0; j < n; j++) yi[j] = lii * yi[j]!;
    for (let m = 0; m < i; m++) {
      const lim = g.L[i * k + m]!;
      if (lim === 0) continue;
      const zm = cols[m]!;
      for (let j = 0; j < n; j++) yi[j] = yi[j]! + lim * zm[j]!;
    }
  }
  for (let i = 0; i < k; i++) {
    const d = g.dists[i]!;
    const c = cols[i]!;
    if (d instanceof Normal) {
      for (let j = 0; j < n; j++) c[j] = d.mu + d.sigma * c[j]!;
    } else if (d instanceof Lognormal) {
      // the same exp as the lognormal sampler
      for (let j = 0; j < n; j++) c[j] = fastExp(d.mu + d.sigma * c[j]!);
    } else {
      // Φ can round to exactly 0 or 1 far in the tails; keep u inside (0, 1) for the quantile. Beta and PERT
      // invert through their sampling table (d.inverse), ~100x cheaper than the exact numerical inversion
      const inv = d.inverse ? d.inverse.bind(d) : d.quantile.bind(d);
      for (let j = 0; j < n; j++) c[j] = inv(Math.min(1 - 2 ** -53, Math.max(2 ** -1074, normalCdf(c[j]!))));
    }
  }
}

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** a diagnostic at `offset` inside the spec of `origin` */
export function specDiagnostic(
  p: { code: string; message: string; start: number; hint?: string; severity?: 'error' | 'warning' },
  origin: SpecOrigin | undefined,
  fallbackPath: (string | number)[],
): Diagnostic {
  const path = origin?.path ?? fallbackPath;
  const d: Diagnostic = { code: p.code, message: p.message, path };
  if (origin?.file !== undefined) d.file = origin.file;
  if (origin?.line !== undefined) {
    d.line = origin.line;
    d.col = (origin.col ?? 1) + p.start;
  } else d.col = p.start + 1;
  if (p.hint) d.hint = p.hint;
  if (p.severity === 'warning') d.severity = 'warning';
  return d;
}

/**
 * Compiles named inputs (+ optional rank correlations) into a Plan, or returns located diagnostics.
 * Checks: syntax, unknown names (with suggestions), parameters, cycles, division by a quantity that can be 0,
 * correlation matrix shape/symmetry/range/positive semi-definiteness.
 * @example const r = compilePlan({ inputs: [{ name: 'a', spec: 'normal(0, 1)' }, { name: 'b', spec: 'exp(a)' }] });
 */
export function compilePlan(
  def: PlanDef,
): { ok: true; value: Plan; warnings: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] } {
  const diags: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const chunkSize = def.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const names = new Set<string>();
  for (const inp of def.inputs) {
    const at = inp.origin?.path ?? ['inputs', inp.name];
    const loc =
      inp.origin?.file !== undefined ? { file: inp.origin.file, line: inp.origin.line ?? 1, col: 1 } : {};
    if (!NAME_RE.test(inp.name)) {
      diags.push({
        code: 'model.name',
        message: `input name '${inp.name}' is not a valid identifier`,
        path: at,
        ...loc,
        hint: 'use letters, digits and _, starting with a letter, e.g. aid_budget',
      });
    } else if (RESERVED_NAMES.has(inp.name)) {
      diags.push({
        code: 'model.name',
        message: `'${inp.name}' is a reserved word of the spec language`,
        path: at,
        ...loc,
        hint: `rename it, e.g. ${inp.name}_value`,
      });
    } else if (names.has(inp.name)) {
      diags.push({
        code: 'model.duplicate',
        message: `input '${inp.name}' is defined twice`,
        path: at,
        ...loc,
      });
    }
    names.add(inp.name);
  }
  if (diags.length) return { ok: false, diagnostics: diags };

  // parse and resolve every spec
  const irs = new Map<string, IrNode>();
  const refs = new Map<string, { name: string; start: number }[]>();
  const byName = new Map(def.inputs.map((i) => [i.name, i]));
  for (const inp of def.inputs) {
    const fallback = ['inputs', inp.name];
    if (typeof inp.spec === 'number') {
      if (!Number.isFinite(inp.spec)) {
        diags.push(
          specDiagnostic(
            {
              code: 'spec.param',
              message: `input '${inp.name}' must be a finite number, got ${inp.spec}`,
              start: 0,
            },
            inp.origin,
            fallback,
          ),
        );
        continue;
      }
      irs.set(inp.name, { k: 'const', v: inp.spec, start: 0, end: 0 });
      refs.set(inp.name, []);
      continue;
    }
    const parsed = parseExpr(inp.spec);
    if (!parsed.ok) {
      diags.push(specDiagnostic({ code: 'spec.syntax', ...parsed.error }, inp.origin, fallback));
      continue;
    }
    const r = resolveSpec(parsed.node, { inputs: names });
    if (!r.ok) {
      diags.push(specDiagnostic(r.problem, inp.origin, fallback));
      continue;
    }
    irs.set(inp.name, r.ir);
    refs.set(inp.name, r.refs);
  }
  if (diags.length) return { ok: false, diagnostics: diags };

  // cycles (iterative DFS keeps deep chains off the call stack)
  const order: string[] = [];
  const state = new Map<string, 1 | 2>();
  for (const root of def.inputs.map((i) => i.name)) {
    if (state.get(root) === 2) continue;
    const stack: { name: string; i: number }[] = [{ name: root, i: 0 }];
    state.set(root, 1);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const deps = refs.get(top.name)!;
      if (top.i < deps.length) {
        const dep = deps[top.i++]!.name;
        const st = state.get(dep);
        if (st === 1) {
          const from = stack.findIndex((f) => f.name === dep);
          const cycle = [...stack.slice(from).map((f) => f.name), dep];
          const first = byName.get(dep)!;
          const ref = refs.get(stack[stack.length - 1]!.name)!.find((r) => r.name === dep)!;
          const at = byName.get(top.name)!;
          diags.push(
            specDiagnostic(
              {
                code: 'model.cycle',
                message: `inputs form a cycle: ${cycle.join(' -> ')}`,
                start: ref.start,
                hint: `an input cannot depend on itself; make one of ${[...new Set(cycle)].join(', ')} a distribution or a number`,
              },
              at.origin ?? first.origin,
              ['inputs', top.name],
            ),
          );
          return { ok: false, diagnostics: diags };
        }
        if (st === undefined) {
          state.set(dep, 1);
          stack.push({ name: dep, i: 0 });
        }
      } else {
        state.set(top.name, 2);
        order.push(top.name);
        stack.pop();
      }
    }
  }

  // supports (division checks) in dependency order
  const supports = new Map<string, Support>();
  const kinds = new Map<string, InputKind>();
  for (const name of order) {
    const ir = irs.get(name)!;
    const inp = byName.get(name)!;
    const problems: SpecProblem[] = [];
    const describeNode = (n: IrNode): string =>
      n.k === 'input'
        ? `'${n.name}'`
        : n.k === 'dist'
          ? n.dist.describe()
          : typeof inp.spec === 'string'
            ? `'${inp.spec.slice(n.start, n.end)}'`
            : 'a value';
    const zeroAtom = (n: IrNode): boolean | undefined => {
      const d =
        n.k === 'dist'
          ? n.dist
          : n.k === 'input' && kinds.get(n.name) === 'dist'
            ? irDist(irs.get(n.name)!)
            : undefined;
      if (d && 'hasAtom' in d && typeof d.hasAtom === 'function') return Boolean(d.hasAtom(0));
      return undefined;
    };
    supports.set(
      name,
      supportOf(ir, (x) => supports.get(x)!, problems, describeNode, zeroAtom),
    );
    kinds.set(name, ir.k === 'const' ? 'constant' : ir.k === 'dist' ? 'dist' : 'expr');
    for (const p of problems)
      (p.severity === 'warning' ? warnings : diags).push(specDiagnostic(p, inp.origin, ['inputs', name]));
  }

  // correlations
  let copula: CopulaGroup | undefined;
  const correlated = new Set<string>();
  const slotOf = new Map<string, number>();
  for (const [i, inp] of def.inputs.entries()) slotOf.set(inp.name, i);
  if (def.correlation?.names.length) {
    const c = checkCorrelation(def.correlation, irs, kinds);
    if ('diagnostics' in c) diags.push(...c.diagnostics);
    else {
      copula = {
        slots: def.correlation.names.map((n) => slotOf.get(n)!),
        dists: def.correlation.names.map((n) => irDist(irs.get(n)!)!),
        streams: def.correlation.names.map((n) => streamIdOf(n)),
        L: c.L,
      };
      for (const n of def.correlation.names) correlated.add(n);
    }
  }
  if (diags.length) return { ok: false, diagnostics: diags };

  // slots: inputs first (declaration order), then leaves and temporaries
  let slotCount = def.inputs.length;
  // temporaries and leaf buffers come from separate pools: leaves are all sampled before a step's code runs, so
  // a leaf buffer must never double as a temporary within the same step
  const freeTemps: number[] = [];
  const temps = new Set<number>();
  const leafPool: number[] = [];
  const direct: Leaf[] = [];
  const constants: { slot: number; value: number }[] = [];
  const steps: Step[] = [];
  for (const name of order) {
    const ir = irs.get(name)!;
    const slot = slotOf.get(name)!;
    if (ir.k === 'const') {
      constants.push({ slot, value: ir.v });
      continue;
    }
    if (ir.k === 'dist') {
      if (!correlated.has(name)) direct.push({ slot, dist: ir.dist, stream: streamIdOf(name) });
      continue;
    }
    const leaves: LeafSlot[] = [];
    const alloc: SlotAllocator = {
      inputSlot: (n) => slotOf.get(n)!,
      temp: () => {
        const t = freeTemps.pop() ?? slotCount++;
        temps.add(t);
        return t;
      },
      release: (t) => {
        if (temps.has(t)) freeTemps.push(t);
      },
      leaf: (node) => {
        const t = leafPool[leaves.length] ?? slotCount++;
        if (leaves.length === leafPool.length) leafPool.push(t);
        leaves.push({ node, slot: t });
        return t;
      },
      isTemp: (t) => temps.has(t),
    };
    const code = compileIr(ir, slot, alloc);
    steps.push({
      code,
      leaves: leaves.map((l) => ({
        slot: l.slot,
        dist: l.node.dist,
        stream: streamIdOf(`${name}#${l.node.leaf}`),
      })),
    });
    // temporaries are free again once the input is computed
    freeTemps.length = 0;
    for (const t of temps) freeTemps.push(t);
  }

  const inputs: PlanInput[] = def.inputs.map((inp) => {
    const ir = irs.get(inp.name)!;
    const dist = ir.k === 'dist' ? ir.dist : ir.k === 'const' ? new Constant(ir.v) : undefined;
    const text = typeof inp.spec === 'number' ? String(inp.spec) : inp.spec.trim();
    return {
      name: inp.name,
      kind: kinds.get(inp.name)!,
      ...(dist ? { dist } : {}),
      text,
      support: supports.get(inp.name)!,
      deps: [...new Set(refs.get(inp.name)!.map((r) => r.name))],
      correlated: correlated.has(inp.name),
    };
  });
  return {
    ok: true,
    value: new Plan({ inputs, order, chunkSize, slotOf, slotCount, direct, constants, steps, copula }),
    warnings,
  };
}

function irDist(ir: IrNode): Dist | undefined {
  return ir.k === 'dist' ? ir.dist : undefined;
}

function checkCorrelation(
  c: CorrelationDef,
  irs: Map<string, IrNode>,
  kinds: Map<string, InputKind>,
): { L: Float64Array } | { diagnostics: Diagnostic[] } {
  const at = (p: (string | number)[]): Pick<Diagnostic, 'path' | 'file' | 'line' | 'col'> => ({
    path: [...(c.origin?.path ?? ['correlations']), ...p],
    ...(c.origin?.file !== undefined
      ? { file: c.origin.file, line: c.origin.line ?? 1, col: c.origin.col ?? 1 }
      : {}),
  });
  const ds: Diagnostic[] = [];
  const k = c.names.length;
  const seen = new Set<string>();
  c.names.forEach((n, i) => {
    if (!irs.has(n)) {
      const g = didYouMean(n, irs.keys());
      ds.push({
        code: 'model.correlation.unknown',
        message: `correlation names unknown input '${n}'`,
        ...at(['inputs', i]),
        ...(g ? { hint: `did you mean '${g}'?` } : {}),
      });
    } else if (kinds.get(n) !== 'dist') {
      ds.push({
        code: 'model.correlation.not-dist',
        message: `'${n}' is ${kinds.get(n) === 'constant' ? 'a constant' : 'an expression'}; only inputs that are a single distribution can be correlated`,
        ...at(['inputs', i]),
        hint: 'correlate the distributions it is computed from instead',
      });
    }
    if (seen.has(n))
      ds.push({
        code: 'model.correlation.duplicate',
        message: `'${n}' appears twice in the correlation`,
        ...at(['inputs', i]),
      });
    seen.add(n);
  });
  if (c.matrix.length !== k || c.matrix.some((r) => r.length !== k)) {
    ds.push({
      code: 'model.correlation.shape',
      message: `correlation matrix must be ${k} x ${k} (one row and column per listed input)`,
      ...at(['matrix']),
    });
  }
  if (ds.length) return { diagnostics: ds };
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const v = c.matrix[i]![j]!;
      if (i === j && v !== 1)
        ds.push({
          code: 'model.correlation.diagonal',
          message: `diagonal entry [${i}][${j}] must be 1, got ${v}`,
          ...at(['matrix', i, j]),
        });
      else if (!(v >= -1 && v <= 1))
        ds.push({
          code: 'model.correlation.range',
          message: `correlation [${i}][${j}] must be in [-1, 1], got ${v}`,
          ...at(['matrix', i, j]),
        });
      else if (j > i && v !== c.matrix[j]![i]) {
        ds.push({
          code: 'model.correlation.symmetry',
          message: `matrix is not symmetric: [${i}][${j}] = ${v} but [${j}][${i}] = ${c.matrix[j]![i]}`,
          ...at(['matrix', i, j]),
        });
      }
    }
  }
  if (ds.length) return { diagnostics: ds };
  const normal = c.matrix.map((r, i) => r.map((v, j) => (i === j ? 1 : rankToNormalCorrelation(v))));
  const chol = cholesky(normal);
  if (!chol.ok) {
    const ev = smallestEigenvalue(normal);
    return {
      diagnostics: [
        {
          code: 'model.correlation.not-psd',
          message: `correlation matrix is not positive semi-definite (smallest eigenvalue ${ev.toPrecision(3)}): the correlations contradict each other, first at row ${chol.row} ('${c.names[chol.row]}')`,
          ...at(['matrix']),
          hint: 'e.g. a~b 0.9 and b~c 0.9 force a~c > 0.6; reduce the largest correlations or check their signs',
        },
      ],
    };
  }
  const L = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j <= i; j++) L[i * k + j] = chol.L[i]![j]!;
  return { L };
}

export { containsZero };
