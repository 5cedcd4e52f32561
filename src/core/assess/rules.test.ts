// every rule has a package that fires it and one that does not
import { describe, expect, it } from 'vitest';
import { instrument, ref, scenario } from '../../../test/support/scenario-builder.js';
import type { InstrumentInput } from '../schema/instrument.js';
import type { ScenarioInput } from '../schema/scenario.js';
import { assessScenario, RULES } from './assess.js';

type Case = { fires: Partial<ScenarioInput>; quiet: Partial<ScenarioInput> };
const one = (over: Partial<InstrumentInput>): Partial<ScenarioInput> => ({ instruments: [instrument(over)] });
const guarantee: Partial<InstrumentInput> = { obligations: ['defence'], strength: 'ground-combat' };
type ForceInput = NonNullable<NonNullable<InstrumentInput['depth']>['forces']>[number];
const force = (over: Partial<ForceInput>): Partial<InstrumentInput> => ({
  depth: {
    forces: [
      {
        actor: 'GBR',
        troops: 2000,
        mission: 'reassurance',
        location: 'rear',
        source: 'kuleba-2025',
        ...over,
      },
    ],
  },
});

const CASES: Record<string, Case> = {
  'commitment.no-guarantee': { fires: one({}), quiet: one(guarantee) },
  'commitment.guarantee': { fires: one(guarantee), quiet: one({}) },
  'commitment.discretionary-wording': {
    fires: one({ ...guarantee, automaticity: 'discretionary' }),
    quiet: one({ ...guarantee, automaticity: 'automatic' }),
  },
  'commitment.comprehensive-assistance': {
    fires: one({ obligations: ['supply-arms', 'training', 'intelligence'] }),
    quiet: one({ obligations: ['supply-arms'] }),
  },
  'timing.on-attack-only': {
    fires: one({ trigger: { timing: 'on-attack', domains: ['land'] } }),
    quiet: one({}),
  },
  'timing.standing-capability': {
    fires: one({ depth: { stockpiles: true } }),
    quiet: one({ trigger: { timing: 'on-attack', domains: ['land'] }, depth: { stockpiles: true } }),
  },
  'durability.political-only': {
    fires: one({ legal: { form: 'political-declaration', ratification: 'none', status: 'in-force' } }),
    quiet: one({}),
  },
  'durability.assurance-from-aggressor': {
    fires: one({
      guarantors: ['RUS'],
      obligations: ['non-aggression'],
      strength: 'none',
      legal: { form: 'memorandum', ratification: 'none', status: 'in-force' },
    }),
    quiet: one({ guarantors: ['RUS'], obligations: ['non-aggression'], strength: 'none' }),
  },
  'durability.short-exit': {
    fires: one({ duration: { years: 10, terminationNoticeMonths: 6 } }),
    quiet: one({ duration: { years: 10, terminationNoticeMonths: 24 } }),
  },
  'durability.ratification-hurdle': {
    fires: one({ legal: { form: 'treaty', ratification: 'required', status: 'draft' } }),
    quiet: one({}),
  },
  'durability.statute': {
    fires: one({ legal: { form: 'statute', ratification: 'not-required', status: 'in-force' } }),
    quiet: one({}),
  },
  'durability.term-shorter-than-horizon': {
    fires: one({ ...guarantee, duration: { years: 5 } }),
    quiet: one({ ...guarantee, duration: { years: 5, renewal: 'automatic' } }),
  },
  'durability.violated': {
    fires: one({ legal: { form: 'memorandum', ratification: 'none', status: 'violated' } }),
    quiet: one({}),
  },
  'credibility.weak-guarantor': {
    fires: one({ ...guarantee, guarantors: ['EST'] }),
    quiet: one({ ...guarantee, guarantors: ['USA'] }),
  },
  'credibility.nuclear-escalation': {
    fires: one({ ...guarantee, trigger: { timing: 'on-attack', domains: ['land'] } }),
    quiet: one({ ...guarantee, trigger: { timing: 'on-attack', domains: ['land'] }, ...force({}) }),
  },
  'credibility.tripwire': { fires: one(force({})), quiet: one(force({ troops: 20000, heavy: true })) },
  'credibility.heavy-forces': { fires: one(force({ troops: 20000, heavy: true })), quiet: one(force({})) },
  'credibility.declared-targets': { fires: one(force({})), quiet: one(force({ location: 'neighbour' })) },
  'credibility.data-missing': { fires: one({ ...guarantee, guarantors: ['FIN'] }), quiet: one(guarantee) },
  'veto.aggressor-holds-veto': {
    fires: one({ decision: { rule: 'unsc' } }),
    quiet: one({ decision: { rule: 'each-guarantor', vetoHolders: ['USA'] } }),
  },
  'veto.aggressor-as-guarantor': { fires: one({ guarantors: ['USA', 'RUS'] }), quiet: one({}) },
  'veto.unanimity': {
    fires: one({ guarantors: ['USA', 'GBR', 'EST'], decision: { rule: 'unanimity' } }),
    quiet: one({ guarantors: ['USA', 'GBR', 'EST'], decision: { rule: 'each-guarantor' } }),
  },
  'coverage.gaps': {
    fires: one({}),
    quiet: one({ trigger: { timing: 'standing', domains: ['land', 'air', 'sea', 'cyber'] } }),
  },
  'coverage.hybrid': { fires: one({}), quiet: one({ trigger: { timing: 'standing', domains: ['hybrid'] } }) },
  'coverage.full': {
    fires: one({ trigger: { timing: 'standing', domains: ['land', 'air', 'sea', 'cyber'] } }),
    quiet: one({}),
  },
  'self-reliance.army-cap': {
    fires: { constraints: { armyCap: { troops: 85000, source: 'kuleba-2025' } } },
    quiet: {},
  },
  'self-reliance.weapon-caps': {
    fires: { constraints: { missileRangeKm: { max: 40, source: 'kuleba-2025' } } },
    quiet: {},
  },
  'self-reliance.deep-strike': {
    fires: { constraints: { deepStrikeAllowed: { allowed: true, source: 'kuleba-2025' } } },
    quiet: {},
  },
  'self-reliance.no-army-support': {
    fires: one({ obligations: ['consult'], strength: 'consult' }),
    quiet: one({}),
  },
  'self-reliance.army-support': {
    fires: one({}),
    quiet: one({ obligations: ['consult'], strength: 'consult' }),
  },
  'acceptability.red-line': {
    fires: one({ decision: { rule: 'each-guarantor', vetoHolders: ['RUS'] } }),
    quiet: one({}),
  },
  'acceptability.stated-position': {
    fires: {
      positions: [{ party: 'RUS', stance: 'rejects', summary: 'Rejected.', source: 'alaska-analysis-2025' }],
    },
    quiet: {},
  },
  'feasibility.large-deployment': {
    fires: one(force({ troops: 70000 })),
    quiet: one(force({ troops: 5000 })),
  },
  'feasibility.front-line': {
    fires: one(force({ location: 'front' })),
    quiet: one(force({ location: 'rear' })),
  },
  'feasibility.production-queues': {
    fires: one({
      pledges: [
        { actor: 'USA', category: 'military', item: 'Patriot battery', quantity: 2, source: 'kuleba-2025' },
      ],
    }),
    quiet: one({
      pledges: [
        { actor: 'USA', category: 'military', item: '155 mm shells', quantity: 2, source: 'kuleba-2025' },
      ],
    }),
  },
  'feasibility.assumed-motivation-change': {
    fires: {
      context: {
        aggressorMotivation: { level: 'transformed', rationale: 'Regime change.', source: 'bondarev-2025' },
      },
    },
    quiet: {
      context: {
        aggressorMotivation: { level: 'baseline', rationale: 'No change.', source: 'bondarev-2025' },
      },
    },
  },
  'consistency.troop-ban-conflict': {
    fires: {
      ...one(force({})),
      constraints: { foreignTroopsBanned: { banned: true, source: 'kuleba-2025' } },
    },
    quiet: {
      ...one(force({ location: 'neighbour' })),
      constraints: { foreignTroopsBanned: { banned: true, source: 'kuleba-2025' } },
    },
  },
  'consistency.neutrality-vs-alliance': {
    fires: {
      ...one({ guarantors: ['NATO'], obligations: ['accession', 'defence'], strength: 'ground-combat' }),
      constraints: { neutrality: { required: true, source: 'kuleba-2025' } },
    },
    quiet: { constraints: { neutrality: { required: true, source: 'kuleba-2025' } } },
  },
  'consistency.protected-state-as-guarantor': {
    fires: one({ ...guarantee, guarantors: ['UKR'] }),
    quiet: one(guarantee),
  },
};

const ids = (over: Partial<ScenarioInput>) => assessScenario(scenario(over), ref).findings.map((f) => f.id);

describe('assessment rules', () => {
  it('every rule has a firing and a quiet case', () => {
    expect(Object.keys(CASES).sort()).toEqual(RULES.map((r) => r.id).sort());
  });
  for (const rule of RULES) {
    const c = CASES[rule.id];
    it(`${rule.id} fires on its case`, () => {
      expect(c).toBeDefined();
      expect(ids(c!.fires)).toContain(rule.id);
    });
    it(`${rule.id} stays quiet otherwise`, () => {
      expect(ids(c!.quiet)).not.toContain(rule.id);
    });
  }
  it('every finding cites at least one source and a known dimension', () => {
    for (const c of Object.values(CASES)) {
      for (const f of assessScenario(scenario(c.fires), ref).findings) {
        expect(f.sources.length).toBeGreaterThan(0);
        expect(f.rationale.length).toBeGreaterThan(20);
      }
    }
  });
});
