import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../errors.js';
import { parseCsv } from './csv.js';
import { hasErrors, parseKielActivities, parseKielExplorer, parseKielWeapons } from './kiel-rows.js';

const fixture = (f: string) =>
  readFileSync(new URL(`../../../test/fixtures/kiel/${f}`, import.meta.url), 'utf8');
const table = (text: string, file = 'f.csv') => {
  const r = parseCsv(text, file);
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.table;
};

describe('Kiel data explorer', () => {
  it('reads the fixture: one record per donor-month, EUR bn as published', () => {
    const text = fixture('data_explorer.csv');
    const p = parseKielExplorer(table(text), 'data_explorer.csv');
    expect(p.diagnostics).toEqual([]);
    expect(p.records.length).toBe(text.trim().split(/\r?\n/).length - 1);
    const be = p.records.find((r) => r.key === 'Belgium|2024-05');
    expect(be).toMatchObject({ donor: 'Belgium', iso: 'BEL', month: '2024-05' });
    expect(be!.total).toBeCloseTo(be!.financial + be!.humanitarian + be!.military, 5);
  });

  it('reports unknown donors with a suggestion, duplicates, negative values and bad months at file:line:col', () => {
    const text = [
      'country,iso,year,month,total,financial,humanitarian,military,commitments',
      'Belgum,BEL,2024,1,1,0,0,1,1',
      'Belgium,BEL,2024,13,1,0,0,1,1',
      'Belgium,BEL,2024,2,-1,0,0,1,1',
      'Norway,NOR,2024,3,1,0,0,1,1',
      'Norway,NOR,2024,3,1,0,0,1,1',
    ].join('\n');
    const p = parseKielExplorer(table(text, 'x.csv'), 'x.csv');
    expect(p.diagnostics.map(formatDiagnostic)).toMatchInlineSnapshot(`
      [
        "x.csv:2:1 tracker.unknown-donor unknown donor 'Belgum' (column 'country')
        hint: did you mean 'Belgium'?",
        "x.csv:3:18 tracker.bad-date month 13 is not 1-12 (column 'month')",
        "x.csv:4:20 tracker.negative -1 is negative; expected 0 or more (column 'total')
        hint: record a reduction as a new event or a correction note, not a negative amount",
        "x.csv:6:1 tracker.duplicate-row duplicate donor-month 'Norway|2024-03', first seen on line 5 (column 'country')
        hint: remove one of the two rows",
      ]
    `);
    expect(p.records.map((r) => r.key)).toEqual(['Norway|2024-03']);
  });

  it('names a renamed column (column contract)', () => {
    const p = parseKielExplorer(table('country,year,month,total,financial,humanitarian,militar\n'), 'x.csv');
    expect(p.diagnostics.map(formatDiagnostic)).toMatchInlineSnapshot(`
      [
        "x.csv:1:49 tracker.missing-column required column 'military' is missing; column 'militar' looks like it was renamed
        hint: expected columns: country, iso, year, month, total, financial, humanitarian, military, commitments, to_be_allocated, gdp, pct_gdp",
      ]
    `);
  });
});

describe('Kiel weapons', () => {
  it('reads counts and values and rejects a duplicate donor-category', () => {
    const p = parseKielWeapons(table(fixture('weapons.csv')), 'weapons.csv');
    expect(p.diagnostics).toEqual([]);
    expect(p.records.find((r) => r.key === 'Germany|Air Defense')?.count).toBeGreaterThan(0);
    const dup = parseKielWeapons(
      table('donor,category,number_of_weapons\nBelgium,Tanks,1\nBelgium,Tanks,2\n'),
      'w.csv',
    );
    expect(dup.diagnostics[0]?.code).toBe('tracker.duplicate-row');
  });
});

describe('Kiel activities', () => {
  it('keeps repeated rows as numbered sub-activities, undated rows, and negative corrections as warnings', () => {
    const p = parseKielActivities(table(fixture('release28_activities.csv')), 'a.csv', 'kiel-ust-release-28');
    expect(hasErrors(p.diagnostics)).toBe(false);
    expect(p.records.length).toBe(fixture('release28_activities.csv').trim().split(/\r?\n/).length - 1);
    expect(new Set(p.records.map((r) => r.key)).size).toBe(p.records.length);
    expect(p.diagnostics.filter((d) => d.code === 'tracker.negative-correction')).toHaveLength(1);
    expect(p.notes.join(' ')).toMatch(/repeat an earlier row/);
    const corr = p.records.find((r) => r.events[0]!.valueEur !== undefined && r.events[0]!.valueEur < 0)!;
    expect(corr.valueEur).toBeUndefined();
    const commitment = p.records.find((r) => r.events[0]!.stage === 'committed')!;
    // commitment rows carry 0 for "no value": stored as unknown, not as a zero pledge
    expect(commitment.valueEur).toBeUndefined();
  });

  it('rejects impossible dates and unknown measures', () => {
    const p = parseKielActivities(
      table(
        'donor,announcement_date,aid_type,measure,value_eur\nBelgium,2024-02-30,Military,Allocation,5\nBelgium,2024-02-01,Military,Pledge,5\n',
      ),
      'a.csv',
      'r',
    );
    expect(p.diagnostics.map((d) => `${d.line}:${d.col} ${d.code}`)).toEqual([
      '2:9 tracker.bad-date',
      '3:29 tracker.bad-value',
    ]);
  });
});
