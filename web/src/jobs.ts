// large runs on the server: POST /api/simulate starts a job, its progress arrives over server-sent events,
// DELETE /api/jobs/:id cancels it
import { ApiError, api, enc } from './api';
import type { RunKind, RunResult } from './worker/protocol';

export interface ServerRunBody {
  scenario: string;
  yaml?: string;
  kind: RunKind;
  samples: number;
  seed: number;
  horizon?: number;
  shocks: string[];
}

export interface ServerJob {
  id: Promise<string>;
  result: Promise<RunResult>;
  cancel: () => Promise<void>;
}

export function runOnServer(
  body: ServerRunBody,
  onProgress: (done: number, total: number) => void,
): ServerJob {
  let source: EventSource | undefined;
  const id = api.post<{ jobId: string }>('/api/simulate', body).then((r) => r.jobId);
  const result = id.then(
    (jobId) =>
      new Promise<RunResult>((resolve, reject) => {
        source = new EventSource(`/api/jobs/${enc(jobId)}/events`);
        const data = (ev: Event) => JSON.parse((ev as MessageEvent<string>).data || '{}');
        source.addEventListener('progress', (ev) => {
          const p = data(ev) as { done: number; total: number };
          onProgress(p.done, p.total);
        });
        source.addEventListener('done', (ev) => {
          source?.close();
          // the server's JSON is the CLI's: simulate -> SimulationReport, stress -> StressReport, sensitivity -> both
          resolve({ kind: body.kind, report: (data(ev) as { result: never }).result } as RunResult);
        });
        source.addEventListener('failed', (ev) => {
          source?.close();
          const e = (data(ev) as { error?: { code: string; message: string } }).error;
          reject(new ApiError(500, e?.code ?? 'job.failed', e?.message ?? 'the simulation failed'));
        });
        source.addEventListener('cancelled', () => {
          source?.close();
          reject(new ApiError(0, 'job.cancelled', 'the simulation was cancelled'));
        });
        source.onerror = () => {
          // EventSource reconnects on its own while the server is up; a closed stream after the end is normal
          if (source?.readyState === EventSource.CLOSED)
            reject(new ApiError(0, 'client.network', 'lost the connection to the job'));
        };
      }),
  );
  return {
    id,
    result,
    cancel: async () => {
      const jobId = await id;
      await api.del(`/api/jobs/${enc(jobId)}`);
    },
  };
}
