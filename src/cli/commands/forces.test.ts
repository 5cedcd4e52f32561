// guarantor forces in-process: tables, JSON field names, markdown, scenario sizing and usage errors (exit 2)
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../../test/support/fake-io.js';

const tmp = mkdtempSync(join(tmpdir(), 'guarantor-forces-'));

describe('guarantor forces', () => {
  it('sizes a mission with intervals, inputs, pledges and anchors', async () => {
    const r = await cli([
      'forces',
      '--mission',
      'ceasefire-monitoring',
      '--front-km',
      '1250',
      '--rotation',
      '3',
      '--years',
      '2',
      '--samples',
      '2000',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatchInlineSnapshot(`
      "Ceasefire monitoring (UN-style) (ceasefire-monitoring): sized as front km x personnel per km
      2 year(s), 4 contingent(s) of 6 months, rotation x3; costs in USD; 90% interval from 2,000 PERT samples (seed 1)

      quantity                    central      5%     95%
      --------------------------  -------  ------  ------
      deployed troops               5,938   3,179  12,090
      committed personnel (pool)   19,792  10,743  40,892
      cost per year                 $891m   $456m  $2.5bn
      cost over 2 year(s)          $1.8bn   $911m  $5.1bn

      input            value           range  origin   source                        evidence
      -------------  -------  --------------  -------  ----------------------------  ----------
      --front-km       1,250                  user
      --density         4.75        1.6-13.6  default  unficyp-strength-2014         secondary
      --rotation           3                  user
      --tour-months        6                  default  rand-cadre-army-rotation      verified
      --readiness        0.9           0.8-1  default  guarantor-forces-assumptions  unverified
      --years              2                  user
      --cost-troop   150,000  75,000-400,000  default  gao-bosnia-costs-1996         unverified

      Pledges against the requirement (central)
      actor  troops  aircraft  ships  status    share  source
      -----  ------  --------  -----  --------  -----  -------------------------------
      GBR    10,000         0      0  offered    168%  times-64000-rotation-2025
      TUR         0         0      2  existing     0%  mcm-black-sea-2024
      BGR         0         0      1  existing     0%  mcm-black-sea-2024
      ROU         0         0      1  existing     0%  mcm-black-sea-2024
      DEU         0         0      0  declined     0%  coalition-planning-reports-2026
      ITA         0         0      0  declined     0%  coalition-planning-reports-2026
      POL         0         0      0  declined     0%  coalition-planning-reports-2026
      USA         0         0      0  declined     0%  hegseth-udcg-2025
      pledged: troops 10,000 of 5,938 (surplus 4,063)

      anchor csis-monitoring-6000: CSIS minimum UN-style monitoring force (~6,000) [csis-security-guarantees-qa-2025, secondary, reconstruction]
      "
    `);
  });

  it('--json has the documented field names', async () => {
    const r = await cli([
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
      '--samples',
      '500',
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual([
      'mission',
      'deployed',
      'contingents',
      'rotationMultiplier',
      'committed',
      'aircraft',
      'ships',
      'yearlyCost',
      'lifetimeCost',
      'yearlyCostTroops',
      'yearlyCostAircraft',
      'yearlyCostShips',
      'years',
      'currency',
      'inputs',
      'warnings',
      'intervals',
      'uncertainty',
      'pledges',
    ]);
    expect(j.committed).toBe(256000);
    expect(Object.keys(j.intervals.committed)).toEqual(['central', 'p05', 'p50', 'p95', 'mean']);
    expect(Object.keys(j.pledges)).toEqual(['required', 'pledged', 'gap', 'coverage', 'rows']);
    expect(j.pledges.pledged.troops).toBe(10000);
  });

  it('--pledge replaces the shipped offers; --no-pledges drops the comparison', async () => {
    const r = await cli([
      'forces',
      '--mission',
      'reassurance-division',
      '--pledge',
      'GBR=10000',
      '--pledge',
      'fra=6000',
      '--pledge',
      'TUR=2ships',
      '--json',
      '--samples',
      '200',
    ]);
    const j = JSON.parse(r.stdout);
    expect(j.pledges.rows.map((x: { actor: string }) => x.actor)).toEqual(['GBR', 'FRA', 'TUR']);
    expect(j.pledges.gap.troops).toBe(25000 - 16000);
    const none = JSON.parse(
      (await cli(['forces', '--mission', 'tripwire', '--no-pledges', '--json', '--samples', '200'])).stdout,
    );
    expect(none.pledges).toBeNull();
  });

  it('--list --markdown prints the three tables', async () => {
    const r = await cli(['forces', '--list', '--markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 6).join('\n')).toMatchInlineSnapshot(`
      "Mission archetypes (central defaults; guarantor forces --mission <id> for intervals)
      | id | sizing | troops | aircraft | ships | anchors | scenario missions |
      |---|---|---:|---:|---:|---|---|
      | ceasefire-monitoring | per-km | 5,938 | 0 | 0 | csis-monitoring-6000 | monitoring |
      | reassurance-brigade | formation | 10,000 | 0 | 0 | iiss-small-10000 |  |
      | reassurance-division | formation | 25,000 | 0 | 0 | iiss-medium-25000 | reassurance |"
    `);
    expect(r.stdout).toContain('| usfk-2003 | 37,000 | 2003 | 248 | 149 |');
  });

  it('--list --json lists archetypes, reference missions with densities, and parameters', async () => {
    const j = JSON.parse((await cli(['forces', '--list', '--json'])).stdout);
    expect(Object.keys(j)).toEqual(['archetypes', 'referenceMissions', 'parameters']);
    expect(j.archetypes.map((a: { id: string }) => a.id)).toContain('deep-defence');
    expect(j.referenceMissions.find((m: { id: string }) => m.id === 'unficyp').perKm).toBeCloseTo(
      855 / 180,
      6,
    );
  });

  it('sizes a scenario file’s force instruments', async () => {
    const file = join(tmp, 'mnf.yaml');
    writeFileSync(
      file,
      `id: mnf-test
title: Reassurance test
summary: A UK-French reassurance force and Turkish ships.
status: hypothetical
asOf: 2026-01-06
sources: [coalition-planning-reports-2026]
instruments:
  - id: mnf-u
    title: Multinational Force Ukraine
    guarantors: [GBR, FRA]
    obligations: [training]
    strength: coordinate
    automaticity: discretionary
    trigger: { timing: standing, domains: [land] }
    legal: { form: political-declaration, ratification: none, status: proposed }
    duration: { years: 5 }
    decision: { rule: each-guarantor }
    depth:
      forces:
        - { actor: GBR, troops: 10000, mission: reassurance, location: rear, source: times-64000-rotation-2025 }
        - { actor: FRA, troops: 5000, mission: reassurance, location: rear, source: coalition-planning-reports-2026 }
        - { actor: TUR, ships: 2, mission: maritime, location: sea, source: mcm-black-sea-2024 }
    sources: [coalition-planning-reports-2026]
`,
    );
    const r = await cli(['forces', file, '--samples', '1000']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.replaceAll(tmp, '<tmp>')).toMatchInlineSnapshot(`
      "Reassurance test (mnf-test): force instruments against the sized requirement
      front 1,250 km (default, syrskyi-front-length-2025); costs in USD; 90% intervals from 1,000 samples (seed 1)

      mission      sized as              years         required troops  pledged     gap  aircraft req/pl  ships req/pl         cost/yr pledged
      -----------  --------------------  -----  ----------------------  -------  ------  ---------------  ------------  ----------------------
      reassurance  reassurance-division      5  25,000 (21,944-28,088)   15,000  10,000              0/0           0/0  $2.3bn ($1.5bn-$4.1bn)
      maritime     black-sea-maritime        5                                0                      0/0           6/2      $120m ($61m-$172m)

      Contributions by actor
      mission      actor  troops  aircraft  ships  instruments
      -----------  -----  ------  --------  -----  -----------
      reassurance  GBR    10,000         0      0  mnf-u
      reassurance  FRA     5,000         0      0  mnf-u
      maritime     TUR         0         0      2  mnf-u

      total pledged: 15,000 troops (66,667 committed with rotation), 0 aircraft, 2 ships; cost $2.4bn/yr (90%: $1.6bn-$4.3bn), $12bn over the instruments' durations
      "
    `);
    const j = JSON.parse((await cli(['forces', file, '--json', '--samples', '200'])).stdout);
    expect(Object.keys(j)).toEqual([
      'scenario',
      'frontKm',
      'groups',
      'totals',
      'presences',
      'currency',
      'uncertainty',
      'warnings',
    ]);
  });

  it('usage errors exit 2 with a hint: unknown mission, bad numbers, rotation below 1, nothing to size', async () => {
    const runs = await Promise.all([
      cli(['forces', '--mission', 'deep-defense']),
      cli(['forces', '--mission', 'deep-defence', '--front-km', '-1250', '--rotation', '0.5']),
      cli(['forces', '--mission', 'deep-defence', '--years', 'two']),
      cli(['forces', '--mission', 'tripwire', '--pledge', 'GRB=100']),
      cli(['forces']),
      cli(['forces', 'some-scenario', '--mission', 'tripwire']),
    ]);
    expect(runs.map((r) => r.code)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(runs.map((r) => r.stderr).join('')).toMatchInlineSnapshot(`
      "--mission usage.unknown-mission no mission archetype 'deep-defense'
        hint: did you mean 'deep-defence'? (guarantor forces --list shows all)
      --front-km usage.forces-input --front-km: the front length (km) must be greater than 0 (got -1250)
        hint: give a positive number; see guarantor forces --list for sourced defaults
      --rotation usage.forces-input --rotation: the rotation factor must be at least 1 (each deployed unit needs at least itself) (got 0.5)
        hint: use 3 for 9-month tours with 18 months at home, 4 for 6-month tours
      --years usage.forces-number --years expects a number, got 'two'
        hint: e.g. --years 2
      --pledge usage.unknown-actor unknown actor 'GRB' in --pledge
        hint: did you mean 'SRB'?
      <input> usage.forces-args name a scenario, or pass --mission <archetype> or --list
        hint: e.g. guarantor forces --mission ceasefire-monitoring --front-km 1250 --rotation 3 --years 2
      <input> usage.forces-args give either a scenario or --mission, not both
        hint: guarantor forces <scenario> | guarantor forces --mission <archetype>
      "
    `);
    expect(runs.every((r) => r.stdout === '')).toBe(true);
  });

  it('an unknown scenario id suggests nothing silly and exits 2', async () => {
    const r = await cli(['forces', 'no-such-package']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no scenario 'no-such-package'");
  });
});
