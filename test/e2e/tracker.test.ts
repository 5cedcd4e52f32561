// the full Kiel data through the built CLI, and the capability defaults recomputed from the same CSVs. Needs the
// shared data beside the repo (../shared/data/kiel, as in CI); skips, saying so, when it is absent.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale } from '../../scripts/build-if-stale.mjs';
import { DEFAULT_CAPABILITY_PARAMS } from '../../src/core/tracker/capability.js';
import { repoRoot } from '../support/fake-io.js';

const kiel = join(repoRoot, '..', 'shared', 'data', 'kiel');
const present = existsSync(join(kiel, 'data_explorer.csv'));
const title = present
  ? 'full Kiel import'
  : `full Kiel import (SKIPPED: ${kiel} not found; CI keeps shared/ beside the clone)`;
const tmp = mkdtempSync(join(tmpdir(), 'guarantor-e2e-track-'));
const env = { NO_COLOR: '1', GUARANTOR_DB_DIR: join(tmp, 'db'), GUARANTOR_ACTOR: 'e2e' };
const run = (args: string[]) => {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return spawnSync(process.execPath, ['bin/guarantor.mjs', 'track', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...rest, ...env },
  });
};
const rows = (f: string) =>
  readFileSync(join(kiel, f), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(',').map((c) => c.replace(/^"|"$/g, '')));

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.skipIf(!present)(title, () => {
  beforeAll(() => {
    buildIfStale({ quiet: true });
  });

  it('seeds every Kiel file and the agreements; a second seed changes nothing', () => {
    const first = run(['seed', '--json']);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const steps = JSON.parse(first.stdout).steps as { kind: string; status: string; added: number }[];
    expect(steps.map((s) => [s.kind, s.status, s.added])).toEqual([
      ['agreements', 'imported', 43],
      ['kiel-explorer', 'imported', rows('data_explorer.csv').length],
      ['kiel-weapons', 'imported', rows('weapons.csv').length],
      ['kiel-activities', 'imported', rows('release28_activities.csv').length],
    ]);
    const again = JSON.parse(run(['seed', '--json']).stdout).steps as { status: string }[];
    expect(again.map((s) => s.status)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
  });

  it("matches a published calibration figure: Norway's total commitments of EUR 24.72bn (Kiel, Release 28 country summary)", () => {
    const st = JSON.parse(run(['status', '--json', '--as-of', '2026-11-23']).stdout);
    const no = st.donors.find((d: { donor: string }) => d.donor === 'Norway');
    // tolerance 1%: the data is Release 29, the figure Release 28
    expect(Math.abs(no.kielCommittedEurBn - 24.72) / 24.72).toBeLessThan(0.01);
    expect(st.counts.kiel_months).toBe(rows('data_explorer.csv').length);
    expect(st.releases.map((r: { label: string | null }) => r.label)).toContain(
      'Ukraine Support Tracker, Release 29 (04/2026)',
    );
  });

  it('exports the monthly series whose totals equal the CSV', () => {
    const j = JSON.parse(run(['export', '--what', 'monthly', '--json']).stdout);
    const military = j.rows
      .filter((r: { aidType: string }) => r.aidType === 'military')
      .reduce((s: number, r: { eurBn: number }) => s + r.eurBn, 0);
    const csv = rows('data_explorer.csv').reduce((s, r) => s + Number(r[7]), 0);
    // tolerance: the export rounds each row to 1e-6 bn
    expect(Math.abs(military - csv)).toBeLessThan(1e-6 * j.rows.length);
  });

  it('derives the capability defaults from these CSVs (reference flow and unit values)', () => {
    const byYear = new Map<string, number>();
    for (const r of rows('data_explorer.csv')) byYear.set(r[2]!, (byYear.get(r[2]!) ?? 0) + Number(r[7]));
    const mean = ((byYear.get('2022') ?? 0) + (byYear.get('2023') ?? 0) + (byYear.get('2024') ?? 0)) / 3;
    // tolerance 0.05bn: the default is rounded to one decimal
    expect(Math.abs(DEFAULT_CAPABILITY_PARAMS.referenceFlowEurBn.value - mean)).toBeLessThan(0.05);
    const cats: Record<string, string> = {
      Tanks: 'tank',
      IFV: 'ifv',
      Howitzers: 'howitzer',
      MLRS: 'mlrs',
      'Air Defense': 'air-defence',
    };
    const sums = new Map<string, [number, number]>();
    for (const r of rows('weapons.csv')) {
      const [n, v] = sums.get(r[1]!) ?? [0, 0];
      sums.set(r[1]!, [n + Number(r[2]), v + Number(r[3])]);
    }
    for (const [cat, key] of Object.entries(cats)) {
      const [n, v] = sums.get(cat)!;
      // tolerance 1 EUR: the defaults are rounded to whole euros
      expect(Math.abs(DEFAULT_CAPABILITY_PARAMS.unitValues[key]!.eur.value - v / n)).toBeLessThan(1);
    }
  });

  it('refuses a second process while the first holds the embedded database', () => {
    const lock = `${env.GUARANTOR_DB_DIR}.lock`;
    const holder = spawnSync(
      'sh',
      [
        '-c',
        `echo $$ > ${lock}; ${process.execPath} bin/guarantor.mjs track status --json; code=$?; rm -f ${lock}; exit $code`,
      ],
      {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { ...process.env, ...env },
      },
    );
    expect(holder.status).toBe(1);
    expect(holder.stderr).toMatch(/error store.locked: the database .* is in use by process \d+/);
  });
});
