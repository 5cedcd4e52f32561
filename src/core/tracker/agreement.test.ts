// the shipped agreements file: complete, consistent, every fact cited
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { AgreementFile, agreementPledges } from './agreement.js';
import { lookupDonor } from './donors.js';

const root = new URL('../../../', import.meta.url);
const data = AgreementFile.parse(
  parse(readFileSync(new URL('data/agreements/bilateral.yaml', root), 'utf8')),
);
const sourceIds = new Set(
  readdirSync(new URL('data/sources/', root))
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) =>
      (parse(readFileSync(new URL(`data/sources/${f}`, root), 'utf8')).sources as { id: string }[]).map(
        (s) => s.id,
      ),
    ),
);

describe('data/agreements/bilateral.yaml', () => {
  it('lists the 28 agreements (27 states and the EU), one per partner', () => {
    expect(data.agreements).toHaveLength(28);
    const partners = data.agreements.map((a) => lookupDonor(a.partner));
    expect(partners.every((p) => p.ok)).toBe(true);
    expect(new Set(partners.map((p) => (p.ok ? p.donor.name : ''))).size).toBe(28);
  });

  it('cites a bibliography entry for every agreement, deliverable and exchange rate', () => {
    const cited = data.agreements
      .flatMap((a) => [a.source, ...a.deliverables.flatMap((d) => [d.source, d.rateSource])])
      .filter((x): x is string => !!x);
    expect(cited.filter((id) => !sourceIds.has(id))).toEqual([]);
  });

  it("records Belgium's 30 F-16 by 2028 as a quantified pledge", () => {
    const be = data.agreements.find((a) => a.id === 'bsa-bel-2024')!;
    const f16 = agreementPledges(be).find((p) => p.key === 'agr:bsa-bel-2024:f16')!;
    expect(f16).toMatchObject({
      donor: 'Belgium',
      quantity: 30,
      unit: 'aircraft',
      dueOn: '2028-12-31',
      committedOn: '2024-05-28',
    });
  });

  it('states non-EUR amounts in EUR at the cited rate (within 0.1%)', () => {
    for (const a of data.agreements)
      for (const d of a.deliverables) {
        if (!d.currency || d.currency === 'EUR') continue;
        expect(d.valueEur, `${a.id}:${d.id}`).toBeGreaterThan(0);
        expect(d.rateSource).toBe('ecb-reference-rates-2024');
        const rate = { GBP: 0.8466, CAD: 1.4821, USD: 1.0824 }[d.currency as 'GBP']!;
        expect(Math.abs(d.valueEur! - d.value! / rate) / d.valueEur!).toBeLessThan(1e-3);
      }
  });
});
