// the published anchors, each reproduced from its own assumptions within the tolerance stated in the data
import { describe, expect, it } from 'vitest';
import { loadForcesData } from '../../node/forces-files.js';
import type { AnchorExpectation } from './archetype.js';
import { sizeMission } from './size-mission.js';

const data = loadForcesData();
const anchors = [...data.archetypes.values()].flatMap((a) =>
  a.anchors.map((anchor) => ({ archetype: a, anchor })),
);

function check(actual: number, e: AnchorExpectation) {
  if (e.value !== undefined && e.tolerance !== undefined) {
    expect(Math.abs(actual - e.value)).toBeLessThanOrEqual(e.value * e.tolerance + 1e-9);
  } else {
    expect(actual).toBeGreaterThanOrEqual(e.min!);
    expect(actual).toBeLessThanOrEqual(e.max!);
  }
}

describe('published anchors', () => {
  it('every anchor named in issue 4 is present in the data', () => {
    expect(anchors.map((x) => x.anchor.id).sort()).toEqual(
      expect.arrayContaining([
        'csis-deep-defence-100000',
        'csis-monitoring-6000',
        'iiss-large-60000-100000',
        'iiss-medium-25000',
        'iiss-small-10000',
        'uk-64000-two-years-256000',
      ]),
    );
  });

  for (const { archetype, anchor } of anchors) {
    it(`${archetype.id}: ${anchor.id} (${anchor.label})`, () => {
      const r = sizeMission({ mission: archetype.id, ...anchor.assumptions }, data);
      check(r[anchor.expect.quantity], anchor.expect);
    });
  }

  it('UK rotation arithmetic: four 6-month contingents over two years, three with 9-month tours', () => {
    const six = sizeMission(
      { mission: 'reassurance-corps', troops: 64000, rotation: 4, tourMonths: 6, years: 2, readiness: 1 },
      data,
    );
    expect(six.contingents).toBe(4);
    expect(six.committed).toBe(64000 * 4);
    // 9-month tours with a 1:2 dwell: rotation 3, and 24 months hold ceil(24 / 9) = 3 contingents
    const nine = sizeMission(
      { mission: 'reassurance-corps', troops: 64000, rotation: 3, tourMonths: 9, years: 2, readiness: 1 },
      data,
    );
    expect(nine.contingents).toBe(3);
    expect(nine.committed).toBe(64000 * 3);
  });

  it('IISS consistency: its corps range holds three to four of its large divisions', () => {
    const three = sizeMission({ mission: 'reassurance-division', formations: 3 }, data).deployed;
    const four = sizeMission({ mission: 'reassurance-division', formations: 4 }, data).deployed;
    const corps = data.archetypes.get('reassurance-corps')!.formationTroops!;
    expect(three).toBeGreaterThanOrEqual(corps.low.value);
    expect(four).toBeLessThanOrEqual(corps.high.value);
  });

  it('CSIS deep defence is not a stretched monitoring force: at least 15 times the monitoring anchor', () => {
    const mon = sizeMission({ mission: 'ceasefire-monitoring', frontKm: 1250 }, data).deployed;
    const deep = sizeMission({ mission: 'deep-defence', frontKm: 1250 }, data).deployed;
    expect(deep / mon).toBeGreaterThan(15);
  });
});
