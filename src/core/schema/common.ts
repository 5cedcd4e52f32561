// building blocks shared by every schema: ids, dates, sourced numbers

import { z } from 'zod';
import { Evidence, SourceId } from './source.js';

export { IsoDate, validPartialDate } from './dates.js';

export const ActorId = z
  .string()
  .regex(/^[A-Z][A-Z0-9-]*$/, 'actor ids are ISO 3166 alpha-3 codes (USA, GBR) or upper-case ids (NATO, EU)')
  .describe('an actor id from data/actors.yaml');

export const Sources = z
  .array(SourceId)
  .min(1, 'cite at least one source id')
  .describe('source ids (data/sources)');

/** a number that carries its own citation */
export const SourcedNumber = z
  .object({
    value: z.number().finite(),
    source: SourceId,
    evidence: Evidence.default('verified'),
    year: z.number().int().min(1800).max(2100).optional(),
    note: z.string().optional(),
  })
  .strict();
export type SourcedNumber = z.infer<typeof SourcedNumber>;

export const nonNegative = (what: string) => z.number().finite().min(0, `${what} cannot be negative`);
