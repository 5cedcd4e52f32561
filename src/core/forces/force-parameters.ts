// the shared parameters of the forces model (front, rotation, readiness, costs, defaults)

import { z } from 'zod';
import { SourcedRange, SourcedValue } from './sourced-range.js';

export const ForceParameters = z
  .object({
    frontKm: SourcedRange,
    rotation: SourcedRange,
    readiness: SourcedRange,
    costPerTroopYear: SourcedRange,
    costPerAircraftYear: SourcedRange,
    costPerShipYear: SourcedRange,
    tourMonths: SourcedValue,
    years: SourcedValue,
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.rotation.low.value < 1)
      ctx.addIssue({ code: 'custom', path: ['rotation', 'low'], message: 'rotation is at least 1' });
    if (p.readiness.high.value > 1)
      ctx.addIssue({
        code: 'custom',
        path: ['readiness', 'high'],
        message: 'readiness is a share, at most 1',
      });
    if (p.readiness.low.value <= 0)
      ctx.addIssue({ code: 'custom', path: ['readiness', 'low'], message: 'readiness must be above 0' });
  });
export type ForceParameters = z.infer<typeof ForceParameters>;

export const ForceParametersFile = z.object({ parameters: ForceParameters }).strict();
