// small, self-contained scenarios and reference data for rule and scorecard tests

import type { Actor } from '../../src/core/schema/actor.js';
import type { InstrumentInput } from '../../src/core/schema/instrument.js';
import { type Party, PartyFile } from '../../src/core/schema/party.js';
import { Scenario, type ScenarioInput } from '../../src/core/schema/scenario.js';

const spend = (value: number) => ({
  value,
  unit: 'USD bn',
  year: 2024,
  source: 'fixture',
  evidence: 'verified' as const,
});

export const testActors: ReadonlyMap<string, Actor> = new Map(
  (
    [
      {
        id: 'UKR',
        name: 'Ukraine',
        kind: 'state',
        members: [],
        nuclear: 'non-nuclear',
        activeForces: { ...spend(800_000), unit: 'personnel' },
      },
      {
        id: 'RUS',
        name: 'Russia',
        kind: 'state',
        members: [],
        nuclear: 'nuclear-weapon-state',
        defenceSpending: spend(150),
      },
      {
        id: 'USA',
        name: 'United States',
        kind: 'state',
        members: [],
        nuclear: 'nuclear-weapon-state',
        defenceSpending: spend(1000),
      },
      {
        id: 'GBR',
        name: 'United Kingdom',
        kind: 'state',
        members: [],
        nuclear: 'nuclear-weapon-state',
        defenceSpending: spend(80),
      },
      {
        id: 'EST',
        name: 'Estonia',
        kind: 'state',
        members: [],
        nuclear: 'umbrella',
        defenceSpending: spend(1.5),
      },
      { id: 'FIN', name: 'Finland', kind: 'state', members: [], nuclear: 'umbrella' },
      { id: 'NATO', name: 'NATO', kind: 'organisation', members: ['USA', 'GBR', 'EST'], nuclear: 'mixed' },
      {
        id: 'UNSC',
        name: 'UN Security Council',
        kind: 'organisation',
        members: ['USA', 'GBR', 'RUS'],
        nuclear: 'mixed',
      },
    ] satisfies Actor[]
  ).map((a) => [a.id, a]),
);

export const testParties: Party[] = PartyFile.parse({
  parties: [
    {
      id: 'UKR',
      name: 'Ukraine',
      redLines: [
        {
          id: 'no-russian-veto',
          predicate: 'aggressor-veto',
          kind: 'red-line',
          summary: 'No Russian veto.',
          source: 'kuleba-2025',
        },
        {
          id: 'caps',
          predicate: 'weapon-or-range-caps',
          kind: 'concern',
          summary: 'Avoid caps.',
          source: 'pifer-2022',
        },
      ],
    },
    {
      id: 'RUS',
      name: 'Russia',
      redLines: [
        {
          id: 'no-troops',
          predicate: 'foreign-troops-in-country',
          kind: 'red-line',
          summary: 'No troops.',
          source: 'alaska-analysis-2025',
        },
      ],
    },
  ],
}).parties;

/** a state with only a defence budget and a nuclear status: what the deterrence model reads */
export const budgetActor = (
  id: string,
  spendUsdBn: number,
  nuclear: Actor['nuclear'] = 'non-nuclear',
): Actor => ({
  id,
  name: id,
  kind: 'state',
  members: [],
  nuclear,
  defenceSpending: {
    value: spendUsdBn,
    unit: 'USD bn',
    year: 2024,
    source: 'sipri-milex-2025',
    evidence: 'secondary',
  },
});

export function instrument(over: Partial<InstrumentInput> = {}): InstrumentInput {
  return {
    id: 'i1',
    title: 'Instrument one',
    guarantors: ['USA'],
    obligations: ['supply-arms'],
    strength: 'supply',
    automaticity: 'automatic',
    trigger: { timing: 'standing', domains: ['land'] },
    legal: { form: 'treaty', ratification: 'ratified', status: 'in-force' },
    duration: { years: null },
    decision: { rule: 'each-guarantor' },
    sources: ['kuleba-2025'],
    ...over,
  };
}

export function scenario(over: Partial<ScenarioInput> = {}): Scenario {
  return Scenario.parse({
    id: 'test',
    title: 'Test package',
    summary: 'A package built for a test.',
    status: 'hypothetical',
    asOf: '2025-01-01',
    sources: ['kuleba-2025'],
    instruments: [instrument()],
    ...over,
  });
}

export const ref = { actors: testActors, parties: testParties };
