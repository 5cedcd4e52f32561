// --priors: the deterrence commands run on the calibrated defaults (validation/calibrated.yaml) unless told to use
// the literature priors; both values are shown side by side
import { describe, expect, it } from 'vitest';
import { cli } from '../../../test/support/fake-io.js';

const args = ['simulate', 's01-nato-article-5', '--samples', '2000', '--horizon', '5', '--no-progress'];

describe('--priors', () => {
  it('defaults to the calibrated values, with the literature prior beside each (JSON)', async () => {
    const r = await cli([...args, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.priorSet).toBe('calibrated');
    const cal = j.assumptions.filter((a: { literature?: unknown }) => a.literature);
    expect(cal.map((a: { name: string }) => a.name).sort()).toEqual(['max_attack_hazard', 'war_cost']);
    for (const a of cal) {
      expect(a.sources).toEqual(['guarantor-backtest-2026']);
      expect(a.spec).not.toBe(a.literature.spec);
    }
  });

  it('--priors literature runs on the literature priors, and gives a different forecast', async () => {
    const lit = JSON.parse((await cli([...args, '--json', '--priors', 'literature'])).stdout);
    const cal = JSON.parse((await cli([...args, '--json'])).stdout);
    expect(lit.priorSet).toBe('literature');
    expect(lit.assumptions.some((a: { literature?: unknown }) => a.literature)).toBe(false);
    const spec = (j: { assumptions: { name: string; spec: string }[] }, n: string) =>
      j.assumptions.find((a) => a.name === n)!.spec;
    expect(spec(lit, 'war_cost')).toBe(
      cal.assumptions.find((a: { name: string }) => a.name === 'war_cost').literature.spec,
    );
    // the calibrated ceiling on the attack hazard is far lower, so the forecast of no attack is higher
    expect(cal.pNoAttack.mean).toBeGreaterThan(lit.pNoAttack.mean);
  });

  it('an override keeps the calibrated default on show beside the literature prior', async () => {
    const cal = JSON.parse((await cli([...args, '--json'])).stdout);
    const calibrated = cal.assumptions.find((a: { name: string }) => a.name === 'war_cost').spec;
    const t = await cli([...args, '--set', 'war_cost=0.5']);
    expect(t.code).toBe(0);
    const line = t.stdout.split('\n').find((l) => l.trim().startsWith('war_cost ='))!;
    expect(line).toContain(`war_cost = ${calibrated} (literature prior 0.3 to 0.9; overridden by --set)`);
  });

  it('the table names both values; --list-inputs has a literature column', async () => {
    const t = await cli(args);
    expect(t.stdout).toMatch(/Calibrated defaults \(historical back-test/);
    expect(t.stdout).toMatch(/war_cost = .* \(literature prior 0\.3 to 0\.9\)/);
    const l = await cli(['simulate', 's01-nato-article-5', '--list-inputs', '--markdown']);
    expect(l.stdout.split('\n')[0]).toMatch(/\| literature prior \|/);
    const lt = await cli([
      'simulate',
      's01-nato-article-5',
      '--priors',
      'literature',
      '--samples',
      '500',
      '--no-progress',
    ]);
    expect(lt.stdout).toMatch(/Defaults: the literature priors/);
  });

  it('an unknown set is a usage error (exit 2)', async () => {
    const r = await cli([...args, '--priors', 'fitted']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatchInlineSnapshot(`
      "--priors usage.priors --priors must be calibrated or literature, got 'fitted'
        hint: calibrated: the back-test values (docs/validation.md); literature: the sourced priors (docs/model.md)
      "
    `);
  });
});
