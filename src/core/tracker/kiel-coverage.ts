// how much Kiel recorded as allocated by a donor while an agreement deliverable ran: a link from the
// agreements to the tracker's allocations (allocation, not delivery; Kiel has no delivery dates)
import type { LedgerPledge } from './ledger.js';
import type { MonthlyFlow } from './metrics.js';

export interface KielCoverage {
  /** first and last month counted, YYYY-MM */
  from: string;
  to: string;
  aidType: 'military' | 'total';
  allocatedEur: number;
  /** allocated / pledged value */
  ratio: number | null;
  /** true when Kiel's data stops before the period ends */
  partial: boolean;
}

/**
 * the period runs from 1 January of the signing year to the due date: agreements signed in 2024 mostly state
 * "in 2024" amounts. Military deliverables compare with Kiel's military allocations, 'other' with the total.
 */
export function kielCoverage(p: LedgerPledge, flows: MonthlyFlow[]): KielCoverage | undefined {
  // only amounts compare with amounts: a count of aircraft is not a share of all military aid
  if (!p.dueOn || !p.valueEur || !(p.committedOn ?? p.announcedOn)) return undefined;
  const aidType = p.category === 'military' ? 'military' : p.category === 'other' ? 'total' : undefined;
  if (!aidType) return undefined;
  const from = `${(p.committedOn ?? p.announcedOn)!.slice(0, 4)}-01`;
  const to = p.dueOn.slice(0, 7);
  let allocatedEur = 0;
  let last = '';
  for (const f of flows) {
    if (f.donor !== p.donor || f.measure !== 'allocation' || f.aidType !== aidType) continue;
    if (f.month > last) last = f.month;
    if (f.month >= from && f.month <= to) allocatedEur += f.eurBn * 1e9;
  }
  if (!last) return undefined;
  return {
    from,
    to,
    aidType,
    allocatedEur,
    ratio: p.valueEur ? allocatedEur / p.valueEur : null,
    partial: last < to,
  };
}
