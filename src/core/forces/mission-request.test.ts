// bad inputs: zero, negative, rotation below 1, readiness above 1, fractions of formations, unknown names
import { describe, expect, it } from 'vitest';
import { loadForcesData } from '../../node/forces-files.js';
import { type Diagnostic, formatDiagnostic, GuarantorError } from '../errors.js';
import { checkOverrides, resolveMissionId } from './mission-request.js';
import { sizeMission } from './size-mission.js';

const data = loadForcesData();

function failure(f: () => unknown): { code: string; text: string } {
  try {
    f();
  } catch (e) {
    if (e instanceof GuarantorError)
      return { code: e.code, text: e.diagnostics.map((d: Diagnostic) => formatDiagnostic(d)).join('\n') };
    throw e;
  }
  throw new Error('expected a GuarantorError');
}

describe('forces input checks', () => {
  it('rejects zero and negative values, naming each field', () => {
    const r = failure(() => checkOverrides({ frontKm: 0, troops: -5, costPerTroopYear: -1 }));
    expect(r.code).toBe('usage.forces-input');
    expect(r.text).toMatchInlineSnapshot(`
      "frontKm usage.forces-input frontKm: the front length (km) must be greater than 0 (got 0)
        hint: give a positive number; see guarantor forces --list for sourced defaults
      troops usage.forces-input troops: the deployed troop count must be greater than 0 (got -5)
        hint: give a positive number; see guarantor forces --list for sourced defaults
      costPerTroopYear usage.forces-input costPerTroopYear: the cost per troop-year must be greater than 0 (got -1)
        hint: give a positive number; see guarantor forces --list for sourced defaults"
    `);
  });

  it('rejects a rotation below 1, readiness above 1 and fractional formations', () => {
    const r = failure(() => checkOverrides({ rotation: 0.5, readiness: 1.2, formations: 1.5 }));
    expect(r.text).toMatchInlineSnapshot(`
      "formations usage.forces-input formations: the number of formations is a whole number (got 1.5)
        hint: a whole number of brigades, divisions or corps, e.g. 2
      rotation usage.forces-input rotation: the rotation factor must be at least 1 (each deployed unit needs at least itself) (got 0.5)
        hint: use 3 for 9-month tours with 18 months at home, 4 for 6-month tours
      readiness usage.forces-input readiness: readiness is the deployable share of the pool, at most 1 (got 1.2)
        hint: a share such as 0.9 (90% of the pool can deploy)"
    `);
  });

  it('a rotation of exactly 1 is allowed (no relief: the same troops stay)', () => {
    expect(checkOverrides({ rotation: 1 })).toEqual({ rotation: 1 });
  });

  it('rejects non-numbers and unknown inputs with a did-you-mean', () => {
    const r = failure(() => checkOverrides({ frontkm: 100, years: 'ten' } as Record<string, unknown>));
    expect(r.text).toMatchInlineSnapshot(`
      "years usage.forces-input years: expected a number, got "ten"
        hint: give a positive number; see guarantor forces --list for sourced defaults
      frontkm usage.forces-unknown-input unknown input 'frontkm'
        hint: did you mean 'frontKm'?"
    `);
  });

  it('names fields with the caller’s labels (the CLI passes its flags)', () => {
    const r = failure(() => checkOverrides({ rotation: 0 }, (k) => `--${k}`));
    expect(r.text.split('\n')[0]).toBe(
      '--rotation usage.forces-input --rotation: the rotation factor must be at least 1 (each deployed unit needs at least itself) (got 0)',
    );
  });

  it('an unknown mission suggests the closest archetype', () => {
    const r = failure(() => resolveMissionId('ceasefire-monitorng', data.archetypes.keys()));
    expect(r.code).toBe('usage.unknown-mission');
    expect(r.text).toMatchInlineSnapshot(`
      "mission usage.unknown-mission no mission archetype 'ceasefire-monitorng'
        hint: did you mean 'ceasefire-monitoring'? (guarantor forces --list shows all)"
    `);
    expect(failure(() => sizeMission({ mission: 'division' }, data)).text).toContain(
      "did you mean 'reassurance-division'?",
    );
    expect(failure(() => sizeMission({ mission: 'zzz' }, data)).text).toContain(
      'known: ceasefire-monitoring, reassurance-brigade',
    );
  });
});
