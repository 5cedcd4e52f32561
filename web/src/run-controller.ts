// one place that decides where a run happens: <= 20k samples in the Web Worker, larger ones on the server as a job
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Shock } from '../../src/core/index.js';
import { runOnServer, type ServerJob } from './jobs';
import { runInWorker, WORKER_MAX_SAMPLES } from './worker/client';
import type { RunKind, RunResult } from './worker/protocol';

export interface RunSpec {
  scenario: string;
  yaml: string;
  kind: RunKind;
  samples: number;
  seed: number;
  horizon?: number;
  shocks: Shock[];
  shockText: string[];
}

export type RunState =
  | { state: 'idle' }
  | { state: 'running'; where: 'worker' | 'server'; done: number; total: number }
  | { state: 'done'; where: 'worker' | 'server'; result: RunResult; ms: number; computeMs?: number }
  | { state: 'error'; error: unknown };

export const whereFor = (samples: number) => (samples <= WORKER_MAX_SAMPLES ? 'worker' : 'server');

export function useRun() {
  const [st, setSt] = useState<RunState>({ state: 'idle' });
  const current = useRef<{ abort: () => void } | null>(null);
  const seq = useRef(0);
  const run = useCallback(async (spec: RunSpec) => {
    current.current?.abort();
    const my = ++seq.current;
    const where = whereFor(spec.samples);
    const t0 = performance.now();
    const live = () => my === seq.current;
    setSt({
      state: 'running',
      where,
      done: 0,
      total: spec.kind === 'sensitivity' ? spec.samples * 2 : spec.samples,
    });
    const progress = (done: number, total: number) => {
      if (live()) setSt({ state: 'running', where, done, total });
    };
    try {
      if (where === 'worker') {
        const ac = new AbortController();
        current.current = { abort: () => ac.abort() };
        const r = await runInWorker(
          {
            kind: spec.kind,
            yaml: spec.yaml,
            samples: spec.samples,
            seed: spec.seed,
            ...(spec.horizon ? { horizon: spec.horizon } : {}),
            shocks: spec.shocks,
          },
          { signal: ac.signal, onProgress: progress },
        );
        if (live())
          setSt({ state: 'done', where, result: r.result, ms: r.roundTripMs, computeMs: r.computeMs });
      } else {
        const job: ServerJob = runOnServer(
          {
            scenario: spec.scenario,
            yaml: spec.yaml,
            kind: spec.kind,
            samples: spec.samples,
            seed: spec.seed,
            ...(spec.horizon ? { horizon: spec.horizon } : {}),
            shocks: spec.shockText,
          },
          progress,
        );
        current.current = { abort: () => void job.cancel().catch(() => undefined) };
        const result = await job.result;
        if (live()) setSt({ state: 'done', where, result, ms: performance.now() - t0 });
      }
    } catch (error) {
      if (live()) setSt({ state: 'error', error });
    } finally {
      if (live()) current.current = null;
    }
  }, []);
  const cancel = useCallback(() => current.current?.abort(), []);
  useEffect(() => () => current.current?.abort(), []);
  return { st, run, cancel };
}
