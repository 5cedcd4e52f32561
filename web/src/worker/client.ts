// the page's side of the simulation worker: one worker per tab, the bundle fetched once (ETag-cached by the server)
import { ApiError, api } from '../api';
import type { Bundle, RunRequest, RunResult, WorkerOut } from './protocol';

/** runs above this size go to the server as a job with progress over SSE */
export const WORKER_MAX_SAMPLES = 20_000;

interface Pending {
  resolve: (r: { result: RunResult; computeMs: number; roundTripMs: number }) => void;
  reject: (e: unknown) => void;
  onProgress?: ((done: number, total: number) => void) | undefined;
  t0: number;
}

let worker: Worker | undefined;
let ready: Promise<Worker> | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

let bundle: Promise<Bundle> | undefined;

/** the model data (actors, priors, source ids), fetched once per page */
export function getBundle(): Promise<Bundle> {
  bundle ??= api.get<Bundle>('/api/bundle').catch((e) => {
    bundle = undefined;
    throw e;
  });
  return bundle;
}

function start(): Promise<Worker> {
  ready ??= getBundle().then(
    (bundle) => {
      worker = new Worker(new URL('./sim-worker.ts', import.meta.url), {
        type: 'module',
        name: 'guarantor-simulation',
      });
      worker.onmessage = (ev: MessageEvent<WorkerOut>) => {
        const m = ev.data;
        const p = pending.get(m.id);
        if (!p) return;
        if (m.type === 'progress') p.onProgress?.(m.done, m.total);
        else {
          pending.delete(m.id);
          if (m.type === 'done')
            p.resolve({ result: m.result, computeMs: m.computeMs, roundTripMs: performance.now() - p.t0 });
          else p.reject(new ApiError(0, m.error.code, m.error.message, m.error.diagnostics));
        }
      };
      worker.onerror = (ev) => {
        for (const [id, p] of pending) {
          pending.delete(id);
          p.reject(new ApiError(0, 'worker.crashed', ev.message || 'the simulation worker stopped'));
        }
      };
      worker.postMessage({ type: 'bundle', bundle });
      return worker;
    },
    (e) => {
      ready = undefined; // retry on the next run
      throw e;
    },
  );
  return ready;
}

export async function runInWorker(
  req: Omit<RunRequest, 'type' | 'id'>,
  opts: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ result: RunResult; computeMs: number; roundTripMs: number }> {
  const w = await start();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, onProgress: opts.onProgress, t0: performance.now() });
    opts.signal?.addEventListener('abort', () => w.postMessage({ type: 'cancel', id }), { once: true });
    w.postMessage({ type: 'run', id, ...req } satisfies RunRequest);
  });
}
