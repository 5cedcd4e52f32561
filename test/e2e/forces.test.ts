// guarantor forces as a user runs it: the built binary, JSON contract, exit codes, NO_COLOR
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale } from '../../scripts/build-if-stale.mjs';
import { repoRoot } from '../support/fake-io.js';

const run = (args: string[]) =>
  spawnSync(process.execPath, ['bin/guarantor.mjs', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });

describe('guarantor forces (binary)', () => {
  beforeAll(() => {
    buildIfStale({ quiet: true });
  });

  it('reproduces the UK rotation arithmetic through the CLI', () => {
    const r = run([
      'forces',
      '--mission',
      'reassurance-corps',
      '--troops',
      '64000',
      '--rotation',
      '4',
      '--years',
      '2',
      '--readiness',
      '1',
      '--json',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.committed).toBe(256000);
    expect(j.intervals.yearlyCost.p05).toBeLessThan(j.intervals.yearlyCost.p95);
  });

  it('lists archetypes and reference missions without colour codes', () => {
    const r = run(['forces', '--list']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('deep-defence');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: checking that no ANSI escape is printed
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('a misspelt mission exits 2 with a suggestion and no stack trace', () => {
    const r = run(['forces', '--mission', 'tripwir']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("did you mean 'tripwire'?");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
