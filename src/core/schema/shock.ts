// named stress tests: shocks applied to a package during the simulated horizon

import { z } from 'zod';
import { ActorId } from './common.js';

const year = z.number().int().min(0, 'a shock year counts from 0 (the ceasefire)').max(100);

export const Shock = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('government-change'),
      actor: ActorId,
      year,
      description: z.string().optional(),
    })
    .strict()
    .describe("a guarantor's government changes in the given year and its commitment weakens"),
  z
    .object({
      type: z.literal('delivery-slip'),
      months: z.number().int().min(1, 'a slip is at least one month').max(240),
      actor: ActorId.optional(),
      description: z.string().optional(),
    })
    .strict()
    .describe('deliveries arrive N months late'),
  z
    .object({
      type: z.literal('nuclear-threat'),
      year: year.default(0),
      severity: z.enum(['moderate', 'severe']).default('severe'),
      description: z.string().optional(),
    })
    .strict()
    .describe("the aggressor's nuclear threats raise guarantors' fear of escalation"),
  z
    .object({ type: z.literal('veto-used'), actor: ActorId, description: z.string().optional() })
    .strict()
    .describe('a veto holder blocks the collective response'),
  z
    .object({
      type: z.literal('guarantor-withdraws'),
      actor: ActorId,
      year,
      description: z.string().optional(),
    })
    .strict()
    .describe('a guarantor terminates its commitment in the given year'),
]);
export type Shock = z.infer<typeof Shock>;

export const StressTest = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'stress test names are lowercase kebab-case'),
    description: z.string().optional(),
    shocks: z.array(Shock).min(1),
  })
  .strict();
export type StressTest = z.infer<typeof StressTest>;
