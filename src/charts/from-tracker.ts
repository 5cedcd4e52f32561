// adapters from the tracker's JSON (`track export --what monthly --json`, `track status --json`, metric groups of
// `track donor|agreement|export --what metrics --json`) to chart rows

import type { BarRow } from './bars-chart.js';
import type { TrackerRow } from './tracker-chart.js';

export interface MonthlyFlowJson {
  donor: string;
  month: string;
  aidType: string;
  measure: 'commitment' | 'allocation' | 'delivery' | string;
  eurBn: number;
}

/**
 * Cumulative committed / allocated / delivered per month from `track export --what monthly --json` (Kiel or the
 * ledger). Kiel rows carry an aid type 'total' next to its parts, so when it is present only the totals are summed
 * (no double counting); filter with `donor` / `aidType`. Delivered is left out when no row is a delivery (Kiel).
 */
export function fromMonthlyFlows(
  json: { rows: MonthlyFlowJson[] } | MonthlyFlowJson[],
  filter: { donor?: string; aidType?: string } = {},
): TrackerRow[] {
  const rows = (Array.isArray(json) ? json : json.rows).filter(
    (r) => !filter.donor || r.donor === filter.donor,
  );
  const hasTotal = rows.some((r) => r.aidType === 'total');
  const use = rows.filter((r) =>
    filter.aidType ? r.aidType === filter.aidType : hasTotal ? r.aidType === 'total' : true,
  );
  const months = [...new Set(use.map((r) => r.month))].sort();
  const per = new Map(months.map((m) => [m, { committed: 0, allocated: 0, delivered: 0 }]));
  for (const r of use) {
    const cur = per.get(r.month)!;
    if (r.measure === 'commitment') cur.committed += r.eurBn;
    else if (r.measure === 'allocation') cur.allocated += r.eurBn;
    else if (r.measure === 'delivery') cur.delivered += r.eurBn;
  }
  const anyDelivery = use.some((r) => r.measure === 'delivery');
  let c = 0;
  let a = 0;
  let d = 0;
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return months.map((m) => {
    const v = per.get(m)!;
    c += v.committed;
    a += v.allocated;
    d += v.delivered;
    return {
      month: m,
      committed: round(c),
      allocated: round(a),
      ...(anyDelivery ? { delivered: round(d) } : {}),
    };
  });
}

export interface TrackerStatusJson {
  donors: {
    donor: string;
    kielCommittedEurBn: number | null;
    kielAllocatedEurBn: number | null;
  }[];
}

/** Kiel committed vs allocated per donor, the `top` donors by commitment (default 15) */
export function fromTrackerStatus(json: TrackerStatusJson, o: { top?: number } = {}): BarRow[] {
  const donors = json.donors
    .filter((d) => typeof d.kielCommittedEurBn === 'number' || typeof d.kielAllocatedEurBn === 'number')
    .sort(
      (a, b) => (b.kielCommittedEurBn ?? 0) - (a.kielCommittedEurBn ?? 0) || a.donor.localeCompare(b.donor),
    )
    .slice(0, o.top ?? 15);
  return donors.flatMap((d) => [
    { label: d.donor, group: 'committed (Kiel)', value: d.kielCommittedEurBn ?? 0 },
    { label: d.donor, group: 'allocated (Kiel)', value: d.kielAllocatedEurBn ?? 0 },
  ]);
}

export interface MetricGroupJson {
  key: string;
  committedEurBn: number;
  allocatedEurBn: number;
  deliveredEurBn: number;
}

/** committed, allocated and delivered per group (category, agreement, donor) from the tracker's metric JSON */
export function fromMetricGroups(groups: MetricGroupJson[], o: { top?: number } = {}): BarRow[] {
  return groups.slice(0, o.top ?? 15).flatMap((g) => [
    { label: g.key, group: 'committed', value: g.committedEurBn },
    { label: g.key, group: 'allocated', value: g.allocatedEurBn },
    { label: g.key, group: 'delivered', value: g.deliveredEurBn },
  ]);
}
