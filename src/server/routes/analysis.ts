// assess (stored or draft), compare and forces: the same core calls and JSON as the CLI's --json
import { z } from 'zod';
import { assessScenario } from '../../core/assess/assess.js';
import { DEFAULT_WEIGHTS, parseWeights } from '../../core/assess/scorecard.js';
import { GuarantorError } from '../../core/errors.js';
import { sizeScenarioForces } from '../../core/forces/size-scenario.js';
import { compareScenarios } from '../../node/comparison.js';
import type { ServerDeps } from '../deps.js';
import { type RouteSpec, route } from '../registry.js';
import { draftFile, loadScenario, requireValidDraft } from '../scenarios.js';
import { AnyObject, AssessmentJson, ComparisonRowJson, queryBool, queryInt } from '../schemas.js';

const Weights = z
  .string()
  .max(500)
  .describe('dimension weights, e.g. commitment=2,veto=0.5 (default: all 1)');

const weightsOf = (w: string | undefined) => (w ? parseWeights(w) : DEFAULT_WEIGHTS);

export function analysisRoutes(deps: ServerDeps): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/api/scenarios/{id}/assess',
      summary: 'Findings and the weighted scorecard (= guarantor assess <id> --json)',
      tag: 'analysis',
      params: z.object({ id: z.string().min(1) }),
      query: z.object({ weights: Weights.optional() }),
      errors: [404, 422],
      response: AssessmentJson,
      handler: async ({ params, query }) => {
        const s = await loadScenario(deps, params.id);
        return assessScenario(s.scenario, deps.catalog(), { weights: weightsOf(query.weights) });
      },
    }),
    route({
      method: 'post',
      path: '/api/assess',
      summary: 'Assess an unsaved draft; invalid YAML gives 422 with located diagnostics',
      tag: 'analysis',
      body: z.strictObject({ yaml: z.string().max(512 * 1024), weights: Weights.optional() }),
      errors: [413, 422],
      response: AssessmentJson,
      handler: ({ body }) => {
        const r = requireValidDraft(deps, body.yaml, draftFile());
        return assessScenario(r.scenario, deps.catalog(), { weights: weightsOf(body.weights) });
      },
    }),
    route({
      method: 'get',
      path: '/api/compare',
      summary:
        'Scorecards side by side (= guarantor compare a b --json); simulated columns unless simulate=0',
      tag: 'analysis',
      query: z.object({
        ids: z.string().min(1).max(4000).describe('comma-separated scenario ids, or * for the whole catalog'),
        simulate: queryBool('add P(no attack) and P(success | attack) at 10,000 samples, seed 1').optional(),
        weights: Weights.optional(),
        sort: z.string().max(40).optional().describe("sort by 'overall' or a dimension (descending)"),
      }),
      errors: [404, 422],
      response: z.array(ComparisonRowJson),
      handler: async ({ query }) => {
        const ids =
          query.ids === '*'
            ? [...deps.catalog().scenarios.keys()]
            : query.ids
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean);
        if (!ids.length) throw new GuarantorError('usage.compare', 'name scenarios to compare in ids=a,b');
        const scenarios = [];
        for (const id of ids) scenarios.push((await loadScenario(deps, id)).scenario);
        return compareScenarios(scenarios, deps.catalog(), {
          weights: weightsOf(query.weights),
          simulate: query.simulate !== false,
          ...(query.sort ? { sort: query.sort } : {}),
        });
      },
    }),
    route({
      method: 'get',
      path: '/api/scenarios/{id}/forces',
      summary:
        "The scenario's force instruments against the sized requirement (= guarantor forces <id> --json)",
      tag: 'analysis',
      params: z.object({ id: z.string().min(1) }),
      query: z.object({
        samples: queryInt(
          'Monte Carlo samples for the 90% intervals (default 10000)',
          1,
          1_000_000,
        ).optional(),
        seed: queryInt('random seed (default 1)').optional(),
      }),
      errors: [404, 422],
      response: AnyObject,
      handler: async ({ params, query }) => {
        const s = await loadScenario(deps, params.id);
        return sizeScenarioForces(s.scenario, deps.forces(), {
          ...(query.samples !== undefined ? { samples: query.samples } : {}),
          ...(query.seed !== undefined ? { seed: query.seed } : {}),
        });
      },
    }),
  ];
}
