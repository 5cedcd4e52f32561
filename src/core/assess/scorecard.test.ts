// scorecard: weights, and monotonicity properties over randomly generated packages
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instrument, ref, scenario } from '../../../test/support/scenario-builder.js';
import type { InstrumentInput } from '../schema/instrument.js';
import { LegalForm, STRENGTHS } from '../schema/instrument.js';
import { assessScenario } from './assess.js';
import { DEFAULT_WEIGHTS, parseWeights } from './scorecard.js';
import type { Dimension } from './types.js';

const arbInstrument = fc.record({
  strength: fc.constantFrom(...STRENGTHS),
  automaticity: fc.constantFrom('automatic' as const, 'discretionary' as const),
  timing: fc.constantFrom('standing' as const, 'on-attack' as const),
  form: fc.constantFrom(...LegalForm.options),
  guarantors: fc.subarray(['USA', 'GBR', 'EST'], { minLength: 1 }),
  defence: fc.boolean(),
  domains: fc.subarray(['land', 'air', 'sea', 'cyber', 'hybrid'] as const, { minLength: 1 }),
  troops: fc.nat({ max: 120_000 }),
});

type Arb = typeof arbInstrument extends fc.Arbitrary<infer T> ? T : never;

function build(a: Arb, over: Partial<InstrumentInput> = {}): InstrumentInput {
  return instrument({
    strength: a.strength,
    automaticity: a.automaticity,
    obligations: a.defence ? ['defence', 'supply-arms'] : ['supply-arms'],
    guarantors: a.guarantors,
    trigger: { timing: a.timing, domains: [...a.domains] },
    legal: { form: a.form, ratification: a.form === 'treaty' ? 'ratified' : 'none', status: 'in-force' },
    depth: a.troops
      ? {
          forces: [
            {
              actor: a.guarantors[0]!,
              troops: a.troops,
              mission: 'reassurance',
              location: 'rear',
              source: 'kuleba-2025',
            },
          ],
        }
      : {},
    ...over,
  });
}

const score = (instr: InstrumentInput, dim: Dimension) =>
  assessScenario(scenario({ instruments: [instr] }), ref).scores.find((s) => s.dimension === dim)!.score;

describe('scorecard properties', () => {
  it('a ratified treaty never scores below the same commitment as a political declaration', () => {
    fc.assert(
      fc.property(arbInstrument, (a) => {
        const treaty = score(
          build(a, { legal: { form: 'treaty', ratification: 'ratified', status: 'in-force' } }),
          'durability',
        );
        const declaration = score(
          build(a, { legal: { form: 'political-declaration', ratification: 'none', status: 'in-force' } }),
          'durability',
        );
        expect(treaty).toBeGreaterThanOrEqual(declaration);
      }),
      { numRuns: 200, seed: 42 },
    );
  });

  it('giving the aggressor a veto never raises the veto or acceptability scores', () => {
    fc.assert(
      fc.property(arbInstrument, (a) => {
        const free = build(a);
        const vetoed = build(a, { decision: { rule: 'each-guarantor', vetoHolders: ['RUS'] } });
        expect(score(vetoed, 'veto')).toBeLessThanOrEqual(score(free, 'veto'));
        expect(score(vetoed, 'acceptability')).toBeLessThanOrEqual(score(free, 'acceptability'));
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('adding a stronger guarantor never lowers credibility', () => {
    fc.assert(
      fc.property(arbInstrument, (a) => {
        const weak = build({ ...a, guarantors: ['EST'] });
        const strong = build({ ...a, guarantors: ['EST', 'USA'] });
        expect(score(strong, 'credibility')).toBeGreaterThanOrEqual(score(weak, 'credibility'));
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it('more foreign troops never make a package more feasible', () => {
    fc.assert(
      fc.property(arbInstrument, fc.nat({ max: 50_000 }), (a, extra) => {
        expect(score(build({ ...a, troops: a.troops + extra }), 'feasibility')).toBeLessThanOrEqual(
          score(build(a), 'feasibility'),
        );
      }),
      { numRuns: 200, seed: 3 },
    );
  });

  it('scores stay within 0-100 and overall is the weighted mean', () => {
    fc.assert(
      fc.property(arbInstrument, (a) => {
        const r = assessScenario(scenario({ instruments: [build(a)] }), ref, {
          weights: { ...DEFAULT_WEIGHTS, veto: 3, timing: 0 },
        });
        for (const s of r.scores) {
          expect(s.score).toBeGreaterThanOrEqual(0);
          expect(s.score).toBeLessThanOrEqual(100);
        }
        const w = r.scores.reduce((n, s) => n + s.weight, 0);
        expect(r.overall).toBe(Math.round(r.scores.reduce((n, s) => n + s.score * s.weight, 0) / w));
      }),
      { numRuns: 100, seed: 5 },
    );
  });
});

describe('parseWeights', () => {
  it('overrides only the named dimensions', () => {
    const w = parseWeights('veto=2, commitment=0.5');
    expect(w.veto).toBe(2);
    expect(w.commitment).toBe(0.5);
    expect(w.timing).toBe(1);
  });
  it('rejects unknown names with a suggestion, negatives and all-zero', () => {
    expect(() => parseWeights('vetto=2')).toThrowErrorMatchingInlineSnapshot(
      `[GuarantorError: unknown dimension 'vetto' (did you mean 'veto'?); dimensions: commitment, timing, durability, credibility, veto, coverage, self-reliance, acceptability, feasibility]`,
    );
    expect(() => parseWeights('veto=-1')).toThrow(/>= 0/);
    expect(() => parseWeights('veto')).toThrow(/name=number/);
    const allZero = Object.keys(DEFAULT_WEIGHTS)
      .map((k) => `${k}=0`)
      .join(',');
    expect(() => parseWeights(allZero)).toThrow(/at least one weight/);
  });
});
