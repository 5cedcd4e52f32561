import { describe, expect, it } from 'vitest';
import { runCli } from '../main.js';

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      out: (s: string) => out.push(s),
      err: (s: string) => err.push(s),
      env: { NO_COLOR: '1' },
      cwd: process.cwd(),
      isTTY: false,
    },
    out,
    err,
  };
}

describe('guarantor backtest', () => {
  it('rejects a bad --samples as a usage error', async () => {
    const f = fakeIo();
    const code = await runCli(['backtest', '--samples', 'lots'], f.io as never);
    expect(code).toBe(2);
    expect(f.err.join('')).toMatchInlineSnapshot(`
      "--samples usage.samples --samples expects a whole number, got 'lots'
        hint: e.g. --samples 10000"
    `);
  });

  it('prints a JSON report with stable field names', async () => {
    const f = fakeIo();
    const code = await runCli(['backtest', '--samples', '128', '--json'], f.io as never);
    expect(code).toBe(0);
    const r = JSON.parse(f.out.join(''));
    expect(Object.keys(r)).toMatchInlineSnapshot(`
      [
        "label",
        "fingerprint",
        "mode",
        "horizonYears",
        "samples",
        "seed",
        "cases",
        "scored",
        "events",
        "baseRate",
        "scores",
        "calibration",
        "calibrationTable",
        "worstMisses",
      ]
    `);
    expect(Object.keys(r.scores)).toMatchInlineSnapshot(`
      [
        "prior",
        "heldOut",
        "inSample",
        "baseRateHeldOut",
        "baseRateInSample",
      ]
    `);
    expect(Object.keys(r.cases[0])).toMatchInlineSnapshot(`
      [
        "id",
        "file",
        "name",
        "startYear",
        "era",
        "commitment",
        "attacked",
        "attacks",
        "guarantorResponse",
        "pNoAttackPrior",
        "pNoAttackHeldOut",
        "pNoAttackFitted",
        "heldOutMultipliers",
        "reasons",
      ]
    `);
    expect(r.scored).toBeGreaterThanOrEqual(25);
  }, 120_000);

  it('prints tables with the scores and the worst misses', async () => {
    const f = fakeIo();
    const code = await runCli(['backtest', '--samples', '128', '--misses', '2'], f.io as never);
    expect(code).toBe(0);
    const text = f.out.join('');
    expect(text).toMatch(/model, calibrated \(leave-one-out\)/);
    expect(text).toMatch(/base rate \(leave-one-out\)/);
    expect(text.match(/^\S+-\d{4} .*forecast P\(no attack\)/gm)).toHaveLength(2);
    expect(text.includes('\u001b[')).toBe(false); // NO_COLOR
  }, 120_000);
});
