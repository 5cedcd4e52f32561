// pledges against a requirement: totals, shortfall or surplus, shares, ordering
import { describe, expect, it } from 'vitest';
import { ForcePledge } from './force-pledge.js';
import { pledgeGap } from './pledge-gap.js';

const p = (x: object) =>
  ForcePledge.parse({ status: 'offered', source: 'guarantor-forces-assumptions', ...x });

describe('pledgeGap', () => {
  const pledges = [
    p({ actor: 'FRA', troops: 6000 }),
    p({ actor: 'GBR', troops: 10000 }),
    p({ actor: 'TUR', ships: 2 }),
  ];

  it('sums the pledges and reports the shortfall per quantity', () => {
    const g = pledgeGap({ troops: 25000, aircraft: 0, ships: 6 }, pledges);
    expect(g.pledged).toEqual({ troops: 16000, aircraft: 0, ships: 2 });
    expect(g.gap).toEqual({ troops: 9000, aircraft: 0, ships: 4 });
    expect(g.coverage).toEqual({ troops: 16000 / 25000, aircraft: null, ships: 2 / 6 });
  });

  it('a negative gap is a surplus', () => {
    expect(pledgeGap({ troops: 6000, aircraft: 0, ships: 0 }, pledges).gap.troops).toBe(-10000);
  });

  it('lists the biggest troop offer first, with each actor’s share of the requirement', () => {
    const g = pledgeGap({ troops: 20000, aircraft: 0, ships: 0 }, pledges);
    expect(g.rows.map((r) => [r.actor, r.troopShare])).toEqual([
      ['GBR', 0.5],
      ['FRA', 0.3],
      ['TUR', 0],
    ]);
  });

  it('rejects negative pledges at the schema', () => {
    expect(
      ForcePledge.safeParse({ actor: 'GBR', troops: -1, status: 'offered', source: 'x-y' }).success,
    ).toBe(false);
  });
});
