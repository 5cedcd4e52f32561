// simulation jobs: each runs with its own AbortController and reports {done, total}; listeners (SSE streams) get
// progress and the final event. Bounded: at most `maxRunning` at once, at most `maxRetained` finished jobs kept, each
// for `ttlMs` after it finished.

import { GuarantorError } from '../core/errors.js';

export type JobStatus = 'running' | 'done' | 'failed' | 'cancelled';

export type JobEvent =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: unknown }
  | { type: 'failed'; error: { code: string; message: string } }
  | { type: 'cancelled' };

export interface JobView {
  id: string;
  kind: string;
  status: JobStatus;
  progress: { done: number; total: number };
  createdAt: string;
  finishedAt?: string;
  result?: unknown;
  error?: { code: string; message: string };
}

interface Job {
  id: string;
  kind: string;
  status: JobStatus;
  done: number;
  total: number;
  createdAt: number;
  finishedAt?: number;
  result?: unknown;
  error?: { code: string; message: string };
  controller: AbortController;
  listeners: Set<(e: JobEvent) => void>;
  settled: Promise<void>;
}

export interface JobManagerOptions {
  maxRunning?: number;
  maxRetained?: number;
  ttlMs?: number;
  now?: () => number;
  newId?: () => string;
  /** unexpected failures, with their stack, for the server's log */
  log?: (text: string) => void;
}

export type JobRun = (
  signal: AbortSignal,
  onProgress: (p: { done: number; total: number }) => void,
) => Promise<unknown>;

export class JobManager {
  private readonly jobs = new Map<string, Job>();
  private readonly maxRunning: number;
  private readonly maxRetained: number;
  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly log: (text: string) => void;

  constructor(o: JobManagerOptions = {}) {
    this.maxRunning = o.maxRunning ?? 2;
    this.maxRetained = o.maxRetained ?? 50;
    this.ttlMs = o.ttlMs ?? 10 * 60_000;
    this.now = o.now ?? Date.now;
    this.newId = o.newId ?? (() => globalThis.crypto.randomUUID());
    this.log = o.log ?? (() => undefined);
  }

  get running(): number {
    return [...this.jobs.values()].filter((j) => j.status === 'running').length;
  }

  /** starts a job now, or throws job.too-many when `maxRunning` jobs are running */
  start(kind: string, total: number, run: JobRun): JobView {
    this.prune();
    if (this.running >= this.maxRunning)
      throw new GuarantorError(
        'job.too-many',
        `${this.maxRunning} simulations are already running; wait for one to finish or cancel one`,
      );
    const job: Job = {
      id: this.newId(),
      kind,
      status: 'running',
      done: 0,
      total,
      createdAt: this.now(),
      controller: new AbortController(),
      listeners: new Set(),
      settled: Promise.resolve(),
    };
    this.jobs.set(job.id, job);
    const emit = (e: JobEvent) => {
      for (const l of [...job.listeners]) l(e);
    };
    job.settled = (async () => {
      // a tick first, so a caller can subscribe before the first progress event
      await Promise.resolve();
      try {
        if (job.controller.signal.aborted) throw new GuarantorError('engine.cancelled', 'run cancelled');
        const result = await run(job.controller.signal, (p) => {
          if (job.status !== 'running') return;
          job.done = p.done;
          job.total = p.total;
          emit({ type: 'progress', done: p.done, total: p.total });
        });
        if (job.controller.signal.aborted) throw new GuarantorError('engine.cancelled', 'run cancelled');
        job.status = 'done';
        job.result = result;
        job.done = job.total;
      } catch (e) {
        if (job.controller.signal.aborted) job.status = 'cancelled';
        else {
          job.status = 'failed';
          job.error =
            e instanceof GuarantorError
              ? { code: e.code, message: e.message }
              : { code: 'internal', message: 'internal error' };
          if (!(e instanceof GuarantorError))
            this.log(`job ${job.id} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        }
      }
      job.finishedAt = this.now();
      const final: JobEvent =
        job.status === 'done'
          ? { type: 'done', result: job.result }
          : job.status === 'failed'
            ? { type: 'failed', error: job.error! }
            : { type: 'cancelled' };
      emit(final);
      job.listeners.clear();
      this.prune();
    })();
    return this.view(job);
  }

  get(id: string): JobView | undefined {
    this.prune();
    const j = this.jobs.get(id);
    return j ? this.view(j) : undefined;
  }

  /** the current state as the first event, then every event until the job ends; returns unsubscribe */
  subscribe(id: string, listener: (e: JobEvent) => void): (() => void) | undefined {
    const j = this.jobs.get(id);
    if (!j) return undefined;
    listener({ type: 'progress', done: j.done, total: j.total });
    if (j.status !== 'running') {
      listener(
        j.status === 'done'
          ? { type: 'done', result: j.result }
          : j.status === 'failed'
            ? { type: 'failed', error: j.error! }
            : { type: 'cancelled' },
      );
      return () => undefined;
    }
    j.listeners.add(listener);
    return () => j.listeners.delete(listener);
  }

  /** aborts a running job; resolves once it has stopped. Finished jobs are left as they are */
  async cancel(id: string): Promise<JobView | undefined> {
    const j = this.jobs.get(id);
    if (!j) return undefined;
    if (j.status === 'running') {
      j.controller.abort();
      await j.settled;
    }
    return this.view(j);
  }

  /** cancels every running job (shutdown) */
  async cancelAll(): Promise<void> {
    await Promise.all(
      [...this.jobs.values()].filter((j) => j.status === 'running').map((j) => this.cancel(j.id)),
    );
  }

  private view(j: Job): JobView {
    return {
      id: j.id,
      kind: j.kind,
      status: j.status,
      progress: { done: j.done, total: j.total },
      createdAt: new Date(j.createdAt).toISOString(),
      ...(j.finishedAt !== undefined ? { finishedAt: new Date(j.finishedAt).toISOString() } : {}),
      ...(j.status === 'done' ? { result: j.result } : {}),
      ...(j.error ? { error: j.error } : {}),
    };
  }

  /** drops finished jobs past their TTL, then the oldest finished ones beyond maxRetained */
  private prune(): void {
    const now = this.now();
    const finished = [...this.jobs.values()].filter((j) => j.status !== 'running');
    for (const j of finished) if (now - (j.finishedAt ?? now) > this.ttlMs) this.jobs.delete(j.id);
    const left = finished
      .filter((j) => this.jobs.has(j.id))
      .sort((a, b) => (a.finishedAt ?? 0) - (b.finishedAt ?? 0));
    for (const j of left.slice(0, Math.max(0, left.length - this.maxRetained))) this.jobs.delete(j.id);
  }
}
