// the donors the tracker knows: Kiel's donor names (Release 28/29) plus the other signatories of bilateral
// security agreements; names are the keys the ledger stores, aliases are what people type
import { didYouMean } from '../util/did-you-mean.js';

export interface Donor {
  name: string;
  iso: string;
  aliases: string[];
}

const d = (name: string, iso: string, ...aliases: string[]): Donor => ({ name, iso, aliases });

export const DONORS: readonly Donor[] = [
  d('Albania', 'ALB'),
  d('Australia', 'AUS'),
  d('Austria', 'AUT'),
  d('Belgium', 'BEL'),
  d('Bulgaria', 'BGR'),
  d('Canada', 'CAN'),
  d('China', 'CHN'),
  d('Croatia', 'HRV'),
  d('Cyprus', 'CYP'),
  d('Czechia', 'CZE', 'Czech Republic'),
  d('Denmark', 'DNK'),
  d('EU (Commission and Council)', 'EUI', 'EU', 'European Union', 'European Commission', 'EU institutions'),
  d('Estonia', 'EST'),
  d('European Investment Bank', 'EIB'),
  d('European Peace Facility', 'EPF'),
  d('Finland', 'FIN'),
  d('France', 'FRA'),
  d('Germany', 'DEU'),
  d('Greece', 'GRC'),
  d('Hungary', 'HUN'),
  d('Iceland', 'ISL'),
  d('India', 'IND'),
  d('Ireland', 'IRL'),
  d('Italy', 'ITA'),
  d('Japan', 'JPN'),
  d('Latvia', 'LVA'),
  d('Lithuania', 'LTU'),
  d('Luxembourg', 'LUX'),
  d('Malta', 'MLT'),
  d('Netherlands', 'NLD', 'The Netherlands', 'Holland'),
  d('New Zealand', 'NZL'),
  d('Norway', 'NOR'),
  d('Poland', 'POL'),
  d('Portugal', 'PRT'),
  d('Romania', 'ROU'),
  d('Slovakia', 'SVK', 'Slovak Republic'),
  d('Slovenia', 'SVN'),
  d('South Korea', 'KOR', 'Korea', 'Republic of Korea'),
  d('Spain', 'ESP'),
  d('Sweden', 'SWE'),
  d('Switzerland', 'CHE'),
  d('Taiwan', 'TWN'),
  d('Turkiye', 'TUR', 'Türkiye', 'Turkey'),
  d('United Kingdom', 'GBR', 'UK', 'Britain', 'Great Britain'),
  d('United States', 'USA', 'US', 'USA', 'United States of America'),
];

const byKey = new Map<string, Donor>();
for (const donor of DONORS) {
  for (const k of [donor.name, donor.iso, ...donor.aliases]) byKey.set(k.trim().toLowerCase(), donor);
}

export type DonorLookup = { ok: true; donor: Donor } | { ok: false; suggestion?: string };

/** exact match on name, ISO code or alias (case-insensitive); otherwise a "did you mean" */
export function lookupDonor(raw: string): DonorLookup {
  const donor = byKey.get(raw.trim().replace(/\s+/g, ' ').toLowerCase());
  if (donor) return { ok: true, donor };
  const guess = didYouMean(raw.trim(), [...byKey.keys()]);
  const suggestion = guess ? byKey.get(guess)?.name : undefined;
  return suggestion ? { ok: false, suggestion } : { ok: false };
}
