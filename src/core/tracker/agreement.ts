// the bilateral security agreements (data/agreements/bilateral.yaml): stated deliverables become pledges
import { z } from 'zod';
import { IsoDate } from '../schema/common.js';
import { Evidence, SourceId } from '../schema/source.js';
import { lookupDonor } from './donors.js';
import { Category, type InstrumentRecord, type LedgerPledge } from './ledger.js';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD');

export const Deliverable = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'deliverable ids are lowercase kebab-case'),
    category: Category,
    summary: z.string().min(1).describe('what was promised, in our words'),
    item: z.string().optional(),
    quantity: z.number().nonnegative().optional(),
    unit: z.string().optional(),
    value: z.number().nonnegative().optional().describe('amount in `currency`'),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
    valueEur: z
      .number()
      .nonnegative()
      .optional()
      .describe('EUR equivalent; for other currencies give rateSource'),
    rateSource: SourceId.optional().describe('the exchange-rate source used for valueEur'),
    due: Day.optional().describe('the date by which the deliverable is due (end of the stated period)'),
    source: SourceId,
    evidence: Evidence,
    deliveries: z
      .array(
        z
          .object({
            stage: z.enum(['allocated', 'delivered', 'operational']),
            on: Day,
            quantity: z.number().nonnegative().optional(),
            valueEur: z.number().nonnegative().optional(),
            source: SourceId,
            evidence: Evidence,
            note: z.string().optional(),
          })
          .strict(),
      )
      .default([]),
    note: z.string().optional(),
  })
  .strict()
  .refine(
    (d) => d.currency === undefined || d.currency === 'EUR' || d.valueEur === undefined || d.rateSource,
    {
      message: 'a non-EUR amount with valueEur needs rateSource',
      path: ['rateSource'],
    },
  );
export type Deliverable = z.infer<typeof Deliverable>;

export const Agreement = z
  .object({
    id: z.string().regex(/^bsa-[a-z]{3}-\d{4}$/, "agreement ids look like 'bsa-bel-2024'"),
    partner: z.string().min(1).describe('donor name as the tracker spells it'),
    title: z.string().min(1),
    signed: IsoDate.optional(),
    signedEvidence: Evidence.default('verified'),
    durationYears: z.number().int().positive().optional(),
    source: SourceId,
    evidence: Evidence,
    deliverables: z.array(Deliverable).default([]),
    note: z.string().optional(),
  })
  .strict();
export type Agreement = z.infer<typeof Agreement>;

export const AgreementFile = z.object({ agreements: z.array(Agreement) }).strict();

/** donor names must resolve; returns messages for those that do not */
export function checkAgreementDonors(list: Agreement[]): { index: number; message: string }[] {
  const out: { index: number; message: string }[] = [];
  list.forEach((a, index) => {
    const hit = lookupDonor(a.partner);
    if (!hit.ok)
      out.push({
        index,
        message: `unknown partner '${a.partner}'${hit.suggestion ? `; did you mean '${hit.suggestion}'?` : ''}`,
      });
  });
  return out;
}

export function agreementInstrument(a: Agreement): InstrumentRecord {
  const donor = lookupDonor(a.partner);
  return {
    key: a.id,
    kind: 'bilateral-security-agreement',
    donor: donor.ok ? donor.donor.name : a.partner,
    title: a.title,
    signedOn: a.signed && a.signed.length === 10 ? a.signed : undefined,
    durationYears: a.durationYears,
    sourceId: a.source,
    evidence: a.signedEvidence === 'verified' ? a.evidence : a.signedEvidence,
    note: a.note,
  };
}

/** each deliverable is a pledge committed on the signing date, with any recorded deliveries as events */
export function agreementPledges(a: Agreement): LedgerPledge[] {
  const donor = lookupDonor(a.partner);
  const name = donor.ok ? donor.donor.name : a.partner;
  const signed = a.signed && a.signed.length === 10 ? a.signed : undefined;
  return a.deliverables.map((d) => ({
    key: `agr:${a.id}:${d.id}`,
    donor: name,
    instrumentKey: a.id,
    category: d.category,
    ...(d.item ? { item: d.item } : {}),
    ...(d.quantity !== undefined ? { quantity: d.quantity } : {}),
    ...(d.unit ? { unit: d.unit } : {}),
    ...(d.value !== undefined ? { value: d.value, currency: d.currency ?? 'EUR' } : {}),
    ...(d.valueEur !== undefined
      ? { valueEur: d.valueEur }
      : d.value !== undefined && (d.currency ?? 'EUR') === 'EUR'
        ? { valueEur: d.value }
        : {}),
    ...(signed ? { announcedOn: signed, committedOn: signed } : {}),
    ...(d.due ? { dueOn: d.due } : {}),
    sourceId: d.source,
    evidence: d.evidence,
    note: d.summary + (d.note ? ` ${d.note}` : ''),
    events: [
      {
        stage: 'committed' as const,
        ...(signed ? { on: signed } : {}),
        ...(d.quantity !== undefined ? { quantity: d.quantity } : {}),
        ...(d.valueEur !== undefined
          ? { valueEur: d.valueEur }
          : d.value !== undefined && (d.currency ?? 'EUR') === 'EUR'
            ? { valueEur: d.value }
            : {}),
        source: d.source,
      },
      ...d.deliveries.map((e) => ({
        stage: e.stage,
        on: e.on,
        ...(e.quantity !== undefined ? { quantity: e.quantity } : {}),
        ...(e.valueEur !== undefined ? { valueEur: e.valueEur } : {}),
        source: e.source,
        ...(e.note ? { note: e.note } : {}),
      })),
    ],
  }));
}
