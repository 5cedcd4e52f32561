// pledge metrics: committed vs allocated vs delivered, fulfilment, timeliness, slippage, backlog and a forecast.
// Pure functions over ledger records; the store feeds them with one SQL query.
import { addMonths, monthOf, monthsBetween } from './dates.js';
import type { LedgerPledge, Stage } from './ledger.js';

/** how far each pledge has got, cumulatively: delivered implies allocated implies committed */
export interface PledgeProgress {
  committedEur: number;
  allocatedEur: number;
  deliveredEur: number;
  committedQty: number | undefined;
  deliveredQty: number | undefined;
  /** the date the delivered total first reached the pledge (by quantity, else value), if it did */
  completedOn: string | undefined;
  complete: boolean;
}

const sumStage = (p: LedgerPledge, stages: Stage[], f: 'valueEur' | 'quantity') =>
  p.events.filter((e) => stages.includes(e.stage)).reduce((s, e) => s + (e[f] ?? 0), 0);

export function pledgeProgress(p: LedgerPledge): PledgeProgress {
  const delivered = sumStage(p, ['delivered'], 'valueEur');
  const operational = sumStage(p, ['operational'], 'valueEur');
  const deliveredEur = Math.max(delivered, operational);
  const allocatedEur = Math.max(sumStage(p, ['allocated'], 'valueEur'), deliveredEur);
  const committedEur = Math.max(p.valueEur ?? 0, sumStage(p, ['committed'], 'valueEur'), allocatedEur);
  const dq = Math.max(sumStage(p, ['delivered'], 'quantity'), sumStage(p, ['operational'], 'quantity'));
  const committedQty = p.quantity ?? (sumStage(p, ['committed'], 'quantity') || undefined);
  const deliveredQty = p.events.some(
    (e) => (e.stage === 'delivered' || e.stage === 'operational') && e.quantity !== undefined,
  )
    ? dq
    : undefined;
  // walk deliveries in date order until the target is met
  const target = committedQty ?? (p.valueEur && p.valueEur > 0 ? p.valueEur : undefined);
  const byQty = committedQty !== undefined;
  let completedOn: string | undefined;
  if (target !== undefined) {
    const deliveries = p.events
      .filter((e) => e.stage === 'delivered' && e.on)
      .sort((a, b) => a.on!.localeCompare(b.on!));
    let acc = 0;
    for (const e of deliveries) {
      acc += (byQty ? e.quantity : e.valueEur) ?? 0;
      if (acc >= target - 1e-9) {
        completedOn = e.on;
        break;
      }
    }
  }
  return {
    committedEur,
    allocatedEur,
    deliveredEur,
    committedQty,
    deliveredQty,
    completedOn,
    complete: completedOn !== undefined,
  };
}

export interface Quantiles {
  n: number;
  mean: number | null;
  p10: number | null;
  p50: number | null;
  p90: number | null;
}

/** linear-interpolated quantiles (type 7, as R and numpy default) */
export function quantile(sorted: number[], q: number): number | null {
  if (!sorted.length) return null;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export function summarize(xs: number[]): Quantiles {
  const s = [...xs].sort((a, b) => a - b);
  return {
    n: s.length,
    mean: s.length ? s.reduce((a, b) => a + b, 0) / s.length : null,
    p10: quantile(s, 0.1),
    p50: quantile(s, 0.5),
    p90: quantile(s, 0.9),
  };
}

export interface Forecast {
  /** pledges still open that the forecast covers (those with a due date) */
  open: number;
  p10: string | null;
  p50: string | null;
  p90: string | null;
  /** where the spread comes from */
  basis: 'observed-slippage' | 'due-dates-only' | 'none';
}

export interface GroupMetrics {
  key: string;
  pledges: number;
  committedEur: number;
  allocatedEur: number;
  deliveredEur: number;
  /** delivered / committed by value; null when nothing was committed in EUR */
  fulfilment: number | null;
  backlogEur: number;
  /** pledges past due: on time / (on time + late); null when none is due yet */
  onTimeShare: number | null;
  due: number;
  onTime: number;
  late: number;
  /** months from due date to completion, over completed pledges that had a due date (negative = early) */
  slippageMonths: Quantiles;
  /** months overdue of open pledges already past due: a lower bound on their eventual slippage */
  overdueMonths: Quantiles;
  forecast: Forecast;
}

export interface MetricsOptions {
  /** the "today" of the analysis, YYYY-MM-DD */
  asOf: string;
  /** slippage sample to forecast from; defaults to the one observed in the whole ledger */
  slippage?: number[];
}

/**
 * the observed slippage sample: months from due date to completion of pledges that were completed. Open overdue
 * pledges are reported separately (overdueMonths) and not mixed in: "no delivery recorded" in a ledger fed by
 * partial sources is weaker evidence than a recorded late delivery.
 */
export function observedSlippage(pledges: LedgerPledge[]): number[] {
  const out: number[] = [];
  for (const p of pledges) {
    if (!p.dueOn) continue;
    const pr = pledgeProgress(p);
    if (pr.completedOn) out.push(monthsBetween(p.dueOn, pr.completedOn));
  }
  return out;
}

export function groupMetrics(key: string, pledges: LedgerPledge[], opts: MetricsOptions): GroupMetrics {
  let committedEur = 0;
  let allocatedEur = 0;
  let deliveredEur = 0;
  let onTime = 0;
  let late = 0;
  const slip: number[] = [];
  const overdue: number[] = [];
  const openWithDue: string[] = [];
  for (const p of pledges) {
    const pr = pledgeProgress(p);
    committedEur += pr.committedEur;
    allocatedEur += pr.allocatedEur;
    deliveredEur += pr.deliveredEur;
    if (!p.dueOn) continue;
    if (pr.completedOn) {
      slip.push(monthsBetween(p.dueOn, pr.completedOn));
      if (pr.completedOn <= p.dueOn) onTime++;
      else late++;
    } else {
      openWithDue.push(p.dueOn);
      if (p.dueOn < opts.asOf) {
        late++;
        overdue.push(monthsBetween(p.dueOn, opts.asOf));
      }
    }
  }
  return {
    key,
    pledges: pledges.length,
    committedEur,
    allocatedEur,
    deliveredEur,
    fulfilment: committedEur > 0 ? deliveredEur / committedEur : null,
    backlogEur: Math.max(0, committedEur - deliveredEur),
    onTimeShare: onTime + late > 0 ? onTime / (onTime + late) : null,
    due: onTime + late,
    onTime,
    late,
    slippageMonths: summarize(slip),
    overdueMonths: summarize(overdue),
    forecast: forecastCompletion(openWithDue, opts.slippage ?? observedSlippage(pledges), opts.asOf),
  };
}

/**
 * completion date of all open pledges: each finishes at due + s, s drawn from the slippage sample, never before
 * asOf. Quantiles of the group are the latest pledge's quantiles (perfectly correlated delays, the cautious
 * reading: one donor's delays tend to share causes).
 */
export function forecastCompletion(openDue: string[], slippage: number[], asOf: string): Forecast {
  if (!openDue.length) return { open: 0, p10: null, p50: null, p90: null, basis: 'none' };
  const s = [...slippage].sort((a, b) => a - b);
  const at = (q: number) => {
    const shift = s.length ? quantile(s, q)! : 0;
    let latest = '';
    for (const due of openDue) {
      const d = addMonths(due, shift);
      const eff = d < asOf ? asOf : d;
      if (eff > latest) latest = eff;
    }
    return latest;
  };
  return {
    open: openDue.length,
    p10: at(0.1),
    p50: at(0.5),
    p90: at(0.9),
    basis: s.length ? 'observed-slippage' : 'due-dates-only',
  };
}

export type GroupBy = 'donor' | 'category' | 'instrument' | 'month';

/** the group a pledge falls in; by month it is the month of its first commitment or announcement */
export function groupKey(p: LedgerPledge, by: GroupBy): string {
  switch (by) {
    case 'donor':
      return p.donor;
    case 'category':
      return p.category;
    case 'instrument':
      return p.instrumentKey ?? '(none)';
    case 'month': {
      const d = p.committedOn ?? p.announcedOn ?? p.events.find((e) => e.on)?.on;
      return d ? monthOf(d) : '(undated)';
    }
  }
}

export function metricsBy(pledges: LedgerPledge[], by: GroupBy, opts: MetricsOptions): GroupMetrics[] {
  const groups = new Map<string, LedgerPledge[]>();
  for (const p of pledges) {
    const k = groupKey(p, by);
    const g = groups.get(k);
    if (g) g.push(p);
    else groups.set(k, [p]);
  }
  // one slippage sample for the whole ledger: single groups rarely have enough history of their own
  const slippage = opts.slippage ?? observedSlippage(pledges);
  return [...groups.entries()]
    .map(([k, g]) => groupMetrics(k, g, { ...opts, slippage }))
    .sort((a, b) =>
      by === 'month'
        ? a.key.localeCompare(b.key)
        : b.committedEur - a.committedEur || a.key.localeCompare(b.key),
    );
}

export interface MonthlyFlow {
  donor: string;
  month: string;
  aidType: string;
  measure: 'commitment' | 'allocation' | 'delivery';
  eurBn: number;
}

/** event values per donor, month, aid type and stage, in EUR bn (the ledger's own monthly series) */
export function ledgerMonthlyFlows(pledges: LedgerPledge[]): MonthlyFlow[] {
  const acc = new Map<string, MonthlyFlow>();
  const measureOf: Partial<Record<Stage, MonthlyFlow['measure']>> = {
    committed: 'commitment',
    allocated: 'allocation',
    delivered: 'delivery',
  };
  for (const p of pledges) {
    for (const e of p.events) {
      const measure = measureOf[e.stage];
      if (!measure || !e.on || e.valueEur === undefined) continue;
      const month = monthOf(e.on);
      const k = `${p.donor}|${month}|${p.category}|${measure}`;
      const cur = acc.get(k) ?? { donor: p.donor, month, aidType: p.category, measure, eurBn: 0 };
      cur.eurBn += e.valueEur / 1e9;
      acc.set(k, cur);
    }
  }
  return [...acc.values()].sort(
    (a, b) =>
      a.donor.localeCompare(b.donor) ||
      a.month.localeCompare(b.month) ||
      a.aidType.localeCompare(b.aidType) ||
      a.measure.localeCompare(b.measure),
  );
}
