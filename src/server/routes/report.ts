// GET /api/report: REPORT's buildReport (src/report/build-report.ts) behind HTTP; user scenarios come from the database

import { z } from 'zod';
import { GuarantorError } from '../../core/errors.js';
import type { Scenario } from '../../core/schema/scenario.js';
import { buildReport } from '../../report/build-report.js';
import type { ServerDeps } from '../deps.js';
import { type RouteSpec, route } from '../registry.js';
import { loadScenario } from '../scenarios.js';
import { queryBool, queryInt } from '../schemas.js';

export const REPORT_MEDIA_TYPES = ['text/html', 'text/markdown', 'application/pdf'];

export function reportRoutes(deps: ServerDeps): RouteSpec[] {
  /** user scenarios for the report; catalog ids are left to the report's own loader */
  const resolve = async (id: string): Promise<Scenario | undefined> => {
    if (deps.catalog().scenarios.has(id)) return undefined;
    try {
      return (await loadScenario(deps, id)).scenario;
    } catch (e) {
      // only an unknown id falls through (the report names it); an invalid stored scenario or a database error
      // keeps its own code, status and located diagnostics
      if (e instanceof GuarantorError && e.code === 'scenario.not-found') return undefined;
      throw e;
    }
  };
  return [
    route({
      method: 'get',
      path: '/api/report',
      summary:
        'A report on scenarios: SVG charts, findings and a bibliography (= guarantor report); a download',
      tag: 'reports',
      query: z.object({
        // ids only, never paths: the report's loader would read a YAML file named here
        ids: z
          .string()
          .min(1)
          .max(4000)
          .regex(
            /^[a-z0-9][a-z0-9-]*(,[a-z0-9][a-z0-9-]*)*$/,
            'comma-separated scenario ids (lowercase kebab-case)',
          )
          .describe('comma-separated scenario ids'),
        format: z.enum(['html', 'md', 'pdf']).optional().describe('default html'),
        samples: queryInt('Monte Carlo samples per scenario', 1, 1_000_000).optional(),
        seed: queryInt('random seed').optional(),
        simulate: queryBool('include the simulation (default 1)').optional(),
      }),
      errors: [404, 422],
      produces: { mediaTypes: REPORT_MEDIA_TYPES },
      response: z.string(),
      handler: async ({ query, c }) => {
        const ids = query.ids
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        const r = await buildReport(ids, {
          format: query.format ?? 'html',
          now: deps.now,
          resolve,
          threads: 1,
          signal: c.req.raw.signal,
          ...(query.samples !== undefined ? { samples: query.samples } : {}),
          ...(query.seed !== undefined ? { seed: query.seed } : {}),
          ...(query.simulate !== undefined ? { simulate: query.simulate } : {}),
        });
        const body = typeof r.body === 'string' ? r.body : new Uint8Array(r.body);
        return new Response(body, {
          status: 200,
          headers: {
            'Content-Type': r.contentType,
            'Content-Disposition': `attachment; filename="${r.filename.replace(/["\\\r\n]/g, '')}"`,
          },
        });
      },
    }),
  ];
}
