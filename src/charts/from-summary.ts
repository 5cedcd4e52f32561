// adapter from the engine's Summary histogram (equal-width bins over [p0.5, p99.5] with sample fractions) to a
// histogram chart

import type { Summary } from '../core/engine/summary.js';
import type { Histogram } from './histogram-chart.js';

export function fromSummaryHistogram(label: string, s: Pick<Summary, 'histogram'>): Histogram {
  const { edges, fractions } = s.histogram;
  return {
    label,
    bins: fractions.map((f, i) => ({ x0: edges[i]!, x1: edges[i + 1]!, count: f })),
  };
}
