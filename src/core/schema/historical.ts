// a historical case for the back-test: a scenario as the arrangement stood at its start, plus what happened

import { z } from 'zod';
import { Actor } from './actor.js';
import { ActorId, IsoDate, Sources } from './common.js';
import { Scenario } from './scenario.js';
import { Evidence, SourceId } from './source.js';

export const Era = z
  .enum(['pre-1945', 'cold-war', 'post-cold-war'])
  .describe('pre-1945, cold-war (1945-1991) or post-cold-war; alliance reliability differs by era');
export type Era = z.infer<typeof Era>;

/** the research note's commitment types, kept as coded there (ATOP-like, plus peace-operation types) */
export const CommitmentType = z.enum([
  'automatic-defence',
  'ambiguous-defence',
  'conditional-defence',
  'unilateral-guarantee',
  'neutrality-guarantee',
  'collective-security',
  'assurance',
  'secret-assurance',
  'non-aggression-by-aggressor',
  'peace-agreement-with-enforcement',
  'peacekeeping',
  'safe-area',
  'ceasefire-with-aggressor-peacekeepers',
  'none',
]);
export type CommitmentType = z.infer<typeof CommitmentType>;

const judged = { evidence: Evidence.default('secondary') };

/**
 * an actor as it stood at the case's start: the catalog's figures are for 2024, so each case codes the nuclear
 * status and relative military spending (aggressor = 100) of the era; the back-test reads only these
 */
export const ActorAtStart = z
  .object({
    id: ActorId,
    nuclear: Actor.shape.nuclear,
    spending: z
      .number()
      .finite()
      .min(0, 'spending cannot be negative')
      .describe(
        'military spending at the start relative to the aggressor (aggressor = 100); an order of magnitude',
      ),
    source: SourceId,
    evidence: Evidence.default('unverified'),
  })
  .strict();
export type ActorAtStart = z.infer<typeof ActorAtStart>;

export const CaseMeta = z
  .object({
    id: z
      .string()
      .regex(/^[A-Z]{3,4}-\d{4}$/, 'case ids are a 3-4 letter code and the start year, e.g. KOR-1953'),
    name: z.string().min(1),
    startYear: z.number().int().min(1800).max(2100).describe('year the arrangement began'),
    endYear: z
      .number()
      .int()
      .min(1800)
      .max(2100)
      .nullable()
      .describe('year the arrangement ended; null if still in force'),
    era: Era,
    caseType: z.enum(['interstate', 'intrastate-peace-agreement', 'contested-territory']),
    commitment: CommitmentType.describe('the strongest commitment in place at the start'),
    protectedName: z.string().min(1).describe('the protected state or territory, as named at the time'),
    aggressorName: z.string().min(1).describe('the would-be aggressor, as named at the time'),
    /** facts about the arrangement that the scenario schema does not hold but a model of its era needs */
    facts: z
      .object({
        guarantorNuclear: z.boolean().describe('a guarantor held nuclear weapons at the start'),
        nuclearDeployed: z.boolean().default(false).describe("nuclear weapons on the protected state's soil"),
        aggressorPartyToArrangement: z
          .boolean()
          .describe('the would-be aggressor signed the arrangement (or is its guarantor)'),
        aggressorForcesOnTerritory: z
          .boolean()
          .default(false)
          .describe("the would-be aggressor's own troops were stationed in the protected state"),
        armsSupply: z.enum(['none', 'limited', 'substantial']),
        sanctionsCommitment: z.enum(['none', 'implicit', 'explicit']).default('none'),
        guarantorTroops: z
          .enum(['none', 'advisers', 'peacekeepers', 'tripwire', 'combat'])
          .describe("the guarantors' own troops in or at the protected state during the arrangement"),
        guarantorTroopsAtStart: z.boolean().describe('those troops were there at the start'),
      })
      .strict(),
    /** analyst judgement, kept apart so the back-test can include it or drop it */
    judgement: z
      .object({
        revisionistClaim: z
          .boolean()
          .describe('the aggressor had a standing claim on, or intent against, the protected state'),
        localBalance: z
          .enum(['aggressor-superior', 'parity', 'defender-superior'])
          .describe('the local military balance without the guarantors'),
        ...judged,
      })
      .strict(),
    uncertain: z.array(z.string().min(1)).default([]).describe('facts the research note could not confirm'),
    actorsAtStart: z
      .array(ActorAtStart)
      .min(2, 'code at least the aggressor and the protected state')
      .describe('era figures for the aggressor, the protected state and every guarantor (checked)'),
    sources: Sources,
  })
  .strict();
export type CaseMeta = z.infer<typeof CaseMeta>;

export const AttackFlag = z.enum([
  'occupied-territory',
  'protected-state-initiated-crisis',
  'attribution-disputed',
  'covert-action',
  'after-arrangement-ended',
]);

export const Attack = z
  .object({
    year: z.number().int().min(1800).max(2100),
    date: IsoDate.optional(),
    actor: ActorId.describe('who attacked'),
    severity: z
      .enum(['major', 'limited'])
      .describe(
        'major: invasion, war, seizure of core territory or a cession forced by threat of war; limited: raids, strikes, minor features, blockade',
      ),
    description: z.string().min(1),
    flags: z.array(AttackFlag).default([]),
    duringArrangement: z.boolean().describe('the arrangement was still in force'),
    source: SourceId.optional(),
    evidence: Evidence.default('secondary'),
  })
  .strict();
export type Attack = z.infer<typeof Attack>;

/** true/false, or null when the window runs past the observation cut-off with no attack (right-censored) */
const Label = z.boolean().nullable();

export const OutcomeLabels = z
  .object({
    major10y: Label.describe('a major attack within 10 years of the start'),
    major20y: Label,
    any10y: Label.describe('any attack (major or limited) within 10 years'),
    any20y: Label,
    major10yDuringArrangement: Label.describe('null if the arrangement ended earlier without an attack'),
    major20yDuringArrangement: Label,
  })
  .strict();
export type OutcomeLabels = z.infer<typeof OutcomeLabels>;

export const GuarantorResponse = z.enum([
  'honoured',
  'honoured-informally',
  'honoured-preemptively',
  'partial',
  'not-honoured',
  'not-triggered',
  'intervened-without-commitment',
  'no-guarantor',
]);
export type GuarantorResponse = z.infer<typeof GuarantorResponse>;

export const Outcome = z
  .object({
    observedThrough: z.number().int().min(1800).max(2100).describe('last year the sources observe'),
    attacks: z.array(Attack).default([]),
    labels: OutcomeLabels,
    guarantorResponse: GuarantorResponse.describe('whether the guarantors honoured their commitment'),
    responseNotes: z.string().min(1),
    sources: Sources,
  })
  .strict();
export type Outcome = z.infer<typeof Outcome>;

/** a scenario plus `case` metadata and an `outcome`; the scenario part is fed to the model unchanged */
export const HistoricalCase = Scenario.extend({
  case: CaseMeta,
  outcome: Outcome,
}).strict();
export type HistoricalCase = z.infer<typeof HistoricalCase>;

/** the scenario part of a case, as the deterrence model sees it */
export function caseScenario(c: HistoricalCase): Scenario {
  const { case: _meta, outcome: _outcome, ...scenario } = c;
  return scenario;
}

export const LABEL_KEYS = [
  'major10y',
  'major20y',
  'any10y',
  'any20y',
  'major10yDuringArrangement',
  'major20yDuringArrangement',
] as const satisfies readonly (keyof OutcomeLabels)[];

/** the labels the coding rules imply, from the attacks, the start and end years and the cut-off */
export function deriveLabels(meta: Pick<CaseMeta, 'startYear' | 'endYear'>, outcome: Outcome): OutcomeLabels {
  const { startYear: start, endYear: end } = meta;
  const hit = (years: number, severity: 'major' | 'any', during: boolean) =>
    outcome.attacks.some(
      (a) =>
        a.year >= start &&
        a.year <= start + years &&
        (severity === 'any' || a.severity === 'major') &&
        (!during || a.duringArrangement),
    );
  const window = (years: number, severity: 'major' | 'any'): boolean | null =>
    hit(years, severity, false) ? true : start + years > outcome.observedThrough ? null : false;
  const during = (years: number): boolean | null => {
    if (hit(years, 'major', true)) return true;
    if (end !== null && end < start + years) return null;
    return start + years > outcome.observedThrough ? null : false;
  };
  return {
    major10y: window(10, 'major'),
    major20y: window(20, 'major'),
    any10y: window(10, 'any'),
    any20y: window(20, 'any'),
    major10yDuringArrangement: during(10),
    major20yDuringArrangement: during(20),
  };
}
