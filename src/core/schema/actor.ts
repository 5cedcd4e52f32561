// states and organisations: guarantors, the protected state, the would-be aggressor

import { z } from 'zod';
import { ActorId, nonNegative } from './common.js';
import { Evidence, SourceId } from './source.js';

const Figure = z
  .object({
    value: nonNegative('a figure'),
    unit: z.string().min(1).describe("e.g. 'USD bn', 'personnel'"),
    year: z.number().int().min(1900).max(2100),
    source: SourceId,
    evidence: Evidence.default('verified'),
  })
  .strict();

export const Actor = z
  .object({
    id: ActorId,
    name: z.string().min(1),
    kind: z.enum(['state', 'organisation', 'coalition']),
    members: z.array(ActorId).default([]).describe('for organisations and coalitions'),
    nuclear: z
      .enum(['nuclear-weapon-state', 'nuclear-sharing', 'umbrella', 'non-nuclear', 'mixed'])
      .describe('nuclear status; mixed for organisations with nuclear and non-nuclear members'),
    defenceSpending: Figure.optional(),
    activeForces: Figure.optional(),
    ratification: z
      .object({
        body: z.string().min(1).describe('who must consent to a treaty'),
        rule: z.string().min(1).describe('e.g. two-thirds of senators present'),
        source: SourceId,
        evidence: Evidence.default('verified'),
      })
      .strict()
      .optional(),
    notes: z.string().optional(),
  })
  .strict();
export type Actor = z.infer<typeof Actor>;

export const ActorFile = z.object({ actors: z.array(Actor) }).strict();
