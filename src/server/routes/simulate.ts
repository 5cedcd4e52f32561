// simulation: POST /api/simulate starts a job (simulate | stress | sensitivity) on the worker pool; jobs report
// progress over server-sent events and can be cancelled; POST /api/stress runs a small stress test synchronously
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import {
  DETERRENCE_KINDS,
  type DeterrenceKind,
  passProgress,
  runDeterrence,
  totalSamples,
} from '../../core/deterrence/run-kind.js';
import { MAX_HORIZON_YEARS } from '../../core/deterrence/simulate.js';
import { MAX_SAMPLES } from '../../core/engine/chunks.js';
import type { Scenario } from '../../core/schema/scenario.js';
import { Shock } from '../../core/schema/shock.js';
import { pooledExecutor } from '../../node/deterrence-files.js';
import {
  checkSamples,
  DEFAULT_SAMPLES,
  declaredStressTests,
  extraStress,
  locateInText,
  setupRun,
} from '../../node/deterrence-run.js';
import { MAX_THREADS } from '../../node/pool/pool.js';
import type { ServerDeps } from '../deps.js';
import { HttpError } from '../errors.js';
import type { JobEvent } from '../jobs.js';
import { type RouteSpec, route } from '../registry.js';
import { draftFile, loadScenario, requireValidDraft } from '../scenarios.js';
import { DeterrenceResultJson, StressReportJson } from '../schemas.js';

/** the synchronous stress endpoint is for small runs; larger ones go through a job */
export const SYNC_MAX_SAMPLES = 100_000;

export const SimulationRequest = z.strictObject({
  scenario: z.string().min(1).max(200).describe('scenario id (catalog or user)'),
  yaml: z
    .string()
    .max(512 * 1024)
    .optional()
    .describe('an unsaved draft, used instead of the stored text'),
  kind: z.enum(DETERRENCE_KINDS).optional().describe('simulate (default), stress or sensitivity'),
  samples: z.number().int().min(1).max(MAX_SAMPLES).optional().describe('default: 100k, 50k, 20k by kind'),
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional().describe('default 1'),
  horizon: z.number().int().min(1).max(MAX_HORIZON_YEARS).optional().describe("default: the scenario's"),
  threads: z.number().int().min(1).max(MAX_THREADS).optional().describe('1 runs in the server thread'),
  set: z
    .record(z.string().min(1), z.union([z.string().min(1), z.number()]))
    .optional()
    .describe('model input overrides, as --set name=spec'),
  shocks: z
    .array(z.union([z.string().min(1), Shock]))
    .max(20)
    .optional()
    .describe('extra shocks, one combined stress test: --shock strings or shock objects'),
});
export type SimulationRequest = z.infer<typeof SimulationRequest>;

/** everything a run needs, validated before a job starts so bad input is a 4xx, not a failed job */
async function prepare(deps: ServerDeps, req: SimulationRequest, fallbackKind: DeterrenceKind) {
  const kind = req.kind ?? fallbackKind;
  let scenario: Scenario;
  let file: string;
  let yaml: string;
  if (req.yaml !== undefined) {
    file = draftFile(req.scenario);
    yaml = req.yaml;
    scenario = requireValidDraft(deps, yaml, file).scenario;
  } else {
    const s = await loadScenario(deps, req.scenario);
    ({ scenario, file, yaml } = s);
  }
  const samples = req.samples ?? DEFAULT_SAMPLES[kind];
  checkSamples(samples, 'samples');
  const seed = req.seed ?? 1;
  const locate = (d: Parameters<typeof locateInText>[2]) => locateInText(yaml, file, d);
  const setup = setupRun(
    scenario,
    file,
    {
      ...(req.horizon !== undefined ? { horizon: req.horizon } : {}),
      setItems: Object.entries(req.set ?? {}).map(([k, v]) => `${k}=${v}`),
    },
    locate,
  );
  const declared = kind === 'stress' ? declaredStressTests(setup, scenario, file, locate).tests : [];
  const extra = extraStress(setup, req.shocks ?? [], 'request', ['shocks']).effects;
  const pool = req.threads === 1 ? undefined : deps.pool();
  const executor = pool ? pooledExecutor(pool.threads, pool) : pooledExecutor(1);
  return { kind, setup, samples, seed, declared, extra, executor };
}

const sse = (e: JobEvent) => {
  switch (e.type) {
    case 'progress':
      return { event: 'progress', data: JSON.stringify({ done: e.done, total: e.total }) };
    case 'done':
      return { event: 'done', data: JSON.stringify({ result: e.result }) };
    case 'failed':
      return { event: 'failed', data: JSON.stringify({ error: e.error }) };
    default:
      return { event: 'cancelled', data: '{}' };
  }
};

const JobView = z.object({
  id: z.string(),
  kind: z.enum(DETERRENCE_KINDS),
  status: z.enum(['running', 'done', 'failed', 'cancelled']),
  progress: z.object({ done: z.number(), total: z.number() }),
  createdAt: z.string(),
  finishedAt: z.string().optional(),
  result: DeterrenceResultJson.optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

const JobParams = z.object({ jobId: z.string().min(1).max(100) });

function unknownJob(id: string): HttpError {
  return new HttpError(404, 'job.not-found', `no job '${id}' (finished jobs are kept for 10 minutes)`, [
    {
      code: 'job.not-found',
      message: `no job '${id}'`,
      path: ['jobId'],
      hint: 'start one with POST /api/simulate',
    },
  ]);
}

export function simulateRoutes(deps: ServerDeps): RouteSpec[] {
  return [
    route({
      method: 'post',
      path: '/api/simulate',
      summary:
        'Start a simulation job (simulate, stress or sensitivity); progress at /api/jobs/{jobId}/events',
      tag: 'simulation',
      body: SimulationRequest,
      status: 202,
      errors: [404, 413, 422, 429],
      response: z.object({ jobId: z.string() }),
      handler: async ({ body }) => {
        const p = await prepare(deps, body, 'simulate');
        const total = totalSamples(p.kind, p.setup, p.samples);
        const job = deps.jobs.start(p.kind, total, (signal, onProgress) =>
          runDeterrence(p.kind, p.setup, {
            samples: p.samples,
            seed: p.seed,
            executor: p.executor,
            signal,
            onProgress: passProgress(total, onProgress),
            declared: p.declared,
            ...(p.extra ? { extra: p.extra } : {}),
          }),
        );
        return { jobId: job.id };
      },
    }),
    route({
      method: 'get',
      path: '/api/jobs/{jobId}',
      summary: "A job's status, progress and (when done) result",
      tag: 'simulation',
      params: JobParams,
      errors: [404],
      response: JobView,
      handler: ({ params }) => deps.jobs.get(params.jobId) ?? Promise.reject(unknownJob(params.jobId)),
    }),
    route({
      method: 'delete',
      path: '/api/jobs/{jobId}',
      summary: 'Cancel a running job (its AbortSignal reaches the worker pool)',
      tag: 'simulation',
      params: JobParams,
      errors: [404],
      response: z.object({ id: z.string(), status: z.enum(['running', 'done', 'failed', 'cancelled']) }),
      handler: async ({ params }) => {
        const j = await deps.jobs.cancel(params.jobId);
        if (!j) throw unknownJob(params.jobId);
        return { id: j.id, status: j.status };
      },
    }),
    route({
      method: 'get',
      path: '/api/jobs/{jobId}/events',
      summary: 'Server-sent events: progress {done,total}, then done {result}, failed {error} or cancelled',
      tag: 'simulation',
      params: JobParams,
      errors: [404],
      produces: 'sse',
      response: z.string(),
      handler: ({ params, c }) => {
        if (!deps.jobs.get(params.jobId)) throw unknownJob(params.jobId);
        return streamSSE(c, async (stream) => {
          const queue: JobEvent[] = [];
          let wake: (() => void) | undefined;
          const unsubscribe = deps.jobs.subscribe(params.jobId, (e) => {
            queue.push(e);
            wake?.();
          });
          stream.onAbort(() => {
            unsubscribe?.();
            wake?.();
          });
          let id = 0;
          for (;;) {
            while (queue.length) {
              const e = queue.shift()!;
              await stream.writeSSE({ ...sse(e), id: String(id++) });
              if (e.type !== 'progress') {
                unsubscribe?.();
                return;
              }
            }
            if (stream.aborted) return;
            await new Promise<void>((r) => {
              wake = r;
            });
            wake = undefined;
          }
        });
      },
    }),
    route({
      method: 'post',
      path: '/api/stress',
      summary: `Baseline and stress tests side by side, synchronously (= guarantor stress --json); at most ${SYNC_MAX_SAMPLES.toLocaleString('en')} samples`,
      tag: 'simulation',
      body: SimulationRequest,
      errors: [404, 413, 422],
      response: StressReportJson,
      handler: async ({ body, c }) => {
        if ((body.samples ?? DEFAULT_SAMPLES.stress) > SYNC_MAX_SAMPLES)
          throw new HttpError(
            400,
            'request.too-many-samples',
            `POST /api/stress runs at most ${SYNC_MAX_SAMPLES} samples; use POST /api/simulate with kind 'stress'`,
            [
              {
                code: 'request.too-many-samples',
                message: `samples ${body.samples} > ${SYNC_MAX_SAMPLES}`,
                path: ['body', 'samples'],
                hint: "POST /api/simulate {kind: 'stress'} runs larger tests as a job with progress",
              },
            ],
          );
        const p = await prepare(deps, { ...body, kind: 'stress' }, 'stress');
        return runDeterrence('stress', p.setup, {
          samples: p.samples,
          seed: p.seed,
          executor: p.executor,
          signal: c.req.raw.signal,
          declared: p.declared,
          ...(p.extra ? { extra: p.extra } : {}),
        });
      },
    }),
  ];
}
