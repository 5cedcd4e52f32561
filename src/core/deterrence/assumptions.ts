// the model's effective inputs: priors, then the scenario's `assumptions:`, then `--set` overrides (same names, so
// every variant keeps its random streams), plus one uniform draw per guarantor for who actually intervenes

import { compilePlan, type InputDef, type Plan } from '../engine/plan.js';
import type { Diagnostic } from '../errors.js';
import type { Scenario } from '../schema/scenario.js';
import { didYouMean } from '../util/did-you-mean.js';
import type { DeterrencePriors, Prior } from './priors.js';
import type { ModelStructure } from './structure.js';

export interface AssumptionRow {
  name: string;
  group: Prior['group'];
  spec: string;
  unit: string;
  description: string;
  sources: string[];
  evidence: Prior['evidence'];
  /** where the effective spec comes from */
  origin: 'prior' | 'scenario' | 'set';
  /**
   * present when the default is the back-test's calibrated value (validation/calibrated.yaml): the literature prior
   * beside it. With origin 'prior' the run uses the calibrated spec (sources: the back-test).
   */
  literature?: { spec: string; sources: string[]; evidence: Prior['evidence'] };
  /** with `literature`: the calibrated default, kept when a scenario or --set overrides it */
  calibrated?: string;
}

export interface ResolvedInputs {
  inputs: InputDef[];
  assumptions: AssumptionRow[];
}

/** parses `name=spec` items from --set */
export function parseSetItems(items: readonly string[]): {
  sets: Record<string, string>;
  diagnostics: Diagnostic[];
} {
  const sets: Record<string, string> = {};
  const diagnostics: Diagnostic[] = [];
  for (const item of items) {
    const eq = item.indexOf('=');
    const name = eq > 0 ? item.slice(0, eq).trim() : '';
    const spec = eq > 0 ? item.slice(eq + 1).trim() : '';
    if (!name || !spec) {
      diagnostics.push({
        code: 'usage.set',
        message: `--set expects name=<spec>, got '${item}'`,
        path: ['--set'],
        hint: "e.g. --set honour_base='0.3 to 0.6' --set war_cost=0.5",
      });
      continue;
    }
    sets[name] = spec;
  }
  return { sets, diagnostics };
}

const specText = (v: string | number) => (typeof v === 'number' ? String(v) : v);

/**
 * Merges priors, scenario assumptions and --set overrides, then compiles them once to catch bad specs.
 * Diagnostics from the scenario carry path ['assumptions', name] (the caller locates them in the file); those from
 * --set carry codes usage.* (exit 2).
 */
export function resolveInputs(
  priors: DeterrencePriors,
  structure: ModelStructure,
  scenario: Pick<Scenario, 'assumptions'>,
  sets: Record<string, string | number> = {},
): { ok: true; value: ResolvedInputs } | { ok: false; diagnostics: Diagnostic[] } {
  const diags: Diagnostic[] = [];
  const byName = new Map(priors.priors.map((p) => [p.name, p]));
  const names = [...byName.keys()];
  const effective = new Map<string, { spec: string | number; origin: AssumptionRow['origin'] }>();
  for (const p of priors.priors) effective.set(p.name, { spec: p.spec, origin: 'prior' });
  for (const [name, a] of Object.entries(scenario.assumptions)) {
    if (!byName.has(name)) {
      const g = didYouMean(name, names);
      diags.push({
        code: 'assumption.unknown',
        message: `unknown model input '${name}' in assumptions`,
        path: ['assumptions', name],
        hint: g
          ? `did you mean '${g}'? (guarantor simulate --list-inputs shows all)`
          : 'guarantor simulate <id> --list-inputs shows the input names',
      });
      continue;
    }
    const spec = typeof a === 'object' ? a.value : a;
    effective.set(name, { spec, origin: 'scenario' });
  }
  for (const [name, spec] of Object.entries(sets)) {
    if (!byName.has(name)) {
      const g = didYouMean(name, names);
      diags.push({
        code: 'usage.unknown-input',
        message: `--set names unknown model input '${name}'`,
        path: ['--set', name],
        hint: g ? `did you mean '${g}'?` : 'guarantor simulate <id> --list-inputs shows the input names',
      });
      continue;
    }
    effective.set(name, { spec, origin: 'set' });
  }
  if (diags.length) return { ok: false, diagnostics: diags };
  const inputs: InputDef[] = [...effective].map(([name, e]) => ({
    name,
    spec: e.spec,
    origin: {
      path:
        e.origin === 'set'
          ? ['--set', name]
          : e.origin === 'scenario'
            ? ['assumptions', name]
            : ['priors', name],
    },
  }));
  for (const g of structure.guarantors) inputs.push({ name: g.draw, spec: 'uniform(0, 1)' });
  const compiled = compilePlan({ inputs });
  if (!compiled.ok) {
    return {
      ok: false,
      diagnostics: compiled.diagnostics.map((d) => {
        const origin = effective.get(String(d.path[1]))?.origin;
        return origin === 'set' ? { ...d, code: `usage.${d.code}` } : d;
      }),
    };
  }
  // a prior that can leave its meaningful range is a modelling error, not a sampling accident
  const range = rangeProblems(compiled.value, effective);
  if (range.length) return { ok: false, diagnostics: range };
  return {
    ok: true,
    value: {
      inputs: inputs.map(({ name, spec }) => ({ name, spec })),
      assumptions: [...effective].map(([name, e]) => {
        const p = byName.get(name)!;
        return {
          name,
          group: p.group,
          spec: specText(e.spec),
          unit: p.unit,
          description: p.description,
          sources: p.sources,
          evidence: p.evidence,
          origin: e.origin,
          ...(p.literature
            ? {
                literature: {
                  spec: specText(p.literature.spec),
                  sources: p.literature.sources,
                  evidence: p.literature.evidence,
                },
                calibrated: specText(p.spec),
              }
            : {}),
        };
      }),
    },
  };
}

/** inputs that must stay in (0, 1), or be positive, whatever distribution the user picks */
const UNIT_INTERVAL = new Set([
  'aggressor_power_at_ceasefire',
  'honour_base',
  'max_attack_hazard',
  'third_party_veto_probability',
  'lapse_hazard',
  'binding_protection',
  'renewal_probability',
  'gov_change_lapse',
  'guarantor_commit_share',
  'air_naval_share',
  'light_force_value',
]);
const POSITIVE = new Set([
  'reconstitution_years',
  'success_ratio_50',
  'success_steepness',
  'donor_pool_spending_usd_bn',
  'own_growth_limit',
]);

function rangeProblems(
  plan: Plan,
  effective: Map<string, { spec: string | number; origin: AssumptionRow['origin'] }>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const inp of plan.inputs) {
    const e = effective.get(inp.name);
    if (!e) continue;
    const { lo, hi, loOpen, hiOpen } = inp.support;
    const zeroReached = lo < 0 || (lo === 0 && !loOpen);
    const oneReached = hi > 1 || (hi === 1 && !hiOpen);
    const where =
      e.origin === 'set'
        ? ['--set', inp.name]
        : e.origin === 'scenario'
          ? ['assumptions', inp.name]
          : ['priors', inp.name];
    const code = e.origin === 'set' ? 'usage.input-range' : 'assumption.range';
    if (
      UNIT_INTERVAL.has(inp.name) &&
      (lo < 0 || hi > 1 || (inp.name === 'honour_base' && (zeroReached || oneReached)))
    ) {
      out.push({
        code,
        message: `'${inp.name}' is a probability or share, but '${specText(e.spec)}' can take values in [${fmt(lo)}, ${fmt(hi)}]`,
        path: where,
        hint: 'use a number in [0, 1], a beta(a, b), a pert(min, mode, max) or truncate(dist, 0, 1)',
      });
    } else if (!UNIT_INTERVAL.has(inp.name) && (lo < 0 || (POSITIVE.has(inp.name) && zeroReached))) {
      out.push({
        code,
        message: `'${inp.name}' must be ${POSITIVE.has(inp.name) ? 'positive' : 'non-negative'}, but '${specText(e.spec)}' can reach ${fmt(lo)}`,
        path: where,
        hint: "use a positive interval such as '1 to 5' (lognormal) or truncate(dist, 0, inf)",
      });
    }
  }
  return out;
}

const fmt = (x: number) => (Number.isFinite(x) ? String(Number(x.toPrecision(4))) : x > 0 ? 'inf' : '-inf');
