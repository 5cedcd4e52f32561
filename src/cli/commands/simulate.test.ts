// simulate, stress, sensitivity and compare's simulated columns, in-process with a fake io
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../../test/support/fake-io.js';

const tmp = mkdtempSync(join(tmpdir(), 'guarantor-sim-'));
// a scenario of our own, so the snapshots do not move when the catalog is re-coded
const fixture = join(tmp, 'deterrence-fixture.yaml');
writeFileSync(
  fixture,
  `id: deterrence-fixture
title: Fixture for the deterrence commands
summary: A ratified US defence treaty with a heavy brigade in Ukraine, and British arms supply with a dated pledge.
status: hypothetical
asOf: 2026-02
sources: [kuleba-2025]
context: { horizonYears: 5 }
instruments:
  - id: us-treaty
    title: US defence treaty
    guarantors: [USA]
    obligations: [defence]
    strength: ground-combat
    automaticity: automatic
    trigger: { timing: on-attack, domains: [land, air] }
    legal: { form: treaty, ratification: ratified, status: hypothetical }
    duration: { years: null }
    decision: { rule: each-guarantor }
    depth:
      forces:
        - { actor: USA, troops: 5000, mission: combat, location: rear, heavy: true, source: kuleba-2025 }
    sources: [pifer-2022]
  - id: uk-arms
    title: British arms supply
    guarantors: [GBR]
    obligations: [supply-arms]
    strength: supply
    automaticity: discretionary
    trigger: { timing: standing, domains: [land] }
    legal: { form: political-declaration, ratification: none, status: hypothetical }
    duration: { years: 3, renewal: by-agreement }
    decision: { rule: each-guarantor }
    pledges:
      - { actor: GBR, category: military, money: { amount: 3, currency: GBP, scale: billion }, period: { from: 2026-03, to: 2027-02 }, source: kuleba-2025 }
    sources: [kuleba-2025]
stress:
  - name: us-election
    shocks: [{ type: government-change, actor: USA, year: 1 }]
  - name: arms-late
    shocks: [{ type: delivery-slip, months: 12 }]
`,
);

describe('guarantor simulate', () => {
  it('--json: stable field names, fixed seed, progress on stderr only', async () => {
    const r = await cli([
      'simulate',
      fixture,
      '--samples',
      '3000',
      '--seed',
      '7',
      '--threads',
      '1',
      '--horizon',
      '5',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatchInlineSnapshot(`
      "simulate: 100% (3000/3000 samples)
      "
    `);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toMatchInlineSnapshot(`
      [
        "scenario",
        "horizonYears",
        "samples",
        "seed",
        "shocks",
        "pNoAttack",
        "pAttack",
        "pSuccessGivenAttack",
        "survival",
        "costs",
        "guarantors",
        "priorSet",
        "assumptions",
        "warnings",
      ]
    `);
    expect({
      pNoAttack: j.pNoAttack,
      pSuccessGivenAttack: j.pSuccessGivenAttack,
      survival: j.survival,
      costs: j.costs[0],
      guarantors: j.guarantors,
    }).toMatchInlineSnapshot(`
      {
        "costs": {
          "guarantorsAidEurBn": 4.374824,
          "guarantorsForcesUsdBn": 0.89475,
          "ukraineDefenceUsdBn": 64.7,
          "year": 1,
        },
        "guarantors": [
          {
            "honourProbabilityYear1": 0.487852,
            "id": "USA",
          },
          {
            "honourProbabilityYear1": 0,
            "id": "GBR",
          },
        ],
        "pNoAttack": {
          "mean": 0.866514,
          "p25": 0.800439,
          "p5": 0.693694,
          "p50": 0.881529,
          "p75": 0.943582,
          "p95": 0.987324,
          "standardError": 0.001697,
        },
        "pSuccessGivenAttack": {
          "p5": 0.007205,
          "p50": 0.196369,
          "p95": 0.765862,
          "pooled": 0.357103,
        },
        "survival": [
          {
            "mean": 0.974127,
            "p5": 0.932387,
            "p95": 0.998301,
            "year": 1,
          },
          {
            "mean": 0.945881,
            "p5": 0.865128,
            "p95": 0.995881,
            "year": 2,
          },
          {
            "mean": 0.918009,
            "p5": 0.803739,
            "p95": 0.993118,
            "year": 3,
          },
          {
            "mean": 0.891448,
            "p5": 0.746777,
            "p95": 0.990276,
            "year": 4,
          },
          {
            "mean": 0.866514,
            "p5": 0.693694,
            "p95": 0.987324,
            "year": 5,
          },
        ],
      }
    `);
  });

  it('the same seed gives the same output on 1 and 2 threads', async () => {
    const args = [
      'simulate',
      's15-allied-enablers',
      '--samples',
      '70000',
      '--seed',
      '3',
      '--json',
      '--no-progress',
    ];
    const one = await cli([...args, '--threads', '1']);
    const two = await cli([...args, '--threads', '2']);
    expect(two.stdout).toBe(one.stdout);
  });

  it('--set overrides an input and is listed; --shock applies shocks', async () => {
    const r = await cli([
      'simulate',
      fixture,
      '--samples',
      '2000',
      '--horizon',
      '3',
      '--set',
      'honour_base=0.9',
      '--shock',
      'guarantor-withdraws:USA@1',
      '--no-progress',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatchInlineSnapshot(`
      "deterrence-fixture: Fixture for the deterrence commands
      3-year horizon, 2,000 samples, seed 1

      P(no renewed major attack within 3 years)  0.877  (s.e. 0.0009; 90% of parameter draws 0.813 to 0.936)
      P(attack succeeds | attack)                  0.452  (90% of parameter draws 0.089 to 0.768)

      year  P(no attack)     p5    p95  forces USD bn  aid EUR bn  Ukraine USD bn
      ----  ------------  -----  -----  -------------  ----------  --------------
         1         0.990  0.963  1.000            0.9         4.4            64.7
         2         0.932  0.891  0.967              0         2.1            66.6
         3         0.877  0.813  0.936              0         1.5            68.6

      Chance each guarantor fights if attacked in year 1: USA 0.90

      Calibrated defaults (historical back-test, docs/validation.md; --priors literature runs without them):
        war_cost = 0.075 to 0.225 (literature prior 0.3 to 0.9)
        max_attack_hazard = pert(0.027, 0.063, 0.117) (literature prior pert(0.15, 0.35, 0.65))

      Inputs changed from the priors:
        honour_base = 0.9 (--set)

      Costs are expected values per year: foreign troop-, aircraft- and ship-years (USD bn), military aid delivered (EUR bn), Ukraine's defence budget (USD bn). The model and its sources: docs/model.md.
      "
    `);
  });

  it('bad flags exit 2 with a clear message', async () => {
    const runs = await Promise.all([
      cli(['simulate', fixture, '--horizon', '0']),
      cli(['simulate', fixture, '--horizon', '10000']),
      cli(['simulate', fixture, '--samples', '10^12']),
      cli(['simulate', fixture, '--samples', 'lots']),
      cli(['simulate', fixture, '--set', 'honor_base=0.5']),
      cli(['simulate', fixture, '--set', 'war_cost=normal(0.5, -1)']),
      cli(['simulate', fixture, '--set', 'honour_base']),
      cli(['simulate', fixture, '--shock', 'delivery-slip:soon']),
      cli(['simulate', fixture, '--shock', 'government-change:USA']),
      cli(['simulate', fixture, '--shock', 'government-change:FRA@2']),
      cli(['simulate', fixture, '--threads', '0']),
    ]);
    expect(runs.map((r) => r.code)).toEqual(Array(runs.length).fill(2));
    expect(runs.map((r) => r.stderr).join('')).toMatchInlineSnapshot(`
      "--horizon usage.horizon the horizon must be a whole number of years from 1 to 100, got 0
        hint: e.g. --horizon 10; beyond a few decades the priors say nothing useful
      --horizon usage.horizon the horizon must be a whole number of years from 1 to 100, got 10000
        hint: e.g. --horizon 10; beyond a few decades the priors say nothing useful
      --samples usage.samples --samples must be from 1 to 1e+9, got 1.00e+12
        hint: a million samples already pin P(no attack) to about 0.0005; try --samples 100000
      --samples usage.samples --samples expects a whole number, got 'lots'
        hint: e.g. --samples 10000
      --set.honor_base usage.unknown-input --set names unknown model input 'honor_base'
        hint: did you mean 'honour_base'?
      --set.war_cost usage.spec.param sd must be >= 0, got -1
        hint: a standard deviation cannot be negative
      --set usage.set --set expects name=<spec>, got 'honour_base'
        hint: e.g. --set honour_base='0.3 to 0.6' --set war_cost=0.5
      --shock usage.shock --shock 'delivery-slip:soon': delivery-slip needs a number of months, e.g. delivery-slip:12
        hint: forms: government-change:ACTOR@YEAR, guarantor-withdraws:ACTOR@YEAR, veto-used:ACTOR, nuclear-threat[:moderate|severe][@YEAR], delivery-slip:MONTHS[:ACTOR]
      --shock usage.shock --shock 'government-change:USA': government-change needs a year after @, e.g. government-change:USA@2
        hint: forms: government-change:ACTOR@YEAR, guarantor-withdraws:ACTOR@YEAR, veto-used:ACTOR, nuclear-threat[:moderate|severe][@YEAR], delivery-slip:MONTHS[:ACTOR]
      --shock.0.actor usage.shock-actor shock 1 (government-change) names 'FRA', which is not a guarantor (or a member of one) in deterrence-fixture
        hint: choose one of: GBR, USA
      error usage.threads: threads must be an integer from 1 to 256, got 0
      "
    `);
  });

  it('a scenario file with bad assumptions or stress tests exits 1 with file:line:col', async () => {
    const file = join(tmp, 'bad.yaml');
    writeFileSync(
      file,
      [
        'id: bad',
        'title: Bad',
        'summary: x',
        'status: draft',
        'asOf: 2025-01-01',
        'sources: [kuleba-2025]',
        'assumptions:',
        '  honor_base: 0.5',
        '  war_cost: 0.4',
        'instruments:',
        '  - id: pledge',
        '    title: Pledge',
        '    guarantors: [USA]',
        '    obligations: [defence]',
        '    strength: ground-combat',
        '    automaticity: automatic',
        '    trigger: { timing: on-attack, domains: [land] }',
        '    legal: { form: treaty, ratification: ratified, status: hypothetical }',
        '    duration: { years: null }',
        '    decision: { rule: each-guarantor }',
        '    sources: [kuleba-2025]',
        'stress:',
        '  - name: wrong-actor',
        '    shocks:',
        '      - { type: guarantor-withdraws, actor: GBR, year: 1 }',
        '',
      ].join('\n'),
    );
    const a = await cli(['simulate', file]);
    expect(a.code).toBe(1);
    expect(a.stderr.replaceAll(tmp, '<tmp>')).toMatchInlineSnapshot(`
      "<tmp>/bad.yaml:8:3 assumption.unknown unknown model input 'honor_base' in assumptions (at assumptions.honor_base)
        hint: did you mean 'honour_base'? (guarantor simulate --list-inputs shows all)
      "
    `);
    writeFileSync(
      file,
      (await import('node:fs')).readFileSync(file, 'utf8').replace('  honor_base: 0.5\n', ''),
    );
    const b = await cli(['stress', file]);
    expect(b.code).toBe(1);
    expect(b.stderr.replaceAll(tmp, '<tmp>')).toMatchInlineSnapshot(`
      "<tmp>/bad.yaml:24:45 shock.unknown-actor shock 1 (guarantor-withdraws) names 'GBR', which is not a guarantor (or a member of one) in bad (at stress.0.shocks.0.actor)
        hint: choose one of: USA
      "
    `);
  });

  it('--list-inputs names every model input with its sources', async () => {
    const r = await cli(['simulate', fixture, '--list-inputs', '--json']);
    const rows = JSON.parse(r.stdout) as { name: string; sources: string[] }[];
    expect(rows.length).toBeGreaterThan(40);
    expect(rows.every((x) => x.sources.length > 0)).toBe(true);
  });
});

describe('guarantor stress and sensitivity', () => {
  it('stress: declared tests and --shock side by side with the baseline', async () => {
    const r = await cli([
      'stress',
      fixture,
      '--samples',
      '4000',
      '--seed',
      '2',
      '--shock',
      'delivery-slip:24',
      '--no-progress',
      '--markdown',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatchInlineSnapshot(`
      "deterrence-fixture: stress tests
      5-year horizon, 4,000 samples, seed 2, common random numbers

      | test | P(no attack 5y) | change | P(success\\|attack) | change | shocks |
      |---|---:|---:|---:|---:|---|
      | baseline | 0.867 |  | 0.357 |  | none |
      | us-election | 0.836 | -0.031 | 0.386 | +0.029 | government-change USA in year 1 |
      | arms-late | 0.867 | -0.001 | 0.358 | +0.001 | delivery-slip 12 months |
      | command-line | 0.866 | -0.001 | 0.359 | +0.002 | delivery-slip 24 months |
      "
    `);
  });

  it('sensitivity --json: tornado and attribution', async () => {
    const r = await cli([
      'sensitivity',
      fixture,
      '--samples',
      '1500',
      '--seed',
      '1',
      '--horizon',
      '5',
      '--json',
      '--no-progress',
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j.tornado)).toMatchInlineSnapshot(`
      [
        "samples",
        "seed",
        "baseline",
        "bars",
      ]
    `);
    expect(j.tornado.bars.slice(0, 3)).toMatchInlineSnapshot(`
      [
        {
          "atHigh": 0.923815,
          "atLow": 0.792187,
          "group": "battle",
          "high": 2.71128,
          "low": 1.327786,
          "name": "success_ratio_50",
          "swing": 0.131628,
        },
        {
          "atHigh": 0.906513,
          "atLow": 0.819956,
          "group": "intervention",
          "high": 0.15617,
          "low": 0.046981,
          "name": "guarantor_commit_share",
          "swing": 0.086557,
        },
        {
          "atHigh": 0.820274,
          "atLow": 0.906023,
          "group": "choice",
          "high": 0.08909,
          "low": 0.043976,
          "name": "max_attack_hazard",
          "swing": 0.085749,
        },
      ]
    `);
    expect(j.attribution).toMatchInlineSnapshot(`
      {
        "all": 0.862954,
        "instruments": [
          {
            "ablation": 0.121346,
            "alone": 0.121016,
            "id": "us-treaty",
            "shapley": 0.121181,
            "title": "US defence treaty",
          },
          {
            "ablation": 0.000911,
            "alone": 0.000581,
            "id": "uk-arms",
            "shapley": 0.000746,
            "title": "British arms supply",
          },
        ],
        "method": "ablation, stand-alone and exact Shapley values over all 2^n instrument subsets, on common random numbers",
        "none": 0.741027,
        "samples": 1500,
        "seed": 1,
        "shapleySamples": 1500,
      }
    `);
  });
});

describe('compare: simulated columns', () => {
  it('adds P(no attack) and P(success | attack) unless --no-simulate', async () => {
    const r = await cli(['compare', 's01-nato-article-5', 's03-budapest-memorandum', '--json']);
    const rows = JSON.parse(r.stdout) as { id: string; simulated?: unknown }[];
    expect(rows.map((x) => [x.id, x.simulated])).toMatchInlineSnapshot(`
      [
        [
          "s01-nato-article-5",
          {
            "horizonYears": 20,
            "pNoAttack": 0.519,
            "pSuccessGivenAttack": 0.345,
            "samples": 10000,
            "seed": 1,
          },
        ],
        [
          "s03-budapest-memorandum",
          {
            "horizonYears": 20,
            "pNoAttack": 0.358,
            "pSuccessGivenAttack": 0.401,
            "samples": 10000,
            "seed": 1,
          },
        ],
      ]
    `);
    const skip = await cli(['compare', 's01-nato-article-5', '--json', '--no-simulate']);
    expect(JSON.parse(skip.stdout)[0].simulated).toBeUndefined();
  });
});
