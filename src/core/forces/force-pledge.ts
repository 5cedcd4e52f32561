// a stated national offer of troops, aircraft or ships for a post-ceasefire force

import { z } from 'zod';
import { ActorId } from '../schema/common.js';
import { Evidence, SourceId } from '../schema/source.js';

const count = (what: string) => z.number().finite().min(0, `${what} cannot be negative`).optional();

export const ForcePledge = z
  .object({
    actor: ActorId,
    troops: count('pledged troops'),
    aircraft: count('pledged aircraft'),
    ships: count('pledged ships'),
    status: z
      .enum(['offered', 'conditional', 'existing', 'declined'])
      .describe('offered: a stated ceiling; existing: already deployed nearby; declined: a stated refusal'),
    note: z.string().optional(),
    source: SourceId,
    evidence: Evidence.default('verified'),
  })
  .strict();
export type ForcePledge = z.infer<typeof ForcePledge>;
export type ForcePledgeInput = z.input<typeof ForcePledge>;

export const ForcePledgeFile = z.object({ pledges: z.array(ForcePledge) }).strict();
