// historical reference missions: strength and covered space, for troop-to-space comparisons

import { z } from 'zod';
import { Evidence, SourceId } from '../schema/source.js';

const Figure = z
  .object({
    value: z.number().finite().positive('a reference figure must be positive'),
    year: z.number().int().min(1900).max(2100).optional(),
    source: SourceId,
    evidence: Evidence.default('verified'),
    note: z.string().optional(),
  })
  .strict();

export const ReferenceMission = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'mission ids are lowercase kebab-case'),
    name: z.string().min(1),
    kind: z.enum(['monitoring', 'peacekeeping', 'tripwire', 'deterrence', 'stabilisation']),
    period: z.string().min(4),
    strength: Figure,
    frontageKm: Figure.optional(),
    areaKm2: Figure.optional(),
    note: z.string().optional(),
  })
  .strict();
export type ReferenceMission = z.infer<typeof ReferenceMission>;

export const ReferenceMissionFile = z.object({ missions: z.array(ReferenceMission).min(1) }).strict();

/** troops per km of frontage and per km2 of area, where the mission has them */
export function missionDensities(m: ReferenceMission): { perKm?: number; perKm2?: number } {
  return {
    ...(m.frontageKm ? { perKm: m.strength.value / m.frontageKm.value } : {}),
    ...(m.areaKm2 ? { perKm2: m.strength.value / m.areaKm2.value } : {}),
  };
}
