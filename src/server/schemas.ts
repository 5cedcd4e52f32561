// zod schemas the routes share: diagnostics, the error body, query-string numbers and the loose shapes of the CLI's
// --json outputs (their full field lists live with the commands; these name the fields clients rely on)
import { z } from 'zod';

export const DiagnosticSchema = z.object({
  code: z.string(),
  message: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
  file: z.string().optional(),
  line: z.number().int().optional(),
  col: z.number().int().optional(),
  hint: z.string().optional(),
  severity: z.enum(['error', 'warning']).optional(),
});

export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string().describe('stable dotted code, e.g. scenario.version-conflict'),
    message: z.string(),
    diagnostics: z.array(DiagnosticSchema).optional(),
    current: z
      .union([z.number(), z.string()])
      .optional()
      .describe('the stored version, on a version conflict'),
  }),
});

/** a whole number in a query string */
export const queryInt = (what: string, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .regex(/^\d+$/, `${what} must be a whole number`)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .describe(what);

/** 1/0/true/false in a query string */
export const queryBool = (what: string) =>
  z
    .enum(['1', '0', 'true', 'false'])
    .transform((v) => v === '1' || v === 'true')
    .describe(what);

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .describe('analysis date YYYY-MM-DD (default today)');

export const ScenarioVersion = z
  .union([z.number().int().min(1), z.string()])
  .describe('user scenarios: an integer bumped on every update; catalog scenarios: a content hash');

export const Scorecard = z.object({
  overall: z.number(),
  scores: z.record(z.string(), z.number()),
  findings: z.object({ error: z.number(), warning: z.number(), info: z.number(), strength: z.number() }),
});

export const ScenarioSummary = z.object({
  id: z.string(),
  title: z.string(),
  origin: z.enum(['catalog', 'user']),
  version: ScenarioVersion,
  systems: z.array(z.string()),
  category: z.string(),
  status: z.string(),
  scorecard: Scorecard,
});

/** the validated scenario (defaults filled in); schema: guarantor schema / src/core/schema/scenario.ts */
export const ScenarioJson = z.looseObject({ id: z.string(), title: z.string() });

export const AssessmentJson = z.looseObject({
  scenario: z.string(),
  overall: z.number(),
  weights: z.record(z.string(), z.number()),
  scores: z.array(z.looseObject({ dimension: z.string(), score: z.number() })),
  parties: z.array(z.looseObject({ party: z.string(), stance: z.string() })),
  findings: z.array(z.looseObject({ severity: z.string(), dimension: z.string() })),
});

export const ComparisonRowJson = z.looseObject({
  id: z.string(),
  title: z.string(),
  systems: z.array(z.string()),
  overall: z.number(),
  scores: z.record(z.string(), z.number()),
  parties: z.record(z.string(), z.string()),
  findings: z.record(z.string(), z.number()),
  simulated: z
    .object({
      pNoAttack: z.number(),
      pSuccessGivenAttack: z.number(),
      horizonYears: z.number(),
      samples: z.number(),
      seed: z.number(),
    })
    .optional(),
});

const Band = z.looseObject({ mean: z.number(), p5: z.number(), p95: z.number() });

export const SimulationReportJson = z.looseObject({
  scenario: z.string(),
  horizonYears: z.number(),
  samples: z.number(),
  seed: z.number(),
  pNoAttack: z.looseObject({ mean: z.number(), standardError: z.number(), p5: z.number(), p95: z.number() }),
  pSuccessGivenAttack: z.looseObject({ pooled: z.number(), p5: z.number(), p95: z.number() }),
  survival: z.array(Band.extend({ year: z.number() })),
  costs: z.array(z.looseObject({})),
  guarantors: z.array(z.looseObject({ id: z.string() })),
  assumptions: z.array(z.looseObject({ name: z.string() })),
});

export const StressReportJson = z.looseObject({
  baseline: SimulationReportJson,
  tests: z.array(
    SimulationReportJson.extend({
      name: z.string(),
      deltaPNoAttack: z.number(),
      deltaPSuccessGivenAttack: z.number(),
    }),
  ),
});

export const SensitivityJson = z.looseObject({
  tornado: z.looseObject({
    samples: z.number(),
    seed: z.number(),
    baseline: z.number(),
    bars: z.array(z.looseObject({})),
  }),
  attribution: z.looseObject({ all: z.number(), none: z.number(), instruments: z.array(z.looseObject({})) }),
});

export const DeterrenceResultJson = z.union([SimulationReportJson, StressReportJson, SensitivityJson]);

/** any JSON object: outputs documented with their CLI command */
export const AnyObject = z.looseObject({});
