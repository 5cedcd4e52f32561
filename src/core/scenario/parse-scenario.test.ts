// the loader: good files pass, every kind of bad file gets a located, readable error
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../errors.js';
import { parseScenarioText } from './parse-scenario.js';

const known = {
  actors: new Set(['UKR', 'RUS', 'USA', 'GBR']),
  sources: new Set(['kuleba-2025', 'pifer-2022']),
};
const minimal = readFileSync(
  new URL('../../../test/fixtures/scenarios/minimal.yaml', import.meta.url),
  'utf8',
);

function errors(text: string): string {
  const r = parseScenarioText(text, 'pkg.yaml', known);
  if (r.ok) return 'OK';
  return r.diagnostics.map(formatDiagnostic).join('\n');
}

describe('parseScenarioText', () => {
  it('accepts the minimal fixture and fills defaults', () => {
    const r = parseScenarioText(minimal, 'pkg.yaml', known);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.context).toEqual({ protectedState: 'UKR', aggressor: 'RUS', horizonYears: 10 });
    expect(r.value.instruments[0]!.depth.forces).toEqual([]);
    expect(r.value.instruments[0]!.trigger.threshold).toBe('armed-attack');
  });

  it('malformed YAML', () => {
    expect(errors(minimal.replace('title: Defence pledge', 'title: [Defence pledge'))).toMatchInlineSnapshot(`
      "pkg.yaml:10:5 yaml.bad-indent Flow sequence in block collection must be sufficiently indented and end with a ]
        hint: check indentation and quoting near this position"
    `);
  });

  it('unknown field with did-you-mean', () => {
    expect(errors(minimal.replace('guarantors:', 'guarantor:'))).toMatchInlineSnapshot(`
      "pkg.yaml:8:5 schema.missing missing required field 'guarantors' (expected array) (at instruments.0.guarantors)
        hint: add the field
      pkg.yaml:10:5 schema.unknown-key unknown field 'guarantor' (at instruments.0.guarantor)
        hint: did you mean 'guarantors'?"
    `);
  });

  it('wrong type', () => {
    expect(
      errors(minimal.replace('duration: { years: 10 }', 'duration: { years: ten }')),
    ).toMatchInlineSnapshot(
      `"pkg.yaml:18:24 schema.type expected number for 'years', got 'ten' (at instruments.0.duration.years)"`,
    );
  });

  it('negative troop numbers', () => {
    const text = minimal.replace(
      '    sources: [pifer-2022]',
      '    depth:\n      forces:\n        - { actor: GBR, troops: -500, mission: tripwire, location: rear, source: pifer-2022 }\n    sources: [pifer-2022]',
    );
    expect(errors(text)).toMatchInlineSnapshot(
      `"pkg.yaml:22:33 schema.range 'troops': troop numbers cannot be negative; got -500 (at instruments.0.depth.forces.0.troops)"`,
    );
  });

  it('enum typo with suggestion', () => {
    expect(
      errors(minimal.replace('strength: ground-combat', 'strength: ground-combt')),
    ).toMatchInlineSnapshot(`
      "pkg.yaml:12:15 schema.enum 'strength' must be one of 'none', 'consult', 'coordinate', 'supply', 'air-naval', 'ground-combat'; got 'ground-combt' (at instruments.0.strength)
        hint: did you mean 'ground-combat'?"
    `);
  });

  it('unknown actor and source ids', () => {
    const text = minimal.replace('[USA]', '[USB]').replace('[pifer-2022]', '[pifer-2023]');
    expect(errors(text)).toMatchInlineSnapshot(`
      "pkg.yaml:10:18 ref.unknown-actor unknown actor id 'USB' (at instruments.0.guarantors.0)
        hint: did you mean 'USA'?
      pkg.yaml:20:15 ref.unknown-source unknown source id 'pifer-2023' (at instruments.0.sources.0)
        hint: did you mean 'pifer-2022'?"
    `);
  });

  it('duplicate instrument ids', () => {
    const body = minimal.slice(minimal.indexOf('  - id: pledge'));
    expect(errors(minimal + body)).toMatchInlineSnapshot(`
      "pkg.yaml:21:9 ref.duplicate-id duplicate instrument id 'pledge' (first defined at line 8) (at instruments.1.id)
        hint: give each instrument a unique id"
    `);
  });

  it('duplicate keys', () => {
    expect(errors(minimal.replace('status: hypothetical', 'status: hypothetical\nstatus: draft'))).toContain(
      'yaml.duplicate-key',
    );
  });

  it('impossible dates', () => {
    expect(errors(minimal.replace('asOf: 2025-09-04', 'asOf: 2025-02-30'))).toMatchInlineSnapshot(
      `"pkg.yaml:5:7 schema.format 'asOf': not a real calendar date; got '2025-02-30' (at asOf)"`,
    );
  });

  it('empty, binary and oversized input', () => {
    expect(errors('')).toMatchInlineSnapshot(`
      "pkg.yaml:1:1 yaml.empty file is empty
        hint: start from a catalog scenario: guarantor show <id> --yaml"
    `);
    expect(errors('id: x\u0000\u0001')).toContain('yaml.binary');
    expect(errors(`notes: "${'x'.repeat(3 * 1024 * 1024)}"`)).toContain('yaml.too-large');
  });

  it('a list instead of a mapping', () => {
    expect(errors('- a\n- b\n')).toContain('a scenario is a mapping');
  });
});
