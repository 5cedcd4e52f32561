import { describe, expect, it } from 'vitest';
import { parseShocks } from './shocks';

describe('shocks in the CLI notation', () => {
  it('parses every form the CLI accepts', () => {
    const r = parseShocks(
      'government-change:usa@2, guarantor-withdraws:GBR@3 veto-used:RUS; nuclear-threat:moderate@1, delivery-slip:12:bel',
    );
    expect(r).toEqual({
      ok: true,
      shocks: [
        { type: 'government-change', actor: 'USA', year: 2 },
        { type: 'guarantor-withdraws', actor: 'GBR', year: 3 },
        { type: 'veto-used', actor: 'RUS' },
        { type: 'nuclear-threat', severity: 'moderate', year: 1 },
        { type: 'delivery-slip', months: 12, actor: 'BEL' },
      ],
    });
    expect(parseShocks('  ')).toEqual({ ok: true, shocks: [] });
  });

  it('names the bad shock and why', () => {
    const bad = parseShocks('government-change:USA');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/^'government-change:USA': year/);
    const unknown = parseShocks('meteor:USA@1');
    expect(unknown.ok).toBe(false);
    const slip = parseShocks('delivery-slip:0');
    expect(slip.ok).toBe(false);
    if (!slip.ok) expect(slip.message).toContain('at least one month');
  });
});
