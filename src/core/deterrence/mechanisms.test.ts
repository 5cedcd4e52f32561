// the back-test's two added mechanisms (issue 7): extended nuclear deterrence (nuclear_umbrella_cost) and alignment
// with the aggressor (aggressor_ally_gain). Each moves P(no attack) in its documented direction when its input is
// present, is inert when it is absent, and keeps the model's monotonicity properties. Runs use common random numbers,
// so "inert" is exact equality and "moves" is a strict inequality between the same samples.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetActor } from '../../../test/support/scenario-builder.js';
import { loadPriors } from '../../node/deterrence-files.js';
import type { Actor } from '../schema/actor.js';
import type { InstrumentInput } from '../schema/instrument.js';
import { Scenario } from '../schema/scenario.js';
import { attribution } from './sensitivity.js';
import { setupDeterrence, simulate } from './simulate.js';

const priors = loadPriors();

const actor = budgetActor;

const actorsOf = (guarantorSpend: number, nuclear: boolean) =>
  new Map<string, Actor>([
    ['RUS', actor('RUS', 149, 'nuclear-weapon-state')],
    ['UKR', actor('UKR', 64.7)],
    ['GGG', actor('GGG', guarantorSpend, nuclear ? 'nuclear-weapon-state' : 'non-nuclear')],
  ]);

const instrument = (
  id: string,
  guarantors: string[],
  o: {
    strength?: InstrumentInput['strength'];
    form?: 'treaty' | 'political-declaration';
    veto?: boolean;
    obligations?: InstrumentInput['obligations'];
  } = {},
): InstrumentInput => ({
  id,
  title: id,
  guarantors,
  obligations:
    o.obligations ?? ((o.strength ?? 'ground-combat') === 'supply' ? ['supply-arms'] : ['defence']),
  strength: o.strength ?? 'ground-combat',
  automaticity: 'discretionary',
  trigger: { timing: 'on-attack', domains: ['land'] },
  legal: {
    form: o.form ?? 'treaty',
    ratification: (o.form ?? 'treaty') === 'treaty' ? 'ratified' : 'none',
    status: 'hypothetical',
  },
  duration: { years: null },
  decision: { rule: 'each-guarantor', vetoHolders: o.veto ? ['RUS'] : [] },
  sources: ['kuleba-2025'],
});

const scenarioOf = (instruments: InstrumentInput[]) =>
  Scenario.parse({
    id: 'mech',
    title: 'Mechanism test package',
    summary: 'generated',
    status: 'hypothetical',
    asOf: '2026-02',
    sources: ['kuleba-2025'],
    context: { protectedState: 'UKR', aggressor: 'RUS', horizonYears: 5 },
    instruments,
  });

async function pNoAttack(
  instruments: InstrumentInput[],
  sets: Record<string, string | number>,
  o: { nuclear?: boolean; spend?: number; seed?: number } = {},
) {
  const r = setupDeterrence(scenarioOf(instruments), actorsOf(o.spend ?? 300, o.nuclear ?? true), priors, {
    sets,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return (await simulate(r.value, { samples: 2000, seed: o.seed ?? 7 })).pNoAttack.mean;
}

// a difference this small could only come from rounding in a sum, never from the mechanism itself
const EPS = 1e-9;

describe('extended nuclear deterrence (nuclear_umbrella_cost)', () => {
  const defence = [instrument('defence', ['GGG'])];

  it('raises P(no attack) when a nuclear guarantor holds a combat commitment', async () => {
    const off = await pNoAttack(defence, { nuclear_umbrella_cost: 0 });
    const on = await pNoAttack(defence, { nuclear_umbrella_cost: 0.5 });
    expect(on).toBeGreaterThan(off + 0.005);
  });

  it('is inert without a nuclear guarantor, and for a nuclear guarantor that only supplies arms', async () => {
    const a = await pNoAttack(defence, { nuclear_umbrella_cost: 0 }, { nuclear: false });
    const b = await pNoAttack(defence, { nuclear_umbrella_cost: 0.5 }, { nuclear: false });
    expect(b).toBe(a);
    const supply = [instrument('arms', ['GGG'], { strength: 'supply' })];
    expect(await pNoAttack(supply, { nuclear_umbrella_cost: 0.5 })).toBe(
      await pNoAttack(supply, { nuclear_umbrella_cost: 0 }),
    );
  });

  it('is cut to nothing by an aggressor veto', async () => {
    const vetoed = [instrument('defence', ['GGG'], { veto: true })];
    expect(await pNoAttack(vetoed, { nuclear_umbrella_cost: 0.5 })).toBe(
      await pNoAttack(vetoed, { nuclear_umbrella_cost: 0 }),
    );
  });
});

describe('alignment with the aggressor (aggressor_ally_gain)', () => {
  // the aggressor itself promises to defend the protected state (e.g. the Collective Security Treaty for Belarus)
  const ally = instrument('alliance-with-aggressor', ['RUS'], { obligations: ['defence', 'non-aggression'] });
  const arms = instrument('arms', ['GGG'], { strength: 'supply' });

  it('raises P(no attack) when the aggressor is bound to defend the protected state', async () => {
    const neutral = await pNoAttack([ally, arms], { aggressor_ally_gain: 1 });
    const aligned = await pNoAttack([ally, arms], { aggressor_ally_gain: 0.3 });
    expect(aligned).toBeGreaterThan(neutral + 0.005);
  });

  it("is inert when the aggressor's only promise is non-aggression", async () => {
    const pact = instrument('pact', ['RUS'], { strength: 'none', obligations: ['non-aggression'] });
    expect(await pNoAttack([pact, arms], { aggressor_ally_gain: 0.3 })).toBe(
      await pNoAttack([pact, arms], { aggressor_ally_gain: 1 }),
    );
  });

  it('is attributed to the alliance instrument: ablating it removes the effect', async () => {
    const r = setupDeterrence(scenarioOf([ally, arms]), actorsOf(300, false), priors, {
      sets: { aggressor_ally_gain: 0.3 },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    const a = await attribution(r.value, { samples: 2000, seed: 3 });
    const row = a.instruments.find((x) => x.id === 'alliance-with-aggressor')!;
    expect(row.ablation).toBeGreaterThan(0.005);
  });
});

describe('monotonicity holds with the new mechanisms active (fast-check, common random numbers)', () => {
  const knobs = fc.record({
    strength: fc.constantFrom('air-naval' as const, 'ground-combat' as const),
    form: fc.constantFrom('treaty' as const, 'political-declaration' as const),
    aligned: fc.boolean(),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
  });
  const pkg = (k: { strength: 'air-naval' | 'ground-combat'; aligned: boolean }, extra = {}) => [
    instrument('defence', ['GGG'], { strength: k.strength, ...extra }),
    ...(k.aligned ? [instrument('ally', ['RUS'], { obligations: ['defence'] })] : []),
  ];

  it('more capability of a nuclear guarantor never lowers P(no attack)', async () => {
    await fc.assert(
      fc.asyncProperty(knobs, fc.double({ min: 1, max: 20, noNaN: true }), async (k, f) => {
        const inst = pkg(k, { form: k.form });
        const lo = await pNoAttack(inst, {}, { spend: 100, seed: k.seed });
        const hi = await pNoAttack(inst, {}, { spend: 100 * f, seed: k.seed });
        expect(hi).toBeGreaterThanOrEqual(lo - EPS);
      }),
      { numRuns: 15 },
    );
  });

  it("an aggressor's veto never raises it, and a treaty never scores below a declaration", async () => {
    await fc.assert(
      fc.asyncProperty(knobs, async (k) => {
        const free = await pNoAttack(pkg(k, { form: k.form }), {}, { seed: k.seed });
        const vetoed = await pNoAttack(pkg(k, { form: k.form, veto: true }), {}, { seed: k.seed });
        expect(vetoed).toBeLessThanOrEqual(free + EPS);
        const decl = await pNoAttack(pkg(k, { form: 'political-declaration' }), {}, { seed: k.seed });
        const treaty = await pNoAttack(pkg(k, { form: 'treaty' }), {}, { seed: k.seed });
        expect(treaty).toBeGreaterThanOrEqual(decl - EPS);
      }),
      { numRuns: 15 },
    );
  });
});
