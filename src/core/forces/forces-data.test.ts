// the forces data files: the shipped ones pass every check; broken ones fail with file:line:col and a fix
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../node/catalog-files.js';
import { FORCES_FILES } from '../../node/forces-files.js';
import { dataDir } from '../../node/paths.js';
import { knownIds } from '../catalog/catalog.js';
import { formatDiagnostic } from '../errors.js';
import { type ForcesDataFiles, parseForcesData } from './forces-data.js';
import { missionDensities } from './reference-mission.js';

const known = knownIds(loadCatalog().catalog);
const shipped = Object.fromEntries(
  Object.entries(FORCES_FILES).map(([k, name]) => [
    k,
    { file: `data/forces/${name}`, text: readFileSync(join(dataDir, 'forces', name), 'utf8') },
  ]),
) as unknown as ForcesDataFiles;

function withFile(key: keyof ForcesDataFiles, text: string): ForcesDataFiles {
  return { ...shipped, [key]: { file: shipped[key].file, text } };
}
const problems = (files: ForcesDataFiles) => {
  const r = parseForcesData(files, known);
  return r.ok ? [] : r.diagnostics.map(formatDiagnostic);
};

describe('forces data', () => {
  it('the shipped files are valid and every source and actor id resolves', () => {
    expect(problems(shipped)).toEqual([]);
  });

  it('every scenario force mission maps to exactly one archetype', () => {
    const r = parseForcesData(shipped, known);
    if (!r.ok) throw new Error('shipped data invalid');
    const mapped = [...r.data.archetypes.values()].flatMap((a) => a.presenceMissions).sort();
    expect(mapped).toEqual(
      [
        'air-defence',
        'air-policing',
        'combat',
        'deep-defence',
        'maritime',
        'monitoring',
        'reassurance',
        'training',
        'tripwire',
      ].sort(),
    );
  });

  it('archetype densities agree with the reference missions they cite (within 5%)', () => {
    const r = parseForcesData(shipped, known);
    if (!r.ok) throw new Error('shipped data invalid');
    const perKm = (id: string) => missionDensities(r.data.referenceMissions.find((m) => m.id === id)!).perKm!;
    expect(
      r.data.archetypes.get('ceasefire-monitoring')!.density!.central.value / perKm('unficyp'),
    ).toBeCloseTo(1, 1);
    expect(r.data.archetypes.get('ceasefire-monitoring')!.density!.low.value / perKm('osce-smm')).toBeCloseTo(
      1,
      1,
    );
    expect(r.data.archetypes.get('deep-defence')!.density!.central.value / perKm('usfk-current')).toBeCloseTo(
      1,
      1,
    );
    expect(r.data.archetypes.get('deep-defence')!.density!.high.value / perKm('usfk-2003')).toBeCloseTo(1, 1);
    expect(r.data.archetypes.get('deep-defence')!.density!.low.value / perKm('ifor-1995')).toBeCloseTo(1, 1);
  });

  it('a negative figure, an unordered range and an unknown source are located with hints', () => {
    const text = shipped.archetypes.text
      .replace(
        'central: { value: 4.75, source: unficyp-strength-2014',
        'central: { value: -4.75, source: unficyp-strength-2014',
      )
      .replace(
        'low: { value: 55, source: kfor-ifor-strengths-reported',
        'low: { value: 555, source: kfor-ifor-strengths-reported',
      )
      .replace('source: iiss-efp-2017', 'source: iiss-efp-2071');
    expect(problems(withFile('archetypes', text))).toMatchInlineSnapshot(`
      [
        "data/forces/archetypes.yaml:88:39 ref.unknown-source unknown source id 'iiss-efp-2071' (at archetypes.4.troops.central.source)
        hint: did you mean 'iiss-efp-2017'?",
        "data/forces/archetypes.yaml:11:25 schema.range 'value': force and cost figures cannot be negative; got -4.75 (at archetypes.0.density.central.value)",
        "data/forces/archetypes.yaml:11:16 schema.format 'central': a range must satisfy low <= central <= high; got a mapping (at archetypes.0.density.central)",
        "data/forces/archetypes.yaml:99:16 schema.format 'central': a range must satisfy low <= central <= high; got a mapping (at archetypes.5.density.central)",
      ]
    `);
  });

  it('a missing required block and a misspelt key are reported', () => {
    const text = shipped.parameters.text.replace('  readiness:\n', '  readyness:\n');
    expect(problems(withFile('parameters', text))).toMatchInlineSnapshot(`
      [
        "data/forces/parameters.yaml:4:3 schema.missing missing required field 'readiness' (expected object) (at parameters.readiness)
        hint: add the field",
        "data/forces/parameters.yaml:16:3 schema.unknown-key unknown field 'readyness' (at parameters.readyness)
        hint: did you mean 'readiness'?",
      ]
    `);
  });

  it('two archetypes claiming one scenario mission is an error', () => {
    const text = shipped.archetypes.text.replace(
      'presenceMissions: [tripwire]',
      'presenceMissions: [tripwire, monitoring]',
    );
    expect(problems(withFile('archetypes', text))).toMatchInlineSnapshot(`
      [
        "data/forces/archetypes.yaml:1:1 forces.duplicate-presence-mission scenario mission 'monitoring' is sized by both 'ceasefire-monitoring' and 'tripwire' (at archetypes.tripwire.presenceMissions)
        hint: list each scenario mission under one archetype only",
      ]
    `);
  });
});
