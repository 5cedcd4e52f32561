import { describe, expect, it } from 'vitest';
import { MINIMAL_TEMPLATE } from './templates';
import { copyScenario, offsetOf, readInstruments, setField } from './yaml-edit';

const doc = `# a comment that must survive
id: x
instruments:
  - id: a
    title: First # trailing comment
    guarantors: [GBR]
    legal: { form: treaty, ratification: pending, status: draft }
`;

describe('the form writing into the YAML', () => {
  it('sets a scalar and keeps comments and the rest of the text', () => {
    const out = setField(doc, ['instruments', 0, 'title'], 'Renamed');
    expect(out).toContain('# a comment that must survive');
    expect(out).toContain('title: Renamed # trailing comment');
    expect(out).toContain('legal: { form: treaty, ratification: pending, status: draft }');
  });

  it('writes lists as flow sequences and keeps flow maps flow', () => {
    const out = setField(doc, ['instruments', 0, 'guarantors'], ['GBR', 'FRA']);
    expect(out).toContain('guarantors: [ GBR, FRA ]');
    expect(setField(doc, ['instruments', 0, 'legal', 'form'], 'statute')).toContain(
      'legal: { form: statute, ratification: pending, status: draft }',
    );
  });

  it('creates missing parents and deletes a field set to empty', () => {
    const out = setField(doc, ['instruments', 0, 'decision', 'vetoHolders'], ['RUS']);
    expect(readInstruments(out)?.[0]).toMatchObject({ decision: { vetoHolders: ['RUS'] } });
    expect(
      readInstruments(setField(out, ['instruments', 0, 'decision', 'vetoHolders'], null))?.[0],
    ).toMatchObject({
      decision: {},
    });
  });

  it('leaves text that does not parse untouched, and reads no instruments from it', () => {
    const broken = 'id: [unclosed\n';
    expect(setField(broken, ['title'], 'x')).toBe(broken);
    expect(readInstruments(broken)).toBeNull();
  });

  it('copies a scenario under a new id as a user scenario', () => {
    const out = copyScenario(MINIMAL_TEMPLATE, 'mine');
    expect(out).toMatch(/^id: mine$/m);
    expect(out).toMatch(/^title: My scenario \(copy\)$/m);
    expect(out).toMatch(/^category: user$/m);
  });

  it('finds the offset of line:col', () => {
    const t = 'ab\ncde\nf';
    expect(t.slice(offsetOf(t, 2, 2))).toBe('de\nf');
    expect(offsetOf(t, 9)).toBe(t.length);
  });
});
