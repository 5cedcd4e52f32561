// the calibrated defaults: validation/calibrated.yaml, written by `guarantor backtest --calibrated-out`, overlays the
// literature priors of data/deterrence/priors.yaml. One source of truth: the calibration output is the file the
// loader reads, and it records the literature spec it was fitted against, so a changed prior cannot drift silently.

import { z } from 'zod';
import type { Diagnostic } from '../errors.js';
import { keysAt } from '../schema/shape.js';
import { Evidence, SourceId } from '../schema/source.js';
import { parseLocatedYaml } from '../yaml/located-yaml.js';
import { zodIssuesToDiagnostics } from '../yaml/zod-diagnostics.js';
import type { DeterrencePriors, Prior } from './priors.js';

/** which defaults a run uses: the back-test's calibrated values (the default) or the literature priors */
export const PRIOR_SETS = ['calibrated', 'literature'] as const;
export type PriorSet = (typeof PRIOR_SETS)[number];

const Spec = z.union([z.number(), z.string().min(1)]);

export const CalibratedEntry = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_]*$/),
    spec: Spec.describe('the calibrated default'),
    literature: Spec.describe(
      'the literature prior it was fitted against (priors.yaml spec at fitting time)',
    ),
    multiplier: z.number().positive(),
    grid: z.array(z.number().positive()).min(1),
    source: SourceId,
    evidence: Evidence.default('secondary'),
  })
  .strict();
export type CalibratedEntry = z.infer<typeof CalibratedEntry>;

const ScoreLine = z.object({ brier: z.number(), auc: z.number().nullable() }).strict();

export const CalibratedFile = z
  .object({
    label: z.string().min(1),
    mode: z.enum(['judgement', 'structural']),
    samples: z.number().int().positive(),
    seed: z.number().int().min(0),
    cases: z.number().int().min(0),
    events: z.number().int().min(0),
    /** hash of what the fit depends on: literature priors, back-test rules, case files */
    fingerprint: z.string().min(1),
    calibrated: z.array(CalibratedEntry).min(1),
    scores: z
      .object({
        prior: ScoreLine,
        heldOut: ScoreLine,
        inSample: ScoreLine,
        baseRateHeldOut: ScoreLine,
        baseRateInSample: ScoreLine,
      })
      .strict(),
    logLikelihood: z.object({ prior: z.number(), fitted: z.number() }).strict(),
  })
  .strict();
export type CalibratedFile = z.infer<typeof CalibratedFile>;

/** parses validation/calibrated.yaml with located diagnostics */
export function parseCalibratedText(
  text: string,
  file: string,
): { ok: true; value: CalibratedFile } | { ok: false; diagnostics: Diagnostic[] } {
  const parsed = parseLocatedYaml(text, file);
  if (!parsed.ok) return parsed;
  const r = CalibratedFile.safeParse(parsed.doc.value, { reportInput: true });
  if (!r.success)
    return {
      ok: false,
      diagnostics: zodIssuesToDiagnostics(r.error.issues, parsed.doc, (p) => keysAt(CalibratedFile, p)),
    };
  return { ok: true, value: r.data };
}

const same = (a: string | number, b: string | number) => String(a).trim() === String(b).trim();

/**
 * The priors with the calibrated values as defaults: each calibrated input's `spec` becomes the calibrated spec
 * (source: the back-test) and its literature prior moves to `literature`. Fails when an entry names an unknown
 * input or was fitted against a literature spec that priors.yaml no longer has (re-run the calibration).
 */
export function applyCalibration(
  priors: DeterrencePriors,
  cal: CalibratedFile,
  file = 'validation/calibrated.yaml',
): { ok: true; value: DeterrencePriors } | { ok: false; diagnostics: Diagnostic[] } {
  const byName = new Map(priors.priors.map((p) => [p.name, p]));
  const diags: Diagnostic[] = [];
  const entries = new Map<string, CalibratedEntry>();
  cal.calibrated.forEach((e, i) => {
    const p = byName.get(e.name);
    const path = ['calibrated', i];
    if (!p) {
      diags.push({
        code: 'priors.calibrated-unknown',
        message: `calibrated input '${e.name}' is not in data/deterrence/priors.yaml`,
        path: [...path, 'name'],
        file,
        hint: 'rerun: guarantor backtest --calibrated-out validation/calibrated.yaml',
      });
      return;
    }
    if (!same(p.spec, e.literature))
      diags.push({
        code: 'priors.calibration-stale',
        message: `'${e.name}' was calibrated against the literature prior '${e.literature}', but data/deterrence/priors.yaml now says '${p.spec}'`,
        path: [...path, 'literature'],
        file,
        hint: 'rerun the calibration: guarantor backtest --calibrated-out validation/calibrated.yaml',
      });
    entries.set(e.name, e);
  });
  if (diags.length) return { ok: false, diagnostics: diags };
  return {
    ok: true,
    value: {
      ...priors,
      priorSet: 'calibrated',
      priors: priors.priors.map((p): Prior => {
        const e = entries.get(p.name);
        if (!e) return p;
        return {
          ...p,
          spec: e.spec,
          sources: [e.source],
          evidence: e.evidence,
          literature: { spec: p.spec, sources: p.sources, evidence: p.evidence },
        };
      }),
    },
  };
}

/** FNV-1a (32-bit) over the parts, in order, as 8 hex digits: a cheap, stable fingerprint for drift tests */
export function fingerprint(parts: readonly string[]): string {
  let h = 0x811c9dc5;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      h ^= part.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= 0x1f; // a separator, so ['ab', 'c'] and ['a', 'bc'] differ
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `fnv1a-${h.toString(16).padStart(8, '0')}`;
}

const NUM = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?`;
const num = (x: number) => String(Number(x.toPrecision(12)));

/**
 * A spec scaled by m, written as the same family when the family is closed under scaling (a number, `a to b`,
 * pert, triangular, uniform, normal): m x X has exactly that law, and sampling it by the same transform of the same
 * uniforms gives m times the original draws. Other specs become the expression `m * (spec)`. Kept as a distribution,
 * a calibrated input still gets its tornado bar and reads like any prior.
 * @example scaleSpec('pert(0.15, 0.35, 0.65)', 0.2) === 'pert(0.03, 0.07, 0.13)'
 */
export function scaleSpec(spec: string | number, m: number): string {
  if (m === 1) return String(spec);
  if (typeof spec === 'number') return num(spec * m);
  const t = spec.trim();
  if (new RegExp(`^${NUM}$`, 'i').test(t)) return num(Number(t) * m);
  const to = new RegExp(`^(${NUM})\\s+to\\s+(${NUM})$`, 'i').exec(t);
  if (to && m > 0) return `${num(Number(to[1]) * m)} to ${num(Number(to[2]) * m)}`;
  const fn = new RegExp(
    `^(pert|triangular|uniform|normal)\\(\\s*(${NUM}(?:\\s*,\\s*${NUM})*)\\s*\\)$`,
    'i',
  ).exec(t);
  const arity: Record<string, number> = { pert: 3, triangular: 3, uniform: 2, normal: 2 };
  if (fn && m > 0) {
    const args = fn[2]!.split(',').map((a) => Number(a.trim()));
    if (args.length === arity[fn[1]!.toLowerCase()])
      return `${fn[1]}(${args.map((a) => num(a * m)).join(', ')})`;
  }
  return `${m} * (${t})`;
}
