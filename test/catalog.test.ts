// the shipped catalog: every file valid, every system S1-S16 and every official draft present, every
// scenario assessable without contradictions, every cited id resolvable
import { describe, expect, it } from 'vitest';
import { assessScenario, hasErrors } from '../src/core/assess/assess.js';
import { formatDiagnostic } from '../src/core/errors.js';
import { SYSTEM_IDS } from '../src/core/schema/scenario.js';
import { loadCatalog } from '../src/node/catalog-files.js';

const { catalog, diagnostics } = loadCatalog();
const scenarios = [...catalog.scenarios.values()];

describe('shipped catalog', () => {
  it('has no validation problems', () => {
    expect(diagnostics.map(formatDiagnostic)).toEqual([]);
  });

  it('covers every system S1-S16', () => {
    const covered = new Set(scenarios.flatMap((e) => e.scenario.systems));
    expect(SYSTEM_IDS.filter((s) => !covered.has(s))).toEqual([]);
  });

  it('has one scenario per system row, named after it', () => {
    for (const s of SYSTEM_IDS) {
      const n = Number(s.slice(1));
      const hit = scenarios.find(
        (e) =>
          (e.scenario.category === 'system' || e.scenario.category === 'status-quo') &&
          e.scenario.id.startsWith(`s${String(n).padStart(2, '0')}-`),
      );
      expect(hit, `no system scenario for ${s}`).toBeDefined();
      expect(hit!.scenario.systems).toContain(s);
    }
  });

  it('includes the official drafts and the status quo', () => {
    const official = scenarios.filter((e) => e.scenario.category === 'official').map((e) => e.scenario.id);
    expect(official.length).toBeGreaterThanOrEqual(4);
    for (const key of ['28', '20', 'paris', 'sky-shield'])
      expect(
        official.some((id) => id.includes(key)),
        key,
      ).toBe(true);
    expect(scenarios.some((e) => e.scenario.category === 'status-quo')).toBe(true);
  });

  it('file names match scenario ids', () => {
    for (const e of scenarios) expect(e.file).toBe(`scenarios/${e.scenario.id}.yaml`);
  });

  for (const { scenario } of scenarios) {
    it(`${scenario.id}: assesses without error-level findings, every finding sourced`, () => {
      const a = assessScenario(scenario, catalog);
      expect(hasErrors(a), JSON.stringify(a.findings.filter((f) => f.severity === 'error'))).toBe(false);
      for (const f of a.findings)
        for (const src of f.sources) expect(catalog.sources.has(src), `${f.id} cites ${src}`).toBe(true);
      expect(a.scores).toHaveLength(9);
    });
  }

  it('every actor figure and party red line cites a known source', () => {
    for (const a of catalog.actors.values()) {
      for (const fig of [a.defenceSpending, a.activeForces, a.ratification])
        if (fig) expect(catalog.sources.has(fig.source)).toBe(true);
    }
    for (const p of catalog.parties)
      for (const l of p.redLines) expect(catalog.sources.has(l.source)).toBe(true);
  });
});
