// one deterrence run of a kind (simulate, stress, sensitivity) with monotone progress over its passes: shared by
// the CLI, the HTTP API and the browser's Web Worker, so all three give the same numbers and the same progress

import type { Progress } from '../engine/run.js';
import { attribution, shapleySampleBudget, tornado } from './sensitivity.js';
import { type DeterrenceSetup, type RunOptions, simulate, stress } from './simulate.js';
import type { ShockEffects } from './structure.js';

export const DETERRENCE_KINDS = ['simulate', 'stress', 'sensitivity'] as const;
export type DeterrenceKind = (typeof DETERRENCE_KINDS)[number];

/** progress over several passes as one monotone {done, total}: a pass restarts when its count drops */
export function passProgress(total: number, onProgress: (p: { done: number; total: number }) => void) {
  let offset = 0;
  let last = 0;
  let lastTotal = 0;
  return (p: Progress) => {
    if (p.done <= last && lastTotal > 0) {
      offset += lastTotal;
    }
    last = p.done;
    lastTotal = p.total;
    onProgress({ done: Math.min(total, offset + p.done), total });
  };
}

/** samples a run of this kind processes in all (sensitivity: tornado, attribution and Shapley passes) */
export function totalSamples(kind: DeterrenceKind, setup: DeterrenceSetup, samples: number): number {
  if (kind !== 'sensitivity') return samples;
  const st = setup.prepared.structure;
  const n = st.instruments.length;
  return 2 * samples + (n <= 12 ? shapleySampleBudget(n, st.horizon, st.commitments.length, samples) : 0);
}

/**
 * One deterrence run of `kind`, returning what `guarantor <kind> --json` prints: a SimulationReport, a StressReport
 * ({baseline, tests}) or {tornado, attribution}.
 */
export async function runDeterrence(
  kind: DeterrenceKind,
  setup: DeterrenceSetup,
  o: RunOptions & { declared?: ShockEffects[]; extra?: ShockEffects },
): Promise<unknown> {
  const run: RunOptions = {
    samples: o.samples,
    seed: o.seed,
    ...(o.executor ? { executor: o.executor } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
  };
  if (kind === 'simulate') return simulate(setup, { ...run, ...(o.extra ? { shocks: o.extra } : {}) });
  if (kind === 'stress') return stress(setup, [...(o.declared ?? []), ...(o.extra ? [o.extra] : [])], run);
  const t = await tornado(setup, run);
  const a = await attribution(setup, run);
  return { tornado: t, attribution: a };
}
