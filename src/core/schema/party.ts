// negotiating parties and their sourced red lines, coded as named predicates over a package

import { z } from 'zod';
import { ActorId } from './common.js';
import { Evidence, SourceId } from './source.js';

export const PREDICATES = [
  'aggressor-among-guarantors',
  'aggressor-veto',
  'army-cap-below',
  'no-army-cap',
  'neutrality-not-required',
  'foreign-troops-in-country',
  'actor-troops-in-country',
  'troops-at-front',
  'guarantee-without-aggressor',
  'nato-membership',
  'weapon-or-range-caps',
] as const;
export const Predicate = z.enum(PREDICATES);
export type Predicate = z.infer<typeof Predicate>;

export const RedLine = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    predicate: Predicate,
    params: z
      .object({ troops: z.number().int().positive().optional(), actor: ActorId.optional() })
      .strict()
      .default({}),
    kind: z
      .enum(['red-line', 'concern'])
      .describe('red-line: rejects the package; concern: accepts with conditions'),
    summary: z.string().min(1).describe('the position, in our words, attributed'),
    source: SourceId,
    evidence: Evidence.default('verified'),
  })
  .strict();
export type RedLine = z.infer<typeof RedLine>;

export const Party = z
  .object({
    id: ActorId,
    name: z.string().min(1),
    redLines: z.array(RedLine).min(1),
  })
  .strict();
export type Party = z.infer<typeof Party>;

export const PartyFile = z.object({ parties: z.array(Party) }).strict();
