import { describe, expect, it } from 'vitest';
import { cli } from '../../../test/support/fake-io.js';

const fx = (name: string) => `test/fixtures/models/${name}.yaml`;

describe('guarantor eval', () => {
  it('prints a table of each output', async () => {
    const r = await cli([
      'eval',
      'examples/models/aid-gap.yaml',
      '--samples',
      '20000',
      '--seed',
      '7',
      '--threads',
      '1',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatchInlineSnapshot(`
      "output       mean      sd     p5    p25    p50    p75    p95
      ---------  ------  ------  -----  -----  -----  -----  -----
      delivered   50.37   12.91  32.02  40.96  48.83  58.18  74.11
      gap         23.72   13.15  0.944   15.3   24.3  32.78  44.25
      shortfall  0.8508  0.3563      0      1      1      1      1
      20000 samples, seed 7
      "
    `);
  });

  it('--markdown and --json (same numbers for any thread count)', async () => {
    const md = await cli(['eval', 'examples/models/aid-gap.yaml', '--samples', '1000', '--markdown']);
    expect(md.stdout).toMatchInlineSnapshot(`
      "| output | mean | sd | p5 | p25 | p50 | p75 | p95 |
      |---|---:|---:|---:|---:|---:|---:|---:|
      | delivered | 50.63 | 13.04 | 32.68 | 40.71 | 48.85 | 58.98 | 73.11 |
      | gap | 24.19 | 12.88 | 1.401 | 15.94 | 24.5 | 33.17 | 43.83 |
      | shortfall | 0.874 | 0.332 | 0 | 1 | 1 | 1 | 1 |
      "
    `);
    const args = ['eval', 'examples/models/reference-20.yaml', '--samples', '1e5', '--seed', '3', '--json'];
    const one = await cli([...args, '--threads', '1']);
    const two = await cli([...args, '--threads', '2', '--no-progress']);
    expect(two.stdout).toBe(one.stdout);
    const j = JSON.parse(one.stdout);
    expect(Object.keys(j)).toEqual(['model', 'samples', 'seed', 'chunkSize', 'outputs', 'warnings']);
    expect(Object.keys(j.outputs.total)).toEqual([
      'mean',
      'sd',
      'p5',
      'p25',
      'p50',
      'p75',
      'p95',
      'p1',
      'p10',
      'p90',
      'p99',
      'min',
      'max',
      'count',
      'nan',
    ]);
    // reference model mean: 28 + 0.5 * e^0.125 * sum e^(i/7) = 35.313
    expect(j.outputs.total.mean).toBeCloseTo(35.31, 1);
    // progress: one line per 10% when not on a terminal
    expect(one.stderr).toMatchInlineSnapshot(`
      "eval: 30% (32768/100000 samples)
      eval: 60% (65536/100000 samples)
      eval: 90% (98304/100000 samples)
      eval: 100% (100000/100000 samples)
      "
    `);
  });

  it('located errors for bad specs, cycles, division by a quantity that can be 0, bad correlations, bad keys', async () => {
    const out: string[] = [];
    for (const f of ['bad-specs', 'cycle', 'division', 'not-psd', 'unknown-key', 'syntax']) {
      const r = await cli(['eval', fx(f), '--samples', '100']);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      out.push(r.stderr);
    }
    expect(out.join('')).toMatchInlineSnapshot(`
      "test/fixtures/models/bad-specs.yaml:2:6 spec.unknown-function unknown distribution or function 'nromal' (at inputs.a)
        hint: did you mean 'normal'?
      test/fixtures/models/bad-specs.yaml:3:17 spec.param sd must be >= 0, got -1 (at inputs.b)
        hint: a standard deviation cannot be negative
      test/fixtures/models/bad-specs.yaml:4:15 spec.param beta must be > 0, got 0 (at inputs.c)
        hint: beta(2, 8) has mean 0.2
      test/fixtures/models/cycle.yaml:3:9 model.cycle inputs form a cycle: supply -> rate -> supply (at inputs.rate)
        hint: an input cannot depend on itself; make one of supply, rate a distribution or a number
      test/fixtures/models/division.yaml:4:21 model.division-by-zero division by 'share', which can be 0 (support [0, 1]) (at inputs.per_share)
        hint: keep the divisor away from 0: use a lognormal or \`low to high\` with low > 0, or truncate(dist, low, high) with low > 0
      test/fixtures/models/not-psd.yaml:6:3 model.correlation.not-psd correlation matrix is not positive semi-definite (smallest eigenvalue -0.816): the correlations contradict each other, first at row 2 ('c') (at correlations.matrix)
        hint: e.g. a~b 0.9 and b~c 0.9 force a~c > 0.6; reduce the largest correlations or check their signs
      test/fixtures/models/unknown-key.yaml:3:1 schema.unknown-key unknown field 'outputz' (at outputz)
        hint: did you mean 'outputs'?
      test/fixtures/models/syntax.yaml:4:1 yaml.bad-indent Flow sequence in block collection must be sufficiently indented and end with a ]
        hint: check indentation and quoting near this position
      "
    `);
  });

  it('warns about NaN samples and domain problems but still reports', async () => {
    const r = await cli(['eval', fx('nan'), '--samples', '1000']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatchInlineSnapshot(`
      "test/fixtures/models/nan.yaml:4:14 model.domain warning: sqrt() of 'x', which can be negative (support (-inf, inf)): such samples become NaN (at outputs.root)
        hint: truncate it at 0 or use max(x, 0)
      warning: 153 samples of 'root' were NaN and are excluded from its summary
      "
    `);
  });

  it('bad flags are usage errors (exit 2); a missing file is exit 1', async () => {
    const runs = [
      ['--samples', '1e12'],
      ['--samples', '0'],
      ['--samples', 'many'],
      ['--threads', '0'],
      ['--seed', '-1'],
    ];
    const lines: string[] = [];
    for (const flags of runs) {
      const r = await cli(['eval', 'examples/models/aid-gap.yaml', ...flags]);
      expect(r.code).toBe(2);
      lines.push(r.stderr);
    }
    expect(lines.join('')).toMatchInlineSnapshot(`
      "error usage.samples: --samples must be between 1 and 1e9, got 1e12 (e.g. --samples 100000)
      error usage.samples: --samples must be between 1 and 1e9, got 0 (e.g. --samples 100000)
      error usage.samples: --samples must be a whole number, got 'many' (e.g. --samples 100000)
      error usage.threads: --threads must be between 1 and 256, got 0 (e.g. --threads 2)
      error usage.seed: --seed must be a whole number, got '-1' (e.g. --seed 42)
      "
    `);
    const missing = await cli(['eval', 'nope.yaml']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatchInlineSnapshot(`
      "nope.yaml:1:1 file.not-found no such file
        hint: check the path to the model file, e.g. examples/models/aid-gap.yaml
      "
    `);
  });
});
