// the job manager: progress fan-out, final events, cancellation through the AbortSignal, the concurrency bound and
// retention (TTL and count) on an injected clock
import { describe, expect, it } from 'vitest';
import { GuarantorError } from '../core/errors.js';
import { type JobEvent, JobManager, type JobRun } from './jobs.js';

/** a run that reports `steps` progress events, waiting for `tick()` between them, and honours its signal */
function steppedRun(steps: number) {
  let next: () => void = () => undefined;
  const tick = () => next();
  const run: JobRun = async (signal, onProgress) => {
    for (let i = 1; i <= steps; i++) {
      await new Promise<void>((r, reject) => {
        next = r;
        const cancelled = () => reject(new GuarantorError('engine.cancelled', 'run cancelled'));
        if (signal.aborted) cancelled();
        signal.addEventListener('abort', cancelled);
      });
      onProgress({ done: i * 10, total: steps * 10 });
    }
    return { steps };
  };
  return { run, tick };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('JobManager', () => {
  it('fans progress and the result out to every subscriber, in order', async () => {
    const jobs = new JobManager({ newId: () => 'j1' });
    const { run, tick } = steppedRun(3);
    const job = jobs.start('simulate', 30, run);
    const a: JobEvent[] = [];
    const b: JobEvent[] = [];
    jobs.subscribe(job.id, (e) => a.push(e));
    jobs.subscribe(job.id, (e) => b.push(e));
    for (let i = 0; i < 3; i++) {
      await flush();
      tick();
    }
    await flush();
    await flush();
    expect(a).toEqual([
      { type: 'progress', done: 0, total: 30 },
      { type: 'progress', done: 10, total: 30 },
      { type: 'progress', done: 20, total: 30 },
      { type: 'progress', done: 30, total: 30 },
      { type: 'done', result: { steps: 3 } },
    ]);
    expect(b).toEqual(a);
    expect(jobs.get('j1')).toMatchObject({
      status: 'done',
      progress: { done: 30, total: 30 },
      result: { steps: 3 },
    });
    // a late subscriber gets the state and the end at once
    const late: JobEvent[] = [];
    jobs.subscribe('j1', (e) => late.push(e));
    expect(late.map((e) => e.type)).toEqual(['progress', 'done']);
  });

  it('cancels through the signal and reports cancelled, not failed', async () => {
    const jobs = new JobManager();
    const { run } = steppedRun(5);
    const job = jobs.start('stress', 50, run);
    const events: JobEvent[] = [];
    jobs.subscribe(job.id, (e) => events.push(e));
    await flush();
    const v = await jobs.cancel(job.id);
    expect(v?.status).toBe('cancelled');
    expect(events.at(-1)).toEqual({ type: 'cancelled' });
    expect(jobs.get(job.id)?.error).toBeUndefined();
    expect(await jobs.cancel('nope')).toBeUndefined();
  });

  it('reports failures with their code; unexpected errors become internal without their message', async () => {
    const logged: string[] = [];
    const jobs = new JobManager({ log: (t) => logged.push(t) });
    const a = jobs.start('simulate', 1, async () => {
      throw new GuarantorError('usage.samples', 'bad samples');
    });
    const b = jobs.start('simulate', 1, async () => {
      throw new Error('secret detail');
    });
    await flush();
    await flush();
    expect(jobs.get(a.id)).toMatchObject({
      status: 'failed',
      error: { code: 'usage.samples', message: 'bad samples' },
    });
    expect(jobs.get(b.id)).toMatchObject({
      status: 'failed',
      error: { code: 'internal', message: 'internal error' },
    });
    expect(logged.join('\n')).toContain('secret detail');
  });

  it('refuses a job beyond maxRunning with job.too-many', async () => {
    const jobs = new JobManager({ maxRunning: 1 });
    const { run } = steppedRun(2);
    const first = jobs.start('simulate', 20, run);
    expect(() => jobs.start('simulate', 20, run)).toThrow(expect.objectContaining({ code: 'job.too-many' }));
    await jobs.cancel(first.id);
    expect(() => jobs.start('simulate', 20, async () => 1)).not.toThrow();
  });

  it('forgets finished jobs after the TTL and keeps at most maxRetained', async () => {
    let now = 1_000_000;
    let n = 0;
    const jobs = new JobManager({ ttlMs: 60_000, maxRetained: 2, now: () => now, newId: () => `j${++n}` });
    for (let i = 0; i < 3; i++) {
      jobs.start('simulate', 1, async () => i);
      await flush();
      now += 1000;
    }
    expect(jobs.get('j1')).toBeUndefined(); // oldest beyond maxRetained
    expect(jobs.get('j2')?.status).toBe('done');
    now += 61_000;
    expect(jobs.get('j2')).toBeUndefined();
    expect(jobs.get('j3')).toBeUndefined();
  });
});
