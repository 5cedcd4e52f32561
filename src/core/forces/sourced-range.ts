// a parameter as a range: low / central / high, each bound carrying its own citation

import { z } from 'zod';
import { Evidence, SourceId } from '../schema/source.js';

export const Bound = z
  .object({
    value: z.number().finite().min(0, 'force and cost figures cannot be negative'),
    source: SourceId,
    evidence: Evidence.default('verified'),
    note: z.string().optional(),
  })
  .strict();
export type Bound = z.infer<typeof Bound>;

export const SourcedRange = z
  .object({
    unit: z.string().min(1),
    description: z.string().optional(),
    low: Bound,
    central: Bound,
    high: Bound,
  })
  .strict()
  .refine((r) => r.low.value <= r.central.value && r.central.value <= r.high.value, {
    message: 'a range must satisfy low <= central <= high',
    path: ['central'],
  });
export type SourcedRange = z.infer<typeof SourcedRange>;

/** a fixed default (no uncertainty) with its citation */
export const SourcedValue = z
  .object({
    unit: z.string().min(1),
    description: z.string().optional(),
    value: z.number().finite().positive('a default must be positive'),
    source: SourceId,
    evidence: Evidence.default('verified'),
    note: z.string().optional(),
  })
  .strict();
export type SourcedValue = z.infer<typeof SourcedValue>;

/** the weakest evidence among the bounds: a range is only as checked as its least-checked end */
export function rangeEvidence(r: SourcedRange): Evidence {
  const order: Evidence[] = ['unverified', 'secondary', 'verified'];
  return order.find((e) => [r.low, r.central, r.high].some((b) => b.evidence === e)) ?? 'verified';
}
