// the chart builders (Observable Plot) and their adapters; browser-safe. Node callers add render-svg.ts.

export { type AttributionRow, attributionChart } from './attribution-chart.js';
export { type BarRow, type BarsOptions, barsChart } from './bars-chart.js';
export { type CalibrationOptions, type CalibrationRow, calibrationChart } from './calibration-chart.js';
export { type ChartOptions, DEFAULT_WIDTH } from './chart-options.js';
export { type BacktestJson, backtestForecastHistogram, fromBacktest } from './from-backtest.js';
export {
  fromAttribution,
  fromSimulationReport,
  fromStressReport,
  fromTornado,
  survivalFromStressReport,
} from './from-deterrence.js';
export { fromSummaryHistogram } from './from-summary.js';
export {
  fromMetricGroups,
  fromMonthlyFlows,
  fromTrackerStatus,
  type MetricGroupJson,
  type MonthlyFlowJson,
  type TrackerStatusJson,
} from './from-tracker.js';
export {
  binValues,
  type Histogram,
  type HistogramBin,
  type HistogramOptions,
  histogramChart,
} from './histogram-chart.js';
export { PALETTE, seriesColor } from './palette.js';
export { serializeSvg, svgDataUrl } from './serialize-svg.js';
export { type StressRow, stressChart } from './stress-chart.js';
export { type SurvivalPoint, type SurvivalSeries, survivalChart } from './survival-chart.js';
export { type TornadoRow, tornadoChart } from './tornado-chart.js';
export { type TrackerRow, trackerChart } from './tracker-chart.js';
