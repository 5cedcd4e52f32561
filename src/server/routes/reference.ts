// reference data: the bibliography, the bundle the browser's Web Worker simulates with, and the historical back-test
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { GuarantorError } from '../../core/errors.js';
import { moduleUrl, runningFromSource } from '../../node/pool/module-url.js';
import { sourceDetail, sourcesList } from '../../node/sources-json.js';
import type { ServerDeps } from '../deps.js';
import { HttpError } from '../errors.js';
import { type RouteSpec, route } from '../registry.js';
import { AnyObject, queryBool, queryInt } from '../schemas.js';

const SourceJson = z.looseObject({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  date: z.string(),
  evidence: z.string(),
  file: z.string(),
});

/** everything but the scenario that setupDeterrence, simulate, assessScenario and parseScenarioText take */
export function buildBundle(deps: ServerDeps) {
  const catalog = deps.catalog();
  const forces = deps.forces();
  return {
    version: deps.version,
    actors: [...catalog.actors.values()],
    parties: catalog.parties,
    priors: deps.priors(),
    sources: sourcesList(catalog).map((s) => ({
      id: s.id,
      kind: s.kind,
      title: s.title,
      date: s.date,
      evidence: s.evidence,
      ...(s.url ? { url: s.url } : {}),
    })),
    forces: {
      archetypes: [...forces.archetypes.values()],
      referenceMissions: forces.referenceMissions,
      parameters: forces.parameters,
      pledges: forces.pledges,
    },
    catalogIds: [...catalog.scenarios.keys()],
  };
}

/** runs `guarantor backtest --json` in a worker thread: the very code path of the CLI, whatever it becomes */
function backtestJson(args: string[]): Promise<unknown> {
  const fromSource = runningFromSource();
  const url = fromSource
    ? new URL('../backtest-worker-dev.mjs', import.meta.url)
    : moduleUrl('../backtest-worker.js', import.meta.url);
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, {
      workerData: { args, cwd: process.cwd() },
      ...(fromSource ? { execArgv: process.execArgv.filter((a) => a !== '--import' && a !== 'tsx') } : {}),
    });
    let settled = false;
    worker.once('message', (m: { code: number; out: string; err: string }) => {
      settled = true;
      if (m.code === 2)
        reject(new GuarantorError('usage.backtest', m.err.trim() || 'invalid back-test options'));
      else if (m.code !== 0) reject(new GuarantorError('internal', `backtest failed: ${m.err.trim()}`));
      else resolve(JSON.parse(m.out));
      void worker.terminate();
    });
    worker.once('error', (e) => {
      if (!settled) reject(e);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new GuarantorError('internal', `the back-test worker exited with ${code}`));
    });
  });
}

export function referenceRoutes(deps: ServerDeps): RouteSpec[] {
  let bundle: { body: string; etag: string } | undefined;
  const backtests = new Map<string, Promise<unknown>>();
  return [
    route({
      method: 'get',
      path: '/api/sources',
      summary: 'The bibliography every default, prior and finding cites (= guarantor sources --json)',
      tag: 'reference',
      query: z.object({ kind: z.string().max(40).optional().describe('only sources of this kind') }),
      response: z.array(SourceJson),
      handler: ({ query }) => sourcesList(deps.catalog(), query.kind),
    }),
    route({
      method: 'get',
      path: '/api/sources/{id}',
      summary: 'One source and the scenarios citing it (= guarantor sources <id> --json)',
      tag: 'reference',
      params: z.object({ id: z.string().min(1).max(200) }),
      errors: [404],
      response: SourceJson.extend({ citedBy: z.array(z.string()) }),
      handler: ({ params }) => {
        const s = sourceDetail(deps.catalog(), params.id);
        if (!s)
          throw new HttpError(404, 'source.not-found', `no source '${params.id}'`, [
            {
              code: 'source.not-found',
              message: `no source '${params.id}'`,
              path: ['id'],
              hint: 'GET /api/sources lists them',
            },
          ]);
        return s;
      },
    }),
    route({
      method: 'get',
      path: '/api/bundle',
      summary:
        "What the browser's Web Worker needs to run the core on a scenario: actors, parties, priors, sources, forces",
      tag: 'reference',
      errors: [],
      response: z.object({
        version: z.string(),
        actors: z.array(z.looseObject({ id: z.string() })),
        parties: z.array(z.looseObject({ id: z.string() })),
        priors: z.looseObject({}),
        sources: z.array(z.looseObject({ id: z.string() })),
        forces: z.looseObject({
          archetypes: z.array(z.looseObject({ id: z.string() })),
          referenceMissions: z.array(z.looseObject({})),
          parameters: z.looseObject({}),
          pledges: z.array(z.looseObject({})),
        }),
        catalogIds: z.array(z.string()),
      }),
      handler: ({ c }) => {
        if (!bundle) {
          const body = JSON.stringify(buildBundle(deps));
          bundle = { body, etag: `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"` };
        }
        const headers = {
          ETag: bundle.etag,
          'Cache-Control': 'no-cache',
          'Content-Type': 'application/json; charset=utf-8',
        };
        const etag = bundle.etag;
        const match = c.req.header('if-none-match');
        if (match?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag))
          return new Response(null, { status: 304, headers });
        return new Response(bundle.body, { status: 200, headers });
      },
    }),
    route({
      method: 'get',
      path: '/api/backtest',
      summary: 'The historical back-test (= guarantor backtest --json); computed once per option set',
      tag: 'reference',
      query: z.object({
        samples: queryInt(
          'Monte Carlo samples per case (default: validation/backtest.yaml)',
          1,
          1_000_000,
        ).optional(),
        seed: queryInt('random seed (default: validation/backtest.yaml)').optional(),
        judgement: queryBool('use the analyst judgements (default 1)').optional(),
        label: z.string().max(40).optional().describe('outcome to score (default: validation/backtest.yaml)'),
      }),
      response: AnyObject,
      handler: async ({ query }) => {
        const args = [
          ...(query.samples !== undefined ? ['--samples', String(query.samples)] : []),
          ...(query.seed !== undefined ? ['--seed', String(query.seed)] : []),
          ...(query.judgement === false ? ['--no-judgement'] : []),
          ...(query.label !== undefined ? ['--label', query.label] : []),
        ];
        const key = args.join(' ');
        let p = backtests.get(key);
        if (!p) {
          p = backtestJson(args);
          backtests.set(key, p);
          p.catch(() => backtests.delete(key));
        }
        return await p;
      },
    }),
  ];
}
