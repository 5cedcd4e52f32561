// the deterrence model's named inputs (data/deterrence/priors.yaml): each a spec, a unit, a meaning and its sources

import { z } from 'zod';
import type { Diagnostic } from '../errors.js';
import { keysAt } from '../schema/shape.js';
import { Evidence, SourceId } from '../schema/source.js';
import { parseLocatedYaml } from '../yaml/located-yaml.js';
import { zodIssuesToDiagnostics } from '../yaml/zod-diagnostics.js';

export const PRIOR_GROUPS = [
  'aggressor',
  'choice',
  'battle',
  'defender',
  'supply',
  'reliability',
  'lapse',
  'shocks',
  'intervention',
  'costs',
] as const;

export const Prior = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'prior names are snake_case, e.g. honour_base'),
    group: z.enum(PRIOR_GROUPS),
    spec: z
      .union([z.number(), z.string().min(1)])
      .describe('a number or a distribution spec (docs/engine.md)'),
    unit: z.string().min(1),
    description: z.string().min(1),
    sources: z.array(SourceId).min(1, 'cite at least one source id'),
    evidence: Evidence.default('verified'),
    note: z.string().optional(),
    /** the literature prior when `spec` is a calibrated default: set by the loader from validation/calibrated.yaml */
    literature: z
      .object({
        spec: z.union([z.number(), z.string().min(1)]),
        sources: z.array(SourceId).min(1),
        evidence: Evidence,
      })
      .strict()
      .optional(),
  })
  .strict();
export type Prior = z.infer<typeof Prior>;

const Table = z
  .object({
    source: SourceId,
    evidence: Evidence.default('verified'),
    note: z.string().optional(),
    values: z.record(z.string(), z.number().finite().min(0)),
  })
  .strict();

export const Conventions = z
  .object({
    missionWeight: Table,
    locationWeight: Table,
    supplyObligationWeight: Table,
    eurPer: Table,
  })
  .strict();
export type Conventions = z.infer<typeof Conventions>;

export const PriorsFile = z
  .object({ priors: z.array(Prior).min(1), conventions: Conventions })
  .strict()
  .superRefine((f, ctx) => {
    const seen = new Set<string>();
    f.priors.forEach((p, i) => {
      if (seen.has(p.name))
        ctx.addIssue({
          code: 'custom',
          path: ['priors', i, 'name'],
          message: `prior '${p.name}' is defined twice`,
        });
      seen.add(p.name);
    });
  });
export type DeterrencePriors = z.infer<typeof PriorsFile> & {
  /** 'calibrated' once validation/calibrated.yaml is laid over the file (calibrated.ts); absent = literature */
  priorSet?: 'calibrated' | 'literature';
};

/** names the model reads; the priors file must define each (checked so a typo there fails loudly) */
export const MODEL_INPUTS = [
  'reconstitution_years',
  'aggressor_power_at_ceasefire',
  'regime_incentive',
  'motivation_reduced',
  'motivation_transformed',
  'war_cost',
  'sanction_cost',
  'max_attack_hazard',
  'choice_sharpness',
  'success_ratio_50',
  'success_steepness',
  'defender_power_ratio',
  'defender_industry_growth',
  'own_growth_limit',
  'army_cap_elasticity',
  'supply_flow_index',
  'donor_pool_spending_usd_bn',
  'delivery_power_per_index',
  'honour_base',
  'legal_form_weight',
  'discretion_penalty',
  'tripwire_effect',
  'capability_effect',
  'nuclear_fear',
  'nuclear_ally_effect',
  'nuclear_umbrella_cost',
  'aggressor_ally_gain',
  'nuclear_threat_moderate',
  'nuclear_threat_severe',
  'lapsed_status_penalty',
  'third_party_veto_probability',
  'lapse_hazard',
  'binding_protection',
  'short_notice_multiplier',
  'renewal_probability',
  'gov_change_lapse',
  'gov_change_honour_drop',
  'guarantor_commit_share',
  'air_naval_share',
  'troop_power_per_10k',
  'light_force_value',
  'aircraft_power_per_100',
  'cost_troop_year_usd',
  'cost_aircraft_year_usd',
  'cost_ship_year_usd',
] as const;
export type ModelInput = (typeof MODEL_INPUTS)[number];

/** parses the priors YAML with located diagnostics; source ids are checked against `knownSources` when given */
export function parsePriorsText(
  text: string,
  file: string,
  knownSources?: ReadonlySet<string>,
): { ok: true; value: DeterrencePriors } | { ok: false; diagnostics: Diagnostic[] } {
  const parsed = parseLocatedYaml(text, file);
  if (!parsed.ok) return parsed;
  const r = PriorsFile.safeParse(parsed.doc.value, { reportInput: true });
  if (!r.success)
    return {
      ok: false,
      diagnostics: zodIssuesToDiagnostics(r.error.issues, parsed.doc, (p) => keysAt(PriorsFile, p)),
    };
  const diags: Diagnostic[] = [];
  const at = (path: (string | number)[]) => ({ file, ...parsed.doc.locate(path), path });
  const names = new Set(r.data.priors.map((p) => p.name));
  r.data.priors.forEach((p, i) => {
    if (p.literature)
      diags.push({
        code: 'priors.literature-in-file',
        message: `prior '${p.name}' carries 'literature': this file holds the literature priors themselves`,
        ...at(['priors', i, 'literature']),
        hint: 'calibrated defaults live in validation/calibrated.yaml (guarantor backtest --calibrated-out)',
      });
  });
  for (const name of MODEL_INPUTS)
    if (!names.has(name))
      diags.push({
        code: 'priors.missing',
        message: `the model needs a prior named '${name}'`,
        ...at(['priors']),
        hint: `add an entry with name: ${name}`,
      });
  if (knownSources) {
    r.data.priors.forEach((p, i) => {
      p.sources.forEach((s, j) => {
        if (!knownSources.has(s))
          diags.push({
            code: 'ref.unknown-source',
            message: `prior '${p.name}' cites unknown source '${s}'`,
            ...at(['priors', i, 'sources', j]),
            hint: 'add it to data/sources/*.yaml or fix the id',
          });
      });
    });
    for (const [k, t] of Object.entries(r.data.conventions))
      if (!knownSources.has(t.source))
        diags.push({
          code: 'ref.unknown-source',
          message: `convention '${k}' cites unknown source '${t.source}'`,
          ...at(['conventions', k, 'source']),
        });
  }
  if (diags.length) return { ok: false, diagnostics: diags };
  return { ok: true, value: r.data };
}

/**
 * The priors as a plain record name -> spec, the form calibration code overrides (pass changed entries as `sets`).
 * @example setupDeterrence(scenario, actors, priors, { sets: { ...defaultSpecs(priors), war_cost: 0.6 } })
 */
export function defaultSpecs(priors: DeterrencePriors): Record<string, string | number> {
  return Object.fromEntries(priors.priors.map((p) => [p.name, p.spec]));
}
