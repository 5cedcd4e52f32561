import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../errors.js';
import { deriveLabels } from '../schema/historical.js';
import { parseCaseText } from './parse-case.js';

const known = {
  actors: new Set(['AAA', 'BBB', 'USA']),
  sources: new Set(['src-a']),
};

// a small but complete case; tests below break one thing at a time
const CASE = `id: aaa-1950
title: A test case
summary: A protected state with one guarantor, attacked in its sixth year.
status: historical
asOf: 1950
context: { protectedState: AAA, aggressor: BBB, horizonYears: 10 }
instruments:
  - id: treaty
    title: Defence treaty
    guarantors: [USA]
    obligations: [defence]
    strength: ground-combat
    automaticity: discretionary
    trigger: { timing: on-attack, threshold: armed-attack, domains: [land] }
    legal: { form: treaty, ratification: ratified, status: in-force }
    duration: { years: null }
    decision: { rule: each-guarantor }
    sources: [src-a]
sources: [src-a]
case:
  id: AAA-1950
  name: Test case
  startYear: 1950
  endYear: null
  era: cold-war
  caseType: interstate
  commitment: ambiguous-defence
  protectedName: Aland
  aggressorName: Bland
  facts:
    guarantorNuclear: true
    aggressorPartyToArrangement: false
    armsSupply: none
    guarantorTroops: none
    guarantorTroopsAtStart: false
  judgement: { revisionistClaim: true, localBalance: parity }
  actorsAtStart:
    - { id: BBB, nuclear: non-nuclear, spending: 100, source: src-a }
    - { id: AAA, nuclear: non-nuclear, spending: 30, source: src-a }
    - { id: USA, nuclear: nuclear-weapon-state, spending: 3000, source: src-a }
  sources: [src-a]
outcome:
  observedThrough: 2025
  attacks:
    - { year: 1956, actor: BBB, severity: major, description: invasion, duringArrangement: true }
  labels:
    major10y: true
    major20y: true
    any10y: true
    any20y: true
    major10yDuringArrangement: true
    major20yDuringArrangement: true
  guarantorResponse: not-honoured
  responseNotes: nobody came
  sources: [src-a]
`;

const parse = (text: string) => parseCaseText(text, 'validation/historical/aaa-1950.yaml', known);
const errors = (text: string) => {
  const r = parse(text);
  return r.ok ? [] : r.diagnostics.map(formatDiagnostic);
};

describe('parseCaseText', () => {
  it('accepts a valid case and keeps the scenario fields', () => {
    const r = parse(CASE);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.case.id).toBe('AAA-1950');
      expect(r.value.instruments[0]!.guarantors).toEqual(['USA']);
      expect(r.value.case.judgement.evidence).toBe('secondary');
    }
  });

  it('reports a label that contradicts the attacks, at its line', () => {
    expect(errors(CASE.replace('    major10y: true', '    major10y: false'))).toMatchInlineSnapshot(`
      [
        "validation/historical/aaa-1950.yaml:47:15 case.label-mismatch labels.major10y is false but the coded attacks, years and cut-off imply true (at outcome.labels.major10y)
        hint: fix the label or the attack list; null means right-censored (window past observedThrough) or, for *DuringArrangement, ended earlier without an attack",
      ]
    `);
  });

  it('reports an unknown key with a suggestion, and an unknown actor', () => {
    const bad = CASE.replace('  startYear: 1950', '  startYaer: 1950').replace(
      'actor: BBB, severity',
      'actor: CCC, severity',
    );
    const e = errors(bad);
    expect(
      e.some(
        (x) =>
          /aaa-1950\.yaml:23:3 schema\.unknown-key unknown field 'startYaer'/.test(x) &&
          /did you mean 'startYear'/.test(x),
      ),
    ).toBe(true);
    expect(e.some((x) => /ref\.unknown-actor unknown actor id 'CCC'/.test(x))).toBe(true);
  });

  it('requires era figures for every guarantor and the aggressor at 100', () => {
    const noUsa = CASE.replace(/ {4}- \{ id: USA, nuclear.*\n/, '').replace(
      'spending: 100,',
      'spending: 90,',
    );
    const e = errors(noUsa);
    expect(e.some((x) => /case\.actor-at-start actor 'USA' takes part/.test(x))).toBe(true);
    expect(e.some((x) => /aggressor's spending must be 100/.test(x))).toBe(true);
  });

  it('checks the id against the case id and the file name', () => {
    const e = errors(CASE.replace('id: aaa-1950', 'id: aaa-1951'));
    expect(e.some((x) => /case\.id-mismatch/.test(x))).toBe(true);
    expect(e.some((x) => /case\.file-name/.test(x))).toBe(true);
  });

  it('rejects an attack before the start', () => {
    expect(errors(CASE.replace('year: 1956', 'year: 1940')).some((x) => /case\.attack-year/.test(x))).toBe(
      true,
    );
  });
});

describe('deriveLabels', () => {
  const outcome = (
    attacks: { year: number; severity: 'major' | 'limited'; duringArrangement: boolean }[],
  ) => ({
    observedThrough: 2025,
    attacks: attacks.map((a) => ({
      ...a,
      actor: 'BBB',
      description: 'x',
      flags: [],
      evidence: 'secondary' as const,
    })),
    labels: {} as never,
    guarantorResponse: 'partial' as const,
    responseNotes: 'x',
    sources: ['src-a'],
  });
  it('counts the window inclusively: an attack in year start + 10 is within 10 years', () => {
    const l = deriveLabels(
      { startYear: 1994, endYear: null },
      outcome([{ year: 2004, severity: 'major', duringArrangement: true }]),
    );
    expect(l.major10y).toBe(true);
    expect(
      deriveLabels(
        { startYear: 1994, endYear: null },
        outcome([{ year: 2005, severity: 'major', duringArrangement: true }]),
      ).major10y,
    ).toBe(false);
  });
  it('is null when the window runs past the cut-off with no attack (right-censored)', () => {
    const l = deriveLabels({ startYear: 2020, endYear: null }, outcome([]));
    expect(l).toMatchObject({ major10y: null, major20y: null, any10y: null });
  });
  it('separates limited from major attacks', () => {
    const l = deriveLabels(
      { startYear: 1950, endYear: null },
      outcome([{ year: 1955, severity: 'limited', duringArrangement: true }]),
    );
    expect(l).toMatchObject({ major10y: false, any10y: true });
  });
  it('during-arrangement labels are null when the arrangement ended early without an attack', () => {
    const l = deriveLabels(
      { startYear: 1961, endYear: 1971 },
      outcome([{ year: 1973, severity: 'limited', duringArrangement: false }]),
    );
    expect(l).toMatchObject({
      major10yDuringArrangement: false,
      major20yDuringArrangement: null,
      any20y: true,
    });
  });
});
