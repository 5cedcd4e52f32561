// the built binary runs the deterrence model on real worker threads (dist/, no tsx): same output on 1 and 2 threads
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

describe('guarantor simulate (built binary)', () => {
  beforeAll(() => {
    buildIfStale({ quiet: true });
  });

  it('gives byte-identical --json on 1 and 2 threads, progress only on stderr', () => {
    const args = ['simulate', 's15-allied-enablers', '--samples', '70000', '--seed', '5', '--json'];
    const one = run([...args, '--threads', '1']);
    const two = run([...args, '--threads', '2']);
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(one.stdout).samples).toBe(70000);
    expect(one.stderr).toMatch(/simulate: 100% \(70000\/70000 samples\)/);
  });

  it('exits 2 on bad flags without a stack trace', () => {
    const r = run(['stress', 's08-reassurance-force', '--shock', 'veto-used:XYZ']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage.shock-actor');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
