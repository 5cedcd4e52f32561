import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../errors.js';
import { compilePlan, type InputDef, type Plan } from './plan.js';

const defs = (o: Record<string, string | number>): InputDef[] =>
  Object.entries(o).map(([name, spec]) => ({ name, spec }));

/** diagnostics of a model, formatted as the CLI prints them (without a file: path + column in the spec) */
function errors(o: Record<string, string | number>): string[] {
  const r = compilePlan({ inputs: defs(o) });
  if (r.ok) return [];
  return r.diagnostics.map((d) => formatDiagnostic(d) + (d.col ? ` [col ${d.col}]` : ''));
}

function plan(
  o: Record<string, string | number>,
  extra: Partial<Parameters<typeof compilePlan>[0]> = {},
): Plan {
  const r = compilePlan({ inputs: defs(o), ...extra });
  if (!r.ok) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'));
  return r.value;
}

describe('spec errors are located at their column', () => {
  it('unknown distribution, with a suggestion', () => {
    expect(errors({ a: 'nromal(0, 1)' })).toMatchInlineSnapshot(`
      [
        "inputs.a spec.unknown-function unknown distribution or function 'nromal'
        hint: did you mean 'normal'? [col 1]",
      ]
    `);
  });

  it('bad parameters point at the argument', () => {
    expect(
      errors({ a: 'normal(0, -1)', b: 'beta(2, 0)', c: '10 to 5', d: 'uniform(3, 3)' }),
    ).toMatchInlineSnapshot(`
      [
        "inputs.a spec.param sd must be >= 0, got -1
        hint: a standard deviation cannot be negative [col 11]",
        "inputs.b spec.param beta must be > 0, got 0
        hint: beta(2, 8) has mean 0.2 [col 9]",
        "inputs.c spec.param 'low to high' needs low < high, got 10 to 5
        hint: swap the bounds [col 7]",
        "inputs.d spec.param max must be > min, got min 3 and max 3 [col 12]",
      ]
    `);
  });

  it('syntax errors', () => {
    expect(
      errors({ a: 'normal(0, 1', b: '2 *', c: 'a = 3', d: '3 4', e: '1 to 2 to 3', f: '' }),
    ).toMatchInlineSnapshot(`
      [
        "inputs.a spec.syntax expected ')' to close normal(, found the end of the spec [col 12]",
        "inputs.b spec.syntax spec ends where a value was expected
        hint: is an operand missing? [col 4]",
        "inputs.c spec.syntax unexpected character '=' (use '==' to compare) [col 3]",
        "inputs.d spec.syntax unexpected '4' after a complete expression
        hint: is an operator missing, e.g. * or +? [col 3]",
        "inputs.e spec.syntax 'to' cannot be chained
        hint: write one interval, e.g. 5 to 10 [col 8]",
        "inputs.f spec.syntax empty spec
        hint: write a number, a distribution such as normal(0, 1), or an expression [col 1]",
      ]
    `);
  });

  it('unknown inputs, arity, uncertain parameters, empty truncation, reserved names', () => {
    expect(
      errors({
        cost: 'normal(0, 1)',
        a: 'cst * 2',
        b: 'beta(2)',
        c: 'normal(cost, 1)',
        d: 'truncate(normal(0, 1), 40, 50)',
      }),
    ).toMatchInlineSnapshot(`
      [
        "inputs.a spec.unknown-input unknown input 'cst'
        hint: did you mean 'cost'? [col 1]",
        "inputs.b spec.arity beta() takes 2 arguments, got 1
        hint: write beta(alpha, beta) [col 1]",
        "inputs.c spec.param-not-constant mean of normal() must be a number, not an uncertain quantity
        hint: distribution parameters are fixed numbers; to shift or scale, write e.g. \`x + normal(...)\` [col 8]",
        "inputs.d spec.truncate-empty truncate() keeps no probability: normal(0, 1) has (almost) no mass in [40, 50]
        hint: widen the bounds or move the distribution [col 24]",
      ]
    `);
    expect(errors({ normal: 3 })).toMatchInlineSnapshot(`
      [
        "inputs.normal model.name 'normal' is a reserved word of the spec language
        hint: rename it, e.g. normal_value",
      ]
    `);
  });

  it('cycles name the whole cycle', () => {
    expect(errors({ a: 'b + 1', b: 'c * 2', c: 'a - 1', d: 'd' })).toMatchInlineSnapshot(`
      [
        "inputs.c model.cycle inputs form a cycle: a -> b -> c -> a
        hint: an input cannot depend on itself; make one of a, b, c a distribution or a number [col 1]",
      ]
    `);
    expect(errors({ d: '2 * d' })).toMatchInlineSnapshot(`
      [
        "inputs.d model.cycle inputs form a cycle: d -> d
        hint: an input cannot depend on itself; make one of d a distribution or a number [col 5]",
      ]
    `);
  });

  it('division by anything that can be 0 is refused before sampling', () => {
    expect(
      errors({
        x: 'normal(5, 1)',
        b: 'beta(2, 8)',
        l: '1 to 5',
        a1: '1 / x',
        a2: '1 / b',
        a3: '1 / (l - 1)',
        a4: '1 / discrete([-1, 0, 1], [1, 1, 1])',
        a5: '3 / 0',
      }),
    ).toMatchInlineSnapshot(`
      [
        "inputs.a5 model.division-by-zero division by the constant 0 [col 5]",
      ]
    `);
    expect(
      errors({
        x: 'normal(5, 1)',
        b: 'beta(2, 8)',
        l: '1 to 5',
        a1: '1 / x',
        a2: '1 / b',
        a3: '1 / (l - 1)',
        a4: '1 / discrete([-1, 0, 1], [1, 1, 1])',
      }),
    ).toMatchInlineSnapshot(`
        [
          "inputs.a1 model.division-by-zero division by 'x', which can be 0 (support (-inf, inf))
          hint: keep the divisor away from 0: use a lognormal or \`low to high\` with low > 0, or truncate(dist, low, high) with low > 0 [col 5]",
          "inputs.a2 model.division-by-zero division by 'b', which can be 0 (support [0, 1])
          hint: keep the divisor away from 0: use a lognormal or \`low to high\` with low > 0, or truncate(dist, low, high) with low > 0 [col 5]",
          "inputs.a3 model.division-by-zero division by '(l - 1)', which can be 0 (support (-1, inf))
          hint: keep the divisor away from 0: use a lognormal or \`low to high\` with low > 0, or truncate(dist, low, high) with low > 0 [col 5]",
          "inputs.a4 model.division-by-zero division by discrete([-1, 0, 1], [0.333333, 0.333333, 0.333333]), which can be 0 (support [-1, 1])
          hint: keep the divisor away from 0: use a lognormal or \`low to high\` with low > 0, or truncate(dist, low, high) with low > 0 [col 5]",
        ]
      `);
  });

  it('accepts divisors that cannot be 0', () => {
    expect(
      errors({
        l: '1 to 5',
        t: 'truncate(normal(5, 1), 1, inf)',
        a: '1 / l',
        b: '1 / (l + 1)',
        c: '1 / t',
        d: '1 / discrete([-1, 1], [1, 1])',
        e: '1 / exp(normal(0, 1))',
        f: '1 / (2 * l)',
      }),
    ).toEqual([]);
  });

  it('warns (not fails) on log of something that can be negative', () => {
    const r = compilePlan({ inputs: defs({ x: 'normal(0, 1)', y: 'log(x)' }) });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings.map((w) => w.code)).toEqual(['model.domain']);
  });
});

describe('expressions evaluate element-wise like plain arithmetic', () => {
  it('every operator and function', () => {
    const p = plan({
      a: 'normal(0, 2)',
      b: 'lognormal(0, 0.5)',
      e1: 'max(a, 0) + b^2 - abs(a) / b * (a > 0)',
      e2: 'exp(-b) + log(b) + sqrt(b) + min(a, b, 1) - -a',
      e3: '(a <= 0) + (a >= 1) * 2 + (a == a) * 4 + (a != b) * 8 + (a < b) * 16',
      e4: '-a^2 + 2^-b + 10 / b - (3 - a) * 0.5',
    });
    const c = p.sampleChunk(3, { index: 0, start: 0, n: 5000 });
    const a = c.get('a');
    const b = c.get('b');
    for (let i = 0; i < 5000; i++) {
      const x = a[i]!;
      const y = b[i]!;
      expect(c.get('e1')[i]).toBe(Math.max(x, 0) + y ** 2 - (Math.abs(x) / y) * (x > 0 ? 1 : 0));
      expect(c.get('e2')[i]).toBe(Math.exp(-y) + Math.log(y) + Math.sqrt(y) + Math.min(x, y, 1) - -x);
      expect(c.get('e3')[i]).toBe(
        (x <= 0 ? 1 : 0) + (x >= 1 ? 2 : 0) + 4 + (x !== y ? 8 : 0) + (x < y ? 16 : 0),
      );
      expect(c.get('e4')[i]).toBe(-(x ** 2) + 2 ** -y + 10 / y - (3 - x) * 0.5);
    }
  });

  it('addition chains (one fused sum per 8 columns) give the same bits as left-to-right binary additions', () => {
    const names = Array.from({ length: 19 }, (_, i) => `x${i}`);
    const inputs: Record<string, string | number> = {};
    for (const [i, n] of names.entries())
      inputs[n] = i % 3 ? `normal(${i}, ${1 + i / 7})` : `lognormal(0, ${i / 20})`;
    const chains: Record<string, string[]> = {
      s3: names.slice(0, 3),
      s8: names.slice(0, 8),
      s9: names.slice(0, 9),
      s19: names,
      c_mid: ['x1', 'x2', '0.1', 'x3', 'x4'],
      c_lead: ['0.3', 'x5', 'x6', 'x7'],
      c_end: ['x1', 'x2', 'x3', '1e-3'],
      inner: ['x1', '(x2 + x3 + x4)', 'x5 * 2', 'x6'],
    };
    for (const [k, ops] of Object.entries(chains)) inputs[k] = ops.join(' + ');
    const p = plan(inputs);
    const n = 3000;
    const c = p.sampleChunk(4, { index: 0, start: 0, n });
    const col = (name: string) => c.get(name);
    const value = (op: string, i: number): number => {
      if (op === '(x2 + x3 + x4)') return col('x2')[i]! + col('x3')[i]! + col('x4')[i]!;
      if (op === 'x5 * 2') return col('x5')[i]! * 2;
      return /^x/.test(op) ? col(op)[i]! : Number(op);
    };
    for (const [k, ops] of Object.entries(chains)) {
      const got = col(k);
      for (let i = 0; i < n; i++) {
        let want = value(ops[0]!, i);
        for (const op of ops.slice(1)) want = want + value(op, i);
        if (got[i] !== want) throw new Error(`${k}[${i}]: ${got[i]} !== ${want}`);
      }
    }
  });

  it('inline distributions get their own streams; constants fill', () => {
    const p = plan({ k: 7, s: '2 * normal(0, 1) + beta(2, 2) * 0 + k' });
    const c = p.sampleChunk(1, { index: 0, start: 0, n: 20_000 });
    expect(c.get('k').every((v) => v === 7)).toBe(true);
    const s = c.get('s');
    const mean = s.reduce((x, y) => x + y, 0) / s.length;
    // sd of s is 2, so the SE of the mean is 2/sqrt(20000) = 0.014; 5 SE
    expect(Math.abs(mean - 7)).toBeLessThan(0.071);
    expect(p.input('s')!.kind).toBe('expr');
    expect(p.input('k')!.kind).toBe('constant');
  });
});

describe('determinism and common random numbers', () => {
  const model = { a: 'normal(0, 1)', b: 'beta(2, 3)', c: 'a * b + pert(0, 1, 4)' };
  it('same seed and chunk give identical columns; another seed differs', () => {
    const c1 = plan(model).sampleChunk(9, { index: 2, start: 131072, n: 1000 });
    const c2 = plan(model).sampleChunk(9, { index: 2, start: 131072, n: 1000 });
    const c3 = plan(model).sampleChunk(10, { index: 2, start: 131072, n: 1000 });
    for (const k of ['a', 'b', 'c']) {
      expect(Array.from(c1.get(k))).toEqual(Array.from(c2.get(k)));
      expect(Array.from(c1.get(k))).not.toEqual(Array.from(c3.get(k)));
    }
  });

  it("an input's draws do not depend on other inputs or their order", () => {
    const base = plan(model).sampleChunk(1, { index: 0, start: 0, n: 500 });
    const more = plan({ z: 'uniform(0, 1)', c: model.c, b: model.b, a: model.a, y: 'z * 2' }).sampleChunk(1, {
      index: 0,
      start: 0,
      n: 500,
    });
    for (const k of ['a', 'b', 'c']) expect(Array.from(more.get(k))).toEqual(Array.from(base.get(k)));
    // changing b's distribution keeps a's draws (common random numbers across variants)
    const variant = plan({ ...model, b: 'beta(5, 1)' }).sampleChunk(1, { index: 0, start: 0, n: 500 });
    expect(Array.from(variant.get('a'))).toEqual(Array.from(base.get('a')));
    expect(Array.from(variant.get('b'))).not.toEqual(Array.from(base.get('b')));
  });
});

/** Spearman rank correlation */
function spearman(x: Float64Array, y: Float64Array): number {
  const rank = (v: Float64Array) => {
    const idx = Array.from(v.keys()).sort((i, j) => v[i]! - v[j]!);
    const r = new Float64Array(v.length);
    idx.forEach((i, k) => {
      r[i] = k;
    });
    return r;
  };
  const rx = rank(x);
  const ry = rank(y);
  const n = x.length;
  const m = (n - 1) / 2;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i]! - m) * (ry[i]! - m);
    sxx += (rx[i]! - m) ** 2;
  }
  return sxy / sxx;
}

describe('Gaussian copula', () => {
  it('reproduces the requested Spearman rank correlations and keeps the marginals', () => {
    const p = plan(
      { a: 'normal(0, 1)', b: 'lognormal(0, 1)', c: 'beta(2, 8)', d: 'uniform(0, 1)' },
      {
        correlation: {
          names: ['a', 'b', 'c'],
          matrix: [
            [1, 0.7, -0.5],
            [0.7, 1, -0.2],
            [-0.5, -0.2, 1],
          ],
        },
      },
    );
    const n = 50_000;
    const c = p.sampleChunk(5, { index: 0, start: 0, n });
    // SE of a Spearman estimate at n = 50k is below 1/sqrt(n) = 0.0045; tolerance 0.02 (> 4 SE)
    expect(spearman(c.get('a'), c.get('b'))).toBeCloseTo(0.7, 1);
    expect(Math.abs(spearman(c.get('a'), c.get('b')) - 0.7)).toBeLessThan(0.02);
    expect(Math.abs(spearman(c.get('a'), c.get('c')) + 0.5)).toBeLessThan(0.02);
    expect(Math.abs(spearman(c.get('b'), c.get('c')) + 0.2)).toBeLessThan(0.02);
    expect(Math.abs(spearman(c.get('a'), c.get('d')))).toBeLessThan(0.02);
    // beta(2, 8) marginal: mean 0.2, sd 0.12; SE of mean 0.00054; 5 SE
    const cm = c.get('c').reduce((s, v) => s + v, 0) / n;
    expect(Math.abs(cm - 0.2)).toBeLessThan(0.0027);
    expect(p.input('a')!.correlated).toBe(true);
  });

  it('refuses matrices that are not positive semi-definite, not symmetric, or name expressions', () => {
    const bad = (names: string[], matrix: number[][]) => {
      const r = compilePlan({
        inputs: defs({ a: 'normal(0, 1)', b: 'normal(0, 1)', c: 'normal(0, 1)', e: 'a + b' }),
        correlation: { names, matrix },
      });
      return r.ok ? [] : r.diagnostics.map(formatDiagnostic);
    };
    expect(
      bad(
        ['a', 'b', 'c'],
        [
          [1, 0.9, -0.9],
          [0.9, 1, 0.9],
          [-0.9, 0.9, 1],
        ],
      ),
    ).toMatchInlineSnapshot(`
      [
        "correlations.matrix model.correlation.not-psd correlation matrix is not positive semi-definite (smallest eigenvalue -0.816): the correlations contradict each other, first at row 2 ('c')
        hint: e.g. a~b 0.9 and b~c 0.9 force a~c > 0.6; reduce the largest correlations or check their signs",
      ]
    `);
    expect(
      bad(
        ['a', 'e'],
        [
          [1, 0.5],
          [0.4, 1],
        ],
      ),
    ).toMatchInlineSnapshot(`
      [
        "correlations.inputs.1 model.correlation.not-dist 'e' is an expression; only inputs that are a single distribution can be correlated
        hint: correlate the distributions it is computed from instead",
      ]
    `);
    expect(
      bad(
        ['a', 'b'],
        [
          [1, 0.5],
          [0.4, 1],
        ],
      ),
    ).toMatchInlineSnapshot(`
      [
        "correlations.matrix.0.1 model.correlation.symmetry matrix is not symmetric: [0][1] = 0.5 but [1][0] = 0.4",
      ]
    `);
    // a perfectly correlated (singular but PSD) pair is allowed and gives identical ranks
    const p = plan(
      { a: 'normal(0, 1)', b: 'lognormal(0, 1)' },
      {
        correlation: {
          names: ['a', 'b'],
          matrix: [
            [1, 1],
            [1, 1],
          ],
        },
      },
    );
    const c = p.sampleChunk(1, { index: 0, start: 0, n: 2000 });
    expect(spearman(c.get('a'), c.get('b'))).toBeCloseTo(1, 10);
  });
});
