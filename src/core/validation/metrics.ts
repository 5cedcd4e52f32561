// scores of probabilistic forecasts against binary outcomes: Brier, log loss, AUC, calibration bins, and the
// leave-one-out base rate. Forecasts here are P(event); callers pass P(attack), not P(no attack).

export interface Scored {
  /** forecast probability of the event, in [0, 1] */
  p: number;
  /** did the event happen */
  y: boolean;
}

const check = (xs: readonly Scored[]) => {
  for (const { p } of xs)
    if (!(p >= 0 && p <= 1)) throw new RangeError(`a forecast must be a probability in [0, 1], got ${p}`);
};

/** mean squared error of the forecasts: 0 perfect, 0.25 for always saying one half */
export function brier(xs: readonly Scored[]): number {
  check(xs);
  if (!xs.length) return Number.NaN;
  return xs.reduce((s, { p, y }) => s + (p - (y ? 1 : 0)) ** 2, 0) / xs.length;
}

/** mean negative log-likelihood (natural log); forecasts are clipped to [eps, 1 - eps] so one miss is finite */
export function logLoss(xs: readonly Scored[], eps = 1e-4): number {
  check(xs);
  if (!xs.length) return Number.NaN;
  return (
    xs.reduce((s, { p, y }) => {
      const q = Math.min(1 - eps, Math.max(eps, p));
      return s - Math.log(y ? q : 1 - q);
    }, 0) / xs.length
  );
}

/**
 * Area under the ROC curve: the probability that a random event case got a higher forecast than a random
 * non-event case, ties counting one half (the Mann-Whitney statistic). NaN when either class is empty.
 */
export function auc(xs: readonly Scored[]): number {
  check(xs);
  const pos = xs.filter((x) => x.y).map((x) => x.p);
  const neg = xs.filter((x) => !x.y).map((x) => x.p);
  if (!pos.length || !neg.length) return Number.NaN;
  let wins = 0;
  for (const a of pos) for (const b of neg) wins += a > b ? 1 : a === b ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}

/** the in-sample base rate forecast: every case gets the share of events */
export function baseRateBrier(xs: readonly Scored[]): number {
  const rate = xs.filter((x) => x.y).length / xs.length;
  return brier(xs.map((x) => ({ p: rate, y: x.y })));
}

/** leave-one-out base rate: each case gets the share of events among the others (the fair out-of-sample baseline) */
export function looBaseRate(xs: readonly Scored[]): Scored[] {
  const events = xs.filter((x) => x.y).length;
  const n = xs.length;
  if (n < 2) throw new RangeError('a leave-one-out base rate needs at least two cases');
  return xs.map((x) => ({ p: (events - (x.y ? 1 : 0)) / (n - 1), y: x.y }));
}

export interface CalibrationBin {
  /** bin edges [lo, hi); the last bin includes 1 */
  lo: number;
  hi: number;
  n: number;
  /** mean forecast in the bin (null when empty) */
  meanForecast: number | null;
  /** observed share of events in the bin (null when empty) */
  observed: number | null;
}

/** equal-width calibration bins over [0, 1] */
export function calibrationBins(xs: readonly Scored[], bins = 5): CalibrationBin[] {
  check(xs);
  if (!Number.isInteger(bins) || bins < 1)
    throw new RangeError(`bins must be a positive integer, got ${bins}`);
  const out: CalibrationBin[] = Array.from({ length: bins }, (_, i) => ({
    lo: i / bins,
    hi: (i + 1) / bins,
    n: 0,
    meanForecast: null,
    observed: null,
  }));
  const sums = Array.from({ length: bins }, () => ({ p: 0, y: 0 }));
  for (const { p, y } of xs) {
    const i = Math.min(bins - 1, Math.floor(p * bins));
    out[i]!.n++;
    sums[i]!.p += p;
    sums[i]!.y += y ? 1 : 0;
  }
  out.forEach((b, i) => {
    if (b.n) {
      b.meanForecast = sums[i]!.p / b.n;
      b.observed = sums[i]!.y / b.n;
    }
  });
  return out;
}

/**
 * Leave-one-out: for each case i, `choose` picks a model on all the others and `predict` forecasts case i with it.
 * Returns the held-out forecasts in case order and the model chosen for each fold.
 */
export function leaveOneOut<M>(
  n: number,
  choose: (train: readonly number[]) => M,
  predict: (model: M, held: number) => number,
): { forecasts: number[]; models: M[] } {
  const forecasts: number[] = [];
  const models: M[] = [];
  const all = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < n; i++) {
    const m = choose(all.filter((j) => j !== i));
    models.push(m);
    forecasts.push(predict(m, i));
  }
  return { forecasts, models };
}
