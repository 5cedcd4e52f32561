/// <reference lib="webworker" />
// the Web Worker: keeps the bundle (actors, priors, source ids) and runs simulations off the main thread
import type { Diagnostic } from '../../../src/core/index.js';
import type { WorkerIn, WorkerOut } from './protocol';
import { type Prepared, prepareBundle, runRequest } from './run-in-worker';

declare const self: DedicatedWorkerGlobalScope;

let prepared: Prepared | undefined;
const running = new Map<number, AbortController>();
const post = (m: WorkerOut) => self.postMessage(m);

self.onmessage = async (ev: MessageEvent<WorkerIn>) => {
  const m = ev.data;
  if (m.type === 'bundle') {
    prepared = prepareBundle(m.bundle);
    return;
  }
  if (m.type === 'cancel') {
    running.get(m.id)?.abort();
    return;
  }
  if (!prepared) {
    post({
      type: 'error',
      id: m.id,
      error: { code: 'worker.no-bundle', message: 'the model data has not loaded yet', diagnostics: [] },
    });
    return;
  }
  const ac = new AbortController();
  running.set(m.id, ac);
  const t0 = performance.now();
  let lastProgress = 0;
  try {
    const result = await runRequest(prepared, m, {
      signal: ac.signal,
      onProgress: (done, total) => {
        const now = performance.now();
        if (now - lastProgress < 50 && done < total) return;
        lastProgress = now;
        post({ type: 'progress', id: m.id, done, total });
      },
    });
    post({ type: 'done', id: m.id, result, computeMs: performance.now() - t0 });
  } catch (e) {
    const err = e as Error & { code?: string; diagnostics?: Diagnostic[] };
    post({
      type: 'error',
      id: m.id,
      error: {
        code:
          err.name === 'AbortError' || ac.signal.aborted ? 'job.cancelled' : (err.code ?? 'worker.failed'),
        message: err.message,
        diagnostics: err.diagnostics ?? [],
      },
    });
  } finally {
    running.delete(m.id);
  }
};
