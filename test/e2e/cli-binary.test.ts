// the built binary as a user runs it: README's main command, JSON contracts, exit codes
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale } from '../../scripts/build-if-stale.mjs';
import { repoRoot } from '../support/fake-io.js';

const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['bin/guarantor.mjs', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });

describe('guarantor binary', () => {
  beforeAll(() => {
    buildIfStale({ quiet: true });
  });

  it('`npm start`’s job: compare --all prints the whole catalog', () => {
    const r = run(['compare', '--all']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const ids = JSON.parse(run(['list', '--json']).stdout).map((x: { id: string }) => x.id);
    expect(ids.length).toBeGreaterThanOrEqual(20);
    for (const id of ids) expect(r.stdout).toContain(id);
  });

  it('list --json has the documented fields', () => {
    const rows = JSON.parse(run(['list', '--json']).stdout);
    for (const row of rows) {
      expect(row).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          title: expect.any(String),
          systems: expect.any(Array),
        }),
      );
    }
  });

  it('validate --catalog passes', () => {
    const r = run(['validate', '--catalog']);
    expect(r.status, r.stderr).toBe(0);
  });

  it('a broken file exits 1 with a located message and no stack trace', () => {
    const r = run(['validate', 'test/fixtures/scenarios/does-not-exist.yaml']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('test/fixtures/scenarios/does-not-exist.yaml:1:1 file.not-found');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
