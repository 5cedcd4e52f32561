// the back-test's fixed rules (validation/backtest.yaml): how a case's coding becomes model inputs, and which free
// parameters calibration may move. Fixed before any run; the numbers cite their source like every default.

import { z } from 'zod';
import type { Result } from '../errors.js';
import { checkReferences, type KnownIds } from '../scenario/references.js';
import { LABEL_KEYS } from '../schema/historical.js';
import { keysAt } from '../schema/shape.js';
import { Evidence, SourceId } from '../schema/source.js';
import { parseLocatedYaml } from '../yaml/located-yaml.js';
import { zodIssuesToDiagnostics } from '../yaml/zod-diagnostics.js';

const SourcedSpec = z
  .object({
    spec: z.string().min(1).describe('a distribution spec (docs/engine.md)'),
    source: SourceId,
    evidence: Evidence.default('unverified'),
    note: z.string().optional(),
  })
  .strict();

export const BacktestSettings = z
  .object({
    label: z.enum(LABEL_KEYS).default('major10y').describe('the outcome the forecasts are scored against'),
    horizonYears: z.number().int().min(1).max(100).default(10),
    samples: z.number().int().min(100).max(1_000_000).default(4096),
    seed: z.number().int().min(0).default(1),
    judgement: z
      .object({
        localBalance: z
          .object({
            'aggressor-superior': SourcedSpec,
            parity: SourcedSpec,
            'defender-superior': SourcedSpec,
          })
          .strict()
          .describe('defender_power_ratio by the judged local balance'),
        noClaimMotivation: z
          .enum(['reduced', 'transformed'])
          .describe('the aggressor motivation when the case codes no revisionist claim'),
        source: SourceId,
      })
      .strict(),
    structural: z
      .object({
        spendingSpread: z
          .number()
          .gt(1)
          .describe('defender_power_ratio = (spending ratio / s) to (spending ratio * s) as a 90% interval'),
        source: SourceId,
      })
      .strict()
      .describe('without judgement: the defender power ratio from the era spending figures'),
    calibration: z
      .object({
        parameters: z
          .array(
            z
              .object({
                name: z.string().regex(/^[a-z][a-z0-9_]*$/),
                multipliers: z.array(z.number().positive()).min(2),
                why: z.string().min(1),
              })
              .strict(),
          )
          .min(1)
          .max(3),
        source: SourceId,
      })
      .strict(),
  })
  .strict();
export type BacktestSettings = z.infer<typeof BacktestSettings>;

export function parseBacktestSettings(
  text: string,
  file: string,
  known?: KnownIds,
): Result<BacktestSettings> {
  const parsed = parseLocatedYaml(text, file);
  if (!parsed.ok) return parsed;
  const refs = known ? checkReferences(parsed.doc.value, known, parsed.doc) : [];
  if (refs.length) return { ok: false, diagnostics: refs };
  const r = BacktestSettings.safeParse(parsed.doc.value, { reportInput: true });
  if (!r.success)
    return {
      ok: false,
      diagnostics: zodIssuesToDiagnostics(r.error.issues, parsed.doc, (p) => keysAt(BacktestSettings, p)),
    };
  return { ok: true, value: r.data, warnings: [] };
}
