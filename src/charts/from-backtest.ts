// adapters from `backtest --json` to chart rows

import type { BacktestReport } from '../core/validation/backtest.js';
import type { CalibrationRow } from './calibration-chart.js';
import { binValues, type Histogram } from './histogram-chart.js';

/** the parts of `backtest --json` (the core's BacktestReport) the charts read */
export type BacktestJson = Pick<BacktestReport, 'calibrationTable'> & {
  cases?: { pNoAttackHeldOut?: number | null }[];
};

const pctLabel = (x: number) => `${Math.round(x * 100)}`;

/** the calibration table's non-empty bins (forecasts and outcomes are of P(attack)) */
export function fromBacktest(json: BacktestJson): CalibrationRow[] {
  return json.calibrationTable
    .filter((b) => b.n > 0 && typeof b.meanForecast === 'number' && typeof b.observed === 'number')
    .map((b) => ({
      bin: `${pctLabel(b.lo)}-${pctLabel(b.hi)}%`,
      predicted: b.meanForecast as number,
      observed: b.observed as number,
      n: b.n,
    }));
}

/** the held-out forecasts of P(attack) across the historical cases, in ten bins of 0-100% */
export function backtestForecastHistogram(json: BacktestJson): Histogram {
  const values = (json.cases ?? [])
    .map((c) => c.pNoAttackHeldOut)
    .filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
    .map((p) => 1 - p);
  return binValues('held-out forecast P(attack), per case', values, { bins: 10, domain: [0, 1] });
}
