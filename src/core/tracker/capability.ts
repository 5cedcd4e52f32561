// delivered aid -> a defender-capability index per year, for the deterrence model (docs/tracker.md, "Link to
// deterrence"). Deliveries build a stock that wears out (attrition, consumption) with a half-life; the index is
// that stock over the stock a reference flow of aid would sustain, so 1.0 means "as supplied as in 2022-2024".
import type { SourcedNumber } from '../schema/common.js';
import { addMonths } from './dates.js';
import type { LedgerPledge } from './ledger.js';
import { type MonthlyFlow, pledgeProgress } from './metrics.js';

export interface Delivery {
  on: string;
  valueEur?: number;
  quantity?: number;
  /** what was delivered, matched against unit values when there is no EUR value */
  item?: string;
  donor?: string;
}

export interface UnitValue {
  /** lower-case keywords; the first class whose keyword occurs in the item name prices it */
  keywords: string[];
  eur: SourcedNumber;
}

export interface CapabilityParams {
  /** years for a delivered euro's contribution to halve */
  halfLifeYears: SourcedNumber;
  /** EUR bn of military aid a year that defines index 1.0 */
  referenceFlowEurBn: SourcedNumber;
  unitValues: Record<string, UnitValue>;
}

const kiel = (value: number, note: string): SourcedNumber => ({
  value,
  source: 'kiel-ust-release-29',
  evidence: 'verified',
  note,
});

/** defaults: Kiel Release 29 (derived by us from its CSVs; test/e2e recomputes them) and our stated assumption */
export const DEFAULT_CAPABILITY_PARAMS: CapabilityParams = {
  halfLifeYears: {
    value: 3,
    source: 'guarantor-capability-method',
    evidence: 'unverified',
    note: 'assumption: ammunition is used within months, platforms last years under attrition; 3 years blends them',
  },
  referenceFlowEurBn: kiel(
    41.9,
    'mean annual military allocations of all donors, 2022-2024 (data_explorer.csv)',
  ),
  unitValues: {
    'air-defence': {
      keywords: ['air defense', 'air defence', 'patriot', 'iris-t', 'nasams', 'samp/t', 'hawk'],
      eur: kiel(75_137_397, 'Air Defense: EUR value / systems'),
    },
    mlrs: {
      keywords: ['mlrs', 'himars', 'm270', 'rocket launcher'],
      eur: kiel(10_319_886, 'MLRS: EUR value / systems'),
    },
    howitzer: {
      keywords: ['howitzer', 'pzh', 'caesar', 'm777', 'archer', 'krab', 'zuzana'],
      eur: kiel(4_830_801, 'Howitzers: EUR value / pieces'),
    },
    tank: {
      keywords: ['tank', 'leopard', 'abrams', 'challenger', 't-72'],
      eur: kiel(2_430_373, 'Tanks: EUR value / tanks'),
    },
    ifv: {
      keywords: ['ifv', 'bradley', 'marder', 'cv90', 'infantry fighting'],
      eur: kiel(1_474_994, 'IFV: EUR value / vehicles'),
    },
  },
};

export function unitValueFor(item: string | undefined, params: CapabilityParams): number | undefined {
  if (!item) return undefined;
  const name = item.toLowerCase();
  for (const u of Object.values(params.unitValues))
    if (u.keywords.some((k) => name.includes(k))) return u.eur.value;
  return undefined;
}

/** deliveries recorded in the ledger (military pledges' delivered events, dated) */
export function deliveriesFromLedger(pledges: LedgerPledge[]): Delivery[] {
  const out: Delivery[] = [];
  for (const p of pledges) {
    if (p.category !== 'military') continue;
    for (const e of p.events) {
      if (e.stage !== 'delivered' || !e.on) continue;
      out.push({
        on: e.on,
        ...(e.valueEur !== undefined ? { valueEur: e.valueEur } : {}),
        ...(e.quantity !== undefined ? { quantity: e.quantity } : {}),
        ...(p.item ? { item: p.item } : {}),
        donor: p.donor,
      });
    }
  }
  return out;
}

/**
 * open military pledges as planned deliveries (what the promise adds if kept): the remainder is placed at the due
 * date, or at asOf when already overdue. Pledges due on or before `coveredUntil` are left out: their period is
 * already in the delivered series (e.g. Kiel allocations), and counting them again would double count.
 */
export function plannedDeliveries(
  pledges: LedgerPledge[],
  opts: { asOf: string; coveredUntil?: string },
): Delivery[] {
  const out: Delivery[] = [];
  for (const p of pledges) {
    if (p.category !== 'military' || !p.dueOn) continue;
    if (opts.coveredUntil && p.dueOn <= opts.coveredUntil) continue;
    const pr = pledgeProgress(p);
    if (pr.complete) continue;
    const qty =
      pr.committedQty !== undefined ? Math.max(0, pr.committedQty - (pr.deliveredQty ?? 0)) : undefined;
    const value = pr.committedEur > 0 ? Math.max(0, pr.committedEur - pr.deliveredEur) : undefined;
    const on = [p.dueOn, opts.asOf].sort()[1]!;
    out.push({
      on,
      ...(value ? { valueEur: value } : {}),
      ...(qty ? { quantity: qty } : {}),
      ...(p.item ? { item: p.item } : {}),
      donor: p.donor,
    });
  }
  return out;
}

/** Kiel's monthly military allocations as a delivery proxy, mid-month (an upper bound: allocated is not delivered) */
export function deliveriesFromKiel(flows: MonthlyFlow[]): Delivery[] {
  return flows
    .filter((f) => f.measure === 'allocation' && f.aidType === 'military' && f.eurBn !== 0)
    .map((f) => ({ on: `${f.month}-15`, valueEur: f.eurBn * 1e9, donor: f.donor }));
}

/** the same deliveries N months later (negative: earlier) */
export function shiftDeliveries(deliveries: Delivery[], months: number): Delivery[] {
  return months === 0 ? deliveries : deliveries.map((d) => ({ ...d, on: addMonths(d.on, months) }));
}

export interface CapabilityYear {
  year: number;
  /** stock at 31 December, EUR bn */
  stockEurBn: number;
  /** stock / reference stock */
  index: number;
}

export interface CapabilitySeries {
  years: CapabilityYear[];
  /** deliveries with neither a value nor a priced item: listed, not counted */
  unvalued: number;
  params: CapabilityParams;
}

/** decayed delivered stock at the end of each year, relative to the steady stock of the reference flow */
export function capabilityByYear(
  deliveries: Delivery[],
  opts: { fromYear: number; toYear: number; shiftMonths?: number; params?: CapabilityParams },
): CapabilitySeries {
  const params = opts.params ?? DEFAULT_CAPABILITY_PARAMS;
  const h = params.halfLifeYears.value;
  const lambda = Math.LN2 / h;
  const refStock = params.referenceFlowEurBn.value / lambda;
  const valued: { t: number; eurBn: number }[] = [];
  let unvalued = 0;
  for (const d of shiftDeliveries(deliveries, opts.shiftMonths ?? 0)) {
    const unit = unitValueFor(d.item, params);
    const eur =
      d.valueEur ?? (d.quantity !== undefined && unit !== undefined ? d.quantity * unit : undefined);
    if (eur === undefined) {
      unvalued++;
      continue;
    }
    valued.push({ t: yearFraction(d.on), eurBn: eur / 1e9 });
  }
  const years: CapabilityYear[] = [];
  for (let y = opts.fromYear; y <= opts.toYear; y++) {
    const end = y + 1;
    let stock = 0;
    for (const v of valued) if (v.t <= end) stock += v.eurBn * Math.exp(-lambda * (end - v.t));
    years.push({ year: y, stockEurBn: stock, index: refStock > 0 ? stock / refStock : 0 });
  }
  return { years, unvalued, params };
}

/** 2024-07-02 -> 2024.5 (day resolution is plenty for yearly stocks) */
export function yearFraction(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const start = Date.UTC(y, 0, 1);
  const next = Date.UTC(y + 1, 0, 1);
  return y + (Date.UTC(y, m - 1, d) - start) / (next - start);
}
