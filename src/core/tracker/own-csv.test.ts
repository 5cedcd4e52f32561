import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../errors.js';
import { parseCsv } from './csv.js';
import { parseOwnCsv } from './own-csv.js';

const parse = (text: string) => {
  const t = parseCsv(text, 'l.csv');
  if (!t.ok) throw new Error(JSON.stringify(t.diagnostics));
  return parseOwnCsv(t.table, 'l.csv');
};

const HEAD =
  'pledge_id,donor,category,stage,date,instrument,item,unit,quantity,value,currency,value_eur,due,source,note';

describe('our ledger CSV', () => {
  it('groups rows into pledges with their pipeline events', () => {
    const p = parse(
      [
        HEAD,
        'be-f16,Belgium,military,committed,2024-05-28,bsa-bel-2024,F-16,aircraft,30,,,,2028-12-31,be-ukraine-agreement-2024,',
        'be-f16,Belgium,military,delivered,2025-06-30,bsa-bel-2024,F-16,aircraft,2,,,,2028-12-31,press,first two',
        'uk-drones,UK,military,committed,2024-01-12,,drones,,,200000000,GBP,236000000,2025-03-31,,',
        'uk-drones,UK,military,contracted,2024-06-01,,drones,,,,,,2025-03-31,,',
      ].join('\n'),
    );
    expect(p.diagnostics).toEqual([]);
    expect(p.records).toHaveLength(2);
    const f16 = p.records[0]!;
    expect(f16).toMatchObject({
      key: 'csv:be-f16',
      donor: 'Belgium',
      instrumentKey: 'bsa-bel-2024',
      quantity: 30,
      dueOn: '2028-12-31',
      committedOn: '2024-05-28',
    });
    expect(f16.events.map((e) => [e.stage, e.on, e.quantity])).toEqual([
      ['committed', '2024-05-28', 30],
      ['delivered', '2025-06-30', 2],
    ]);
    const uk = p.records[1]!;
    expect(uk).toMatchObject({
      donor: 'United Kingdom',
      value: 200000000,
      currency: 'GBP',
      valueEur: 236000000,
    });
    expect(uk.events[1]!.stage).toBe('allocated');
  });

  it('reads a semicolon file with decimal commas', () => {
    const p = parse(`${HEAD.replaceAll(',', ';')}\nx;Norway;military;committed;2024-01-01;;;;;1,5;EUR;;;;\n`);
    expect(p.diagnostics).toEqual([]);
    expect(p.records[0]!.valueEur).toBe(1.5);
  });

  it('reports every bad cell with file:line:col, and nothing is accepted from bad rows', () => {
    const p = parse(
      [
        HEAD,
        'a,Belgum,military,committed,2024-01-01,,,,1,,,,,,',
        'b,Belgium,military,committed,2024-02-30,,,,1,,,,,,',
        'c,Belgium,military,delivered,2024-01-01,,,,-3,,,,,,',
        'd,Belgium,military,committed,2024-01-01,,,,,100,USD,,,,',
        'e,Belgium,military,committed,2024-01-01,,,,1,,,,,,',
        'e,Belgium,military,committed,2024-01-01,,,,1,,,,,,',
        'e,Belgium,financial,delivered,2024-03-01,,,,1,,,,,,',
        'f,Belgium,weapons,shipped,2024-01-01,,,,1,,,,,,',
      ].join('\n'),
    );
    expect(p.diagnostics.map(formatDiagnostic)).toMatchInlineSnapshot(`
      [
        "l.csv:2:3 tracker.unknown-donor unknown donor 'Belgum' (column 'donor')
        hint: did you mean 'Belgium'?",
        "l.csv:3:30 tracker.bad-date '2024-02-30' is not a real date: February 2024 has 29 days (column 'date')
        hint: write dates as YYYY-MM-DD",
        "l.csv:4:44 tracker.negative -3 is negative; expected 0 or more (column 'quantity')
        hint: record a reduction as a new event or a correction note, not a negative amount",
        "l.csv:5:53 tracker.missing-value value is in USD but value_eur is empty (column 'value_eur')
        hint: give the EUR value you used and its rate source in the note; we do not guess exchange rates",
        "l.csv:7:1 tracker.duplicate-row this row repeats line 6 exactly (column 'pledge_id')
        hint: delete the repeated row",
        "l.csv:8:11 tracker.inconsistent-pledge pledge 'e' has category 'financial' here but 'military' on line 6 (column 'category')
        hint: pledge fields must be the same on every row of a pledge",
        "l.csv:9:11 tracker.bad-value category 'weapons' is not one of military, financial, humanitarian, other (column 'category')",
        "l.csv:9:19 tracker.bad-value stage 'shipped' is not one of announced, committed, allocated, delivered, operational (or contracted) (column 'stage')",
      ]
    `);
  });

  it('names the missing required column', () => {
    const p = parse('pledge_id,donor,category,date\n');
    expect(p.diagnostics.map((d) => d.message)).toEqual([
      "required column 'stage' is missing from the ledger CSV header",
    ]);
  });
});
