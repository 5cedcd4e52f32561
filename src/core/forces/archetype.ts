// a mission archetype: how one kind of mission is sized, its reference figures and the anchors it must reproduce

import { z } from 'zod';
import { ForcePresence } from '../schema/instrument.js';
import { Evidence, SourceId } from '../schema/source.js';
import { MissionOverrides } from './mission-request.js';
import { SourcedRange } from './sourced-range.js';

export const Sizing = z
  .enum(['per-km', 'formation', 'fixed'])
  .describe(
    'per-km: front length x density; formation: formations x troops per formation; fixed: a troop count',
  );
export type Sizing = z.infer<typeof Sizing>;

export const Quantity = z.enum(['deployed', 'committed', 'aircraft', 'ships']);
export type Quantity = z.infer<typeof Quantity>;

export const AnchorExpectation = z
  .object({
    quantity: Quantity,
    value: z.number().positive().optional(),
    tolerance: z.number().min(0).max(1).optional().describe('relative tolerance around value, e.g. 0.05'),
    min: z.number().min(0).optional(),
    max: z.number().positive().optional(),
  })
  .strict()
  .refine(
    (e) =>
      (e.value !== undefined && e.tolerance !== undefined) || (e.min !== undefined && e.max !== undefined),
    {
      message: 'an anchor expects either value + tolerance or min + max',
    },
  );
export type AnchorExpectation = z.infer<typeof AnchorExpectation>;

export const Anchor = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'anchor ids are lowercase kebab-case'),
    label: z.string().min(1),
    source: SourceId,
    evidence: Evidence.default('verified'),
    reconstruction: z
      .boolean()
      .default(false)
      .describe(
        'true when the source does not publish its arithmetic and we rebuild it from stated reasoning',
      ),
    note: z.string().optional(),
    assumptions: MissionOverrides.describe("the anchor's own assumptions, as calculator inputs"),
    expect: AnchorExpectation,
  })
  .strict();
export type Anchor = z.infer<typeof Anchor>;

const PresenceMission = ForcePresence.shape.mission;

export const Archetype = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'archetype ids are lowercase kebab-case'),
    title: z.string().min(1),
    summary: z.string().min(1),
    sizing: Sizing,
    density: SourcedRange.optional().describe('per-km sizing: personnel per km of front'),
    formation: z.string().min(1).optional(),
    formationTroops: SourcedRange.optional().describe(
      'formation sizing: troops per formation, enablers included',
    ),
    troops: SourcedRange.optional().describe('fixed sizing: troops deployed'),
    aircraft: SourcedRange.optional(),
    ships: SourcedRange.optional(),
    presenceMissions: z
      .array(PresenceMission)
      .default([])
      .describe(
        'the scenario force missions (depth.forces[].mission) this archetype sizes as the requirement',
      ),
    anchors: z.array(Anchor).default([]),
  })
  .strict()
  .superRefine((a, ctx) => {
    const need = { 'per-km': 'density', formation: 'formationTroops', fixed: 'troops' } as const;
    const key = need[a.sizing];
    if (!a[key])
      ctx.addIssue({ code: 'custom', path: [key], message: `sizing '${a.sizing}' needs '${key}'` });
  });
export type Archetype = z.infer<typeof Archetype>;

export const ArchetypeFile = z.object({ archetypes: z.array(Archetype).min(1) }).strict();
