// guarantor eval from the built package: compiled worker threads (dist/node/pool/worker.js), exit codes, JSON
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale } from '../../scripts/build-if-stale.mjs';
import { repoRoot } from '../support/fake-io.js';

const run = (args: string[]) =>
  spawnSync(process.execPath, ['bin/guarantor.mjs', 'eval', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });

describe('guarantor eval (built binary)', () => {
  beforeAll(() => {
    buildIfStale({ quiet: true });
  });

  it('gives the same JSON on 1 and 2 worker threads, with progress lines on stderr', () => {
    const args = ['examples/models/aid-gap.yaml', '--samples', '300000', '--seed', '5', '--json'];
    const one = run([...args, '--threads', '1']);
    const two = run([...args, '--threads', '2']);
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const j = JSON.parse(one.stdout);
    expect(Object.keys(j.outputs)).toEqual(['delivered', 'gap', 'shortfall']);
    expect(j.outputs.shortfall.mean).toBeGreaterThan(0);
    expect(j.outputs.shortfall.mean).toBeLessThan(1);
    // 10 chunks of 32,768 (the last one short): a line at each 10% step a finished chunk crosses
    expect(
      two.stderr
        .trim()
        .split('\n')
        .map((l) => l.split(' ')[1]),
    ).toEqual(['10%', '20%', '30%', '40%', '50%', '60%', '70%', '80%', '90%', '100%']);
  });

  it('exit 1 for a bad model, 2 for bad flags', () => {
    const bad = run(['test/fixtures/models/division.yaml']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('test/fixtures/models/division.yaml:4:21 model.division-by-zero');
    expect(run(['examples/models/aid-gap.yaml', '--samples', '1e12']).status).toBe(2);
    expect(run(['examples/models/aid-gap.yaml', '--bogus']).status).toBe(2);
  });
});
