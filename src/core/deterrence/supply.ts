// military supply as a delivered-capability index per model year, through the tracker's capability link
// (src/core/tracker/capability.ts): a sustained aid flow and dated military pledges become deliveries, a delivery
// slip shifts them, and the tracker turns them into a decaying stock relative to the 2022-2024 reference flow.

import type { Pledge } from '../schema/instrument.js';
import {
  capabilityByYear,
  DEFAULT_CAPABILITY_PARAMS,
  type Delivery,
  unitValueFor,
  yearFraction,
} from '../tracker/capability.js';
import { addMonths } from '../tracker/dates.js';

/** YYYY, YYYY-MM or YYYY-MM-DD -> a full date (mid-period for partial dates) */
export function fullDate(d: string): string {
  if (/^\d{4}$/.test(d)) return `${d}-07-01`;
  if (/^\d{4}-\d{2}$/.test(d)) return `${d}-15`;
  return d;
}

/** an index and the EUR bn delivered, per model year (year 0 = the calendar year of the ceasefire) */
export interface SupplyCurve {
  index: number[];
  aidEurBn: number[];
}

/** deliveries of a sustained flow of `eurBnPerYear`, monthly from `start` for `years` years */
export function flowDeliveries(start: string, years: number, eurBnPerYear: number): Delivery[] {
  const out: Delivery[] = [];
  const s = fullDate(start);
  for (let m = 0; m < years * 12; m++) out.push({ on: addMonths(s, m), valueEur: (eurBnPerYear * 1e9) / 12 });
  return out;
}

/**
 * Dated deliveries a military pledge promises: its schedule, else spread monthly over its period (per year if
 * perYear), else on its due date, else a year after the ceasefire. Money is converted with `eurPer`; quantities are
 * priced by the tracker's unit values. Returns [] for non-military pledges or ones we cannot value.
 */
export function pledgeDeliveries(p: Pledge, asOf: string, eurPer: Record<string, number>): Delivery[] {
  if (p.category !== 'military') return [];
  const rate = p.money ? eurPer[p.money.currency] : undefined;
  const scale = p.money ? { unit: 1, million: 1e6, billion: 1e9 }[p.money.scale] : 1;
  const totalEur = p.money && rate ? (p.money.amount * scale) / rate : undefined;
  const base = { ...(p.item ? { item: p.item } : {}), donor: p.actor };
  if (p.schedule.length) {
    return p.schedule.map((s) => ({
      on: fullDate(s.due),
      ...base,
      ...(s.amount !== undefined && rate ? { valueEur: (s.amount * scale) / rate } : {}),
      ...(s.quantity !== undefined ? { quantity: s.quantity } : {}),
    }));
  }
  if (p.period) {
    const from = fullDate(p.period.from);
    const to = fullDate(p.period.to);
    const months = Math.max(1, Math.round(monthsApart(from, to)) + 1);
    const years = months / 12;
    const eur = totalEur === undefined ? undefined : p.money?.perYear ? totalEur * years : totalEur;
    const qty = p.quantity;
    return Array.from({ length: months }, (_, m) => ({
      on: addMonths(from, m),
      ...base,
      ...(eur !== undefined ? { valueEur: eur / months } : {}),
      ...(qty !== undefined ? { quantity: qty / months } : {}),
    }));
  }
  const on = p.due ? fullDate(p.due) : addMonths(fullDate(asOf), 12);
  return [
    {
      on,
      ...base,
      ...(totalEur !== undefined ? { valueEur: totalEur } : {}),
      ...(p.quantity !== undefined ? { quantity: p.quantity } : {}),
    },
  ];
}

function monthsApart(a: string, b: string): number {
  return (yearFraction(b) - yearFraction(a)) * 12;
}

/**
 * The capability index per model year for these deliveries, slipped by `slipMonths`. A slip only ever delays: the
 * index is the lower of the slipped and on-time curves, because a late delivery's fresher stock is not a gain we
 * want a stress test to reward. Aid per year follows the slipped dates.
 */
export function supplyCurve(
  deliveries: Delivery[],
  asOf: string,
  years: number,
  slipMonths = 0,
): SupplyCurve {
  const fromYear = Number(fullDate(asOf).slice(0, 4));
  const toYear = fromYear + years - 1;
  const onTime = capabilityByYear(deliveries, { fromYear, toYear });
  const slipped =
    slipMonths > 0 ? capabilityByYear(deliveries, { fromYear, toYear, shiftMonths: slipMonths }) : onTime;
  const index = onTime.years.map((y, t) => Math.min(y.index, slipped.years[t]!.index));
  const aidEurBn = new Array<number>(years).fill(0);
  for (const d of deliveries) {
    const y = Number(addMonths(d.on, slipMonths).slice(0, 4)) - fromYear;
    if (y < 0 || y >= years) continue;
    const unit = unitValueFor(d.item, DEFAULT_CAPABILITY_PARAMS);
    const eur = d.valueEur ?? (d.quantity !== undefined && unit !== undefined ? d.quantity * unit : 0);
    aidEurBn[y]! += eur / 1e9;
  }
  return { index, aidEurBn };
}

/** the tracker's reference flow (index 1.0), EUR bn a year */
export const REFERENCE_FLOW_EUR_BN = DEFAULT_CAPABILITY_PARAMS.referenceFlowEurBn.value;
