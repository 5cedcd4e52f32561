// a package (scenario): instruments + constraints + context; the file format users edit in YAML

import { z } from 'zod';
import { ActorId, IsoDate, nonNegative, SourcedNumber, Sources } from './common.js';
import { Instrument } from './instrument.js';
import { StressTest } from './shock.js';
import { Evidence, SourceId } from './source.js';

export const SYSTEM_IDS = [
  'S1',
  'S2',
  'S3',
  'S4',
  'S5',
  'S6',
  'S7',
  'S8',
  'S9',
  'S10',
  'S11',
  'S12',
  'S13',
  'S14',
  'S15',
  'S16',
] as const;
export const SystemId = z.enum(SYSTEM_IDS).describe('a guarantee system from the mission list (S1-S16)');

const cited = { source: SourceId, evidence: Evidence.default('verified') };

export const Constraints = z
  .object({
    armyCap: z
      .object({
        troops: z.number().int().positive('an army cap must be a positive number of troops'),
        ...cited,
      })
      .strict()
      .optional(),
    weaponCaps: z
      .array(z.object({ category: z.string().min(1), max: nonNegative('a weapon cap'), ...cited }).strict())
      .default([]),
    missileRangeKm: z
      .object({ max: nonNegative('a missile range'), ...cited })
      .strict()
      .optional(),
    neutrality: z
      .object({ required: z.boolean(), ...cited })
      .strict()
      .optional(),
    foreignTroopsBanned: z
      .object({ banned: z.boolean(), ...cited })
      .strict()
      .optional(),
    allianceBan: z
      .object({ banned: z.boolean(), ...cited })
      .strict()
      .optional(),
    nonNuclear: z
      .object({ required: z.boolean(), ...cited })
      .strict()
      .optional(),
    exercisesNeedConsentOf: z.array(ActorId).default([]),
    deepStrikeAllowed: z
      .object({ allowed: z.boolean(), ...cited })
      .strict()
      .optional()
      .describe('whether Ukraine may strike deep into the aggressor without restriction'),
  })
  .strict();
export type Constraints = z.infer<typeof Constraints>;

export const Context = z
  .object({
    protectedState: ActorId.default('UKR'),
    aggressor: ActorId.default('RUS'),
    frontKm: SourcedNumber.optional().describe('length of the line of contact to cover'),
    horizonYears: z
      .number()
      .int()
      .min(1, 'the horizon is at least 1 year')
      .max(100, 'the horizon is at most 100 years')
      .default(10),
    protectedForces: SourcedNumber.optional().describe("the protected state's active forces (personnel)"),
    aggressorMotivation: z
      .object({
        level: z.enum(['baseline', 'reduced', 'transformed']),
        rationale: z.string().min(1),
        ...cited,
      })
      .strict()
      .optional()
      .describe("a change in the aggressor's motivation (e.g. regime change), not an instrument"),
  })
  .strict();

export const Position = z
  .object({
    party: ActorId,
    stance: z.enum(['accepts', 'conditional', 'rejects', 'proposed']),
    summary: z.string().min(1),
    ...cited,
  })
  .strict();

export const Assumption = z.union([
  z.number(),
  z.string().min(1),
  z
    .object({
      value: z.union([z.number(), z.string().min(1)]),
      source: SourceId,
      note: z.string().optional(),
    })
    .strict(),
]);

export const Scenario = z
  .object({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'scenario ids are lowercase kebab-case'),
    title: z.string().min(1),
    summary: z.string().min(1),
    systems: z.array(SystemId).default([]).describe('the S-rows of the mission list this package implements'),
    category: z.enum(['system', 'official', 'status-quo', 'user']).default('user'),
    status: z.enum(['in-force', 'draft', 'proposed', 'planned', 'historical', 'hypothetical', 'blocked']),
    asOf: IsoDate.describe('date the coding reflects'),
    proponents: z.array(z.string().min(1)).default([]).describe('who proposes or argues for this package'),
    context: Context.default({ protectedState: 'UKR', aggressor: 'RUS', horizonYears: 10 }),
    constraints: Constraints.default({ weaponCaps: [], exercisesNeedConsentOf: [] }),
    instruments: z.array(Instrument).min(1, 'a package needs at least one instrument'),
    positions: z
      .array(Position)
      .default([])
      .describe("parties' stated positions on this package, with sources"),
    assumptions: z
      .record(z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_.]*$/), Assumption)
      .default({})
      .describe(
        'overrides of deterrence-model inputs: a number, a distribution like "0.2 to 0.4", or {value, source}',
      ),
    stress: z.array(StressTest).default([]),
    sources: Sources,
    notes: z.string().optional(),
  })
  .strict();
export type Scenario = z.infer<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;
