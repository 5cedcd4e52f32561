// one commitment inside a package, coded after ATOP's obligations/conditions/provisions plus what ATOP lacks

import { z } from 'zod';
import { ActorId, IsoDate, nonNegative, Sources } from './common.js';
import { Evidence, SourceId } from './source.js';

export const Obligation = z
  .enum([
    'defence',
    'consult',
    'supply-arms',
    'sanction',
    'non-aggression',
    'neutrality',
    'monitor',
    'finance',
    'accession',
    'industrial',
    'intelligence',
    'training',
  ])
  .describe('what the guarantors promise to do; defence = an obligation to fight');
export type Obligation = z.infer<typeof Obligation>;

/** ordinal: consult < coordinate < supply < air-naval < ground-combat */
export const STRENGTHS = ['none', 'consult', 'coordinate', 'supply', 'air-naval', 'ground-combat'] as const;
export const Strength = z.enum(STRENGTHS).describe('the strongest help promised, on the ordinal scale');
export type Strength = z.infer<typeof Strength>;

export const Domain = z.enum(['land', 'air', 'sea', 'cyber', 'hybrid']);
export type Domain = z.infer<typeof Domain>;

export const Trigger = z
  .object({
    timing: z
      .enum(['standing', 'on-attack'])
      .describe(
        'standing: acts before any attack (troops, stockpiles, air defence); on-attack: only after one',
      ),
    threshold: z
      .enum(['any-use-of-force', 'armed-attack', 'major-attack', 'nuclear-aggression', 'none'])
      .default('armed-attack')
      .describe(
        'how serious an attack must be; major-attack for wording like a significant, sustained attack',
      ),
    wording: z.string().optional().describe('short paraphrase of the trigger clause'),
    adversary: ActorId.nullable().default(null).describe('the named adversary, if the text names one'),
    scope: z.enum(['all-territory', 'government-controlled', 'specified']).default('all-territory'),
    excludedTerritories: z.array(z.string().min(1)).default([]),
    responseDeadlineHours: nonNegative('a response deadline').optional(),
    domains: z.array(Domain).min(1).describe('which kinds of attack the instrument answers'),
  })
  .strict();

export const LegalForm = z.enum([
  'treaty',
  'statute',
  'executive-agreement',
  'political-declaration',
  'memorandum',
  'unilateral-statement',
  'un-resolution',
  'contract',
]);
export type LegalForm = z.infer<typeof LegalForm>;

export const Legal = z
  .object({
    form: LegalForm,
    ratification: z
      .enum(['ratified', 'pending', 'required', 'not-required', 'none'])
      .describe(
        'ratified/pending/required for treaties; not-required for executive acts; none if never sought',
      ),
    status: z.enum(['in-force', 'signed', 'draft', 'proposed', 'lapsed', 'violated', 'hypothetical']),
    ratifiedBy: z.array(ActorId).default([]),
  })
  .strict();

export const Duration = z
  .object({
    years: z
      .number()
      .positive('duration must be positive; use null for indefinite')
      .nullable()
      .describe('term in years; null = indefinite (or unknown when unspecified is true)'),
    unspecified: z.boolean().default(false).describe('the text states no duration at all'),
    renewal: z.enum(['automatic', 'by-agreement', 'none', 'unspecified']).default('unspecified'),
    terminationNoticeMonths: nonNegative('a termination notice').optional(),
    until: z.string().optional().describe("an end condition, e.g. 'Ukraine joins NATO'"),
  })
  .strict();

export const Decision = z
  .object({
    rule: z.enum(['each-guarantor', 'consensus', 'unanimity', 'majority', 'unsc']),
    vetoHolders: z.array(ActorId).default([]).describe('actors whose objection blocks the response'),
  })
  .strict();

export const VoidCondition = z
  .object({
    condition: z.enum([
      'protected-state-attacks-first',
      'protected-state-strikes-deep',
      'protected-state-joins-alliance',
      'protected-state-breaks-caps',
      'other',
    ]),
    description: z.string().min(1),
  })
  .strict();

export const ForcePresence = z
  .object({
    actor: ActorId,
    troops: nonNegative('troop numbers').optional(),
    aircraft: nonNegative('aircraft numbers').optional(),
    ships: nonNegative('ship numbers').optional(),
    mission: z.enum([
      'monitoring',
      'reassurance',
      'tripwire',
      'combat',
      'deep-defence',
      'training',
      'air-defence',
      'air-policing',
      'maritime',
    ]),
    location: z.enum(['front', 'rear', 'neighbour', 'sea', 'air']),
    heavy: z.boolean().default(false).describe('armour, artillery and air defence rather than light forces'),
    permanent: z.boolean().default(false),
    source: SourceId,
    evidence: Evidence.default('verified'),
  })
  .strict();
export type ForcePresence = z.infer<typeof ForcePresence>;

export const Depth = z
  .object({
    basing: z.enum(['none', 'rotational', 'permanent']).default('none'),
    forces: z.array(ForcePresence).default([]),
    integratedCommand: z.boolean().default(false),
    training: z.boolean().default(false),
    intelligenceSharing: z.enum(['none', 'discretionary', 'standing']).default('none'),
    coProduction: z
      .boolean()
      .default(false)
      .describe('defence-industrial joint ventures or licensed production'),
    stockpiles: z.boolean().default(false).describe('pre-positioned ammunition, fuel and equipment'),
  })
  .strict();

export const Money = z
  .object({
    amount: z.number().positive('an amount must be positive'),
    currency: z.enum(['EUR', 'USD', 'GBP', 'CAD', 'JPY', 'NOK', 'SEK', 'DKK', 'CHF', 'AUD']),
    scale: z.enum(['unit', 'million', 'billion']).default('million'),
    perYear: z.boolean().default(false),
  })
  .strict();

export const Pledge = z
  .object({
    actor: ActorId,
    category: z.enum(['military', 'financial', 'humanitarian', 'industrial', 'training']),
    item: z.string().optional(),
    quantity: z.number().positive('a pledged quantity must be positive').optional(),
    unit: z.string().optional(),
    money: Money.optional(),
    period: z.object({ from: IsoDate, to: IsoDate }).strict().optional(),
    due: IsoDate.optional(),
    schedule: z
      .array(
        z
          .object({
            due: IsoDate,
            quantity: z.number().positive().optional(),
            amount: z.number().positive().optional(),
          })
          .strict(),
      )
      .default([]),
    source: SourceId,
    evidence: Evidence.default('verified'),
  })
  .strict();
export type Pledge = z.infer<typeof Pledge>;

export const Instrument = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'instrument ids are lowercase kebab-case'),
    title: z.string().min(1),
    description: z.string().optional(),
    guarantors: z.array(ActorId).describe('who commits; empty only for self-help instruments'),
    obligations: z.array(Obligation).min(1),
    strength: Strength,
    automaticity: z
      .enum(['automatic', 'discretionary'])
      .describe(
        'automatic: the text obliges the stated help; discretionary: each decides what it deems necessary',
      ),
    trigger: Trigger,
    legal: Legal,
    duration: Duration,
    decision: Decision,
    voidIf: z.array(VoidCondition).default([]),
    depth: Depth.default({
      basing: 'none',
      forces: [],
      integratedCommand: false,
      training: false,
      intelligenceSharing: 'none',
      coProduction: false,
      stockpiles: false,
    }),
    pledges: z.array(Pledge).default([]),
    sources: Sources,
    evidence: Evidence.default('verified'),
    notes: z.string().optional(),
  })
  .strict();
export type Instrument = z.infer<typeof Instrument>;
export type InstrumentInput = z.input<typeof Instrument>;
