// the ledger's records as imports produce them and metrics consume them (zod: the single source of the types)
import { z } from 'zod';
import { Evidence } from '../schema/source.js';

/** the pipeline a pledge moves through; Kiel's two measures map onto 'committed' and 'allocated' */
export const Stage = z.enum(['announced', 'committed', 'allocated', 'delivered', 'operational']);
export type Stage = z.infer<typeof Stage>;
export const STAGES = Stage.options;

export const Category = z.enum(['military', 'financial', 'humanitarian', 'other']);
export type Category = z.infer<typeof Category>;

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const LedgerEvent = z
  .object({
    stage: Stage,
    on: IsoDay.optional(),
    quantity: z.number().nonnegative().optional(),
    /** negative only for Kiel's downward corrections */
    valueEur: z.number().optional(),
    source: z.string().optional(),
    note: z.string().optional(),
  })
  .strict();
export type LedgerEvent = z.infer<typeof LedgerEvent>;

export const LedgerPledge = z
  .object({
    key: z.string().min(1),
    donor: z.string().min(1),
    instrumentKey: z.string().optional(),
    category: Category,
    item: z.string().optional(),
    quantity: z.number().nonnegative().optional(),
    unit: z.string().optional(),
    value: z.number().nonnegative().optional(),
    currency: z.string().optional(),
    valueEur: z.number().nonnegative().optional(),
    announcedOn: IsoDay.optional(),
    committedOn: IsoDay.optional(),
    dueOn: IsoDay.optional(),
    sourceId: z.string().optional(),
    evidence: Evidence.default('verified'),
    note: z.string().optional(),
    events: z.array(LedgerEvent),
  })
  .strict();
export type LedgerPledge = z.infer<typeof LedgerPledge>;

/** one donor-month of Kiel's data explorer, EUR bn */
export interface KielMonth {
  key: string;
  donor: string;
  iso: string | undefined;
  month: string;
  total: number;
  financial: number;
  humanitarian: number;
  military: number;
  commitments: number | undefined;
  toBeAllocated: number | undefined;
  gdp: number | undefined;
  pctGdp: number | undefined;
}

/** one donor x heavy-weapon category of Kiel's weapons table */
export interface KielWeapon {
  key: string;
  donor: string;
  category: string;
  count: number;
  valueEur: number | undefined;
  items: string | undefined;
}

export interface InstrumentRecord {
  key: string;
  kind: string;
  donor: string;
  title: string;
  signedOn: string | undefined;
  durationYears: number | undefined;
  sourceId: string;
  evidence: Evidence;
  note: string | undefined;
}
