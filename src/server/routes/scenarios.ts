// scenarios: list, get, validate, create, update (optimistic versions), delete; catalog ones are read-only
import { z } from 'zod';
import {
  deleteUserScenario,
  getUserScenario,
  insertUserScenario,
  notFound,
  updateUserScenario,
} from '../../store/scenario-repo.js';
import type { ServerDeps } from '../deps.js';
import { HttpError } from '../errors.js';
import { type RouteSpec, route } from '../registry.js';
import { checkDraft, draftFile, listScenarios, loadScenario, requireValidDraft } from '../scenarios.js';
import { DiagnosticSchema, queryInt, ScenarioJson, ScenarioSummary, ScenarioVersion } from '../schemas.js';

const MAX_YAML = 512 * 1024;
const Yaml = z
  .string()
  .max(MAX_YAML, `scenario YAML is limited to ${MAX_YAML / 1024} KB`)
  .describe('scenario YAML');
const IdParams = z.object({ id: z.string().min(1).max(200).describe('scenario id') });

function readOnly(id: string): HttpError {
  return new HttpError(409, 'scenario.read-only', `'${id}' is a catalog scenario and cannot be changed`, [
    {
      code: 'scenario.read-only',
      message: `'${id}' is a catalog scenario`,
      path: ['id'],
      hint: 'save a copy under a new id with POST /api/scenarios',
    },
  ]);
}

export function scenarioRoutes(deps: ServerDeps): RouteSpec[] {
  const isCatalog = (id: string) => deps.catalog().scenarios.has(id);
  return [
    route({
      method: 'get',
      path: '/api/scenarios',
      summary: 'The catalog and the user scenarios, each with its scorecard (default weights)',
      tag: 'scenarios',
      response: z.object({ scenarios: z.array(ScenarioSummary) }),
      handler: async () => ({ scenarios: await listScenarios(deps) }),
    }),
    route({
      method: 'post',
      path: '/api/scenarios/validate',
      summary: 'Validate scenario YAML; always 200, diagnostics carry line and column',
      tag: 'scenarios',
      body: z.strictObject({
        yaml: Yaml,
        id: z.string().optional().describe('the id it will be saved as (PUT)'),
      }),
      response: z.object({
        ok: z.boolean(),
        diagnostics: z.array(DiagnosticSchema),
        scenario: ScenarioJson.optional(),
      }),
      handler: ({ body }) => {
        const forNew = body.id === undefined;
        const r = checkDraft(deps, body.yaml, draftFile(body.id), forNew);
        return r.ok
          ? { ok: true, diagnostics: r.warnings, scenario: r.scenario }
          : { ok: false, diagnostics: r.diagnostics };
      },
    }),
    route({
      method: 'get',
      path: '/api/scenarios/{id}',
      summary: 'One scenario: its YAML as written and the validated scenario',
      tag: 'scenarios',
      params: IdParams,
      errors: [404, 422],
      response: z.object({
        id: z.string(),
        origin: z.enum(['catalog', 'user']),
        version: ScenarioVersion,
        yaml: z.string(),
        scenario: ScenarioJson,
      }),
      handler: async ({ params }) => {
        const s = await loadScenario(deps, params.id);
        return { id: s.id, origin: s.origin, version: s.version, yaml: s.yaml, scenario: s.scenario };
      },
    }),
    route({
      method: 'post',
      path: '/api/scenarios',
      summary: 'Create a user scenario from YAML (its id must be new and not a catalog id)',
      tag: 'scenarios',
      body: z.strictObject({ yaml: Yaml }),
      status: 201,
      errors: [409, 413, 422],
      response: z.object({ id: z.string(), version: z.number().int() }),
      handler: async ({ body }) => {
        const r = requireValidDraft(deps, body.yaml, draftFile(), false);
        if (isCatalog(r.scenario.id))
          throw new HttpError(409, 'scenario.exists', `'${r.scenario.id}' is a catalog scenario id`, [
            {
              code: 'scenario.exists',
              message: `'${r.scenario.id}' is a catalog scenario id`,
              path: ['id'],
              hint: `give the copy its own id, e.g. ${r.scenario.id}-variant`,
            },
          ]);
        const s = await insertUserScenario(deps.db, {
          id: r.scenario.id,
          title: r.scenario.title,
          yaml: body.yaml,
        });
        return { id: s.id, version: s.version };
      },
    }),
    route({
      method: 'put',
      path: '/api/scenarios/{id}',
      summary: 'Update a user scenario; `version` must be the one you loaded (else 409 with the current one)',
      tag: 'scenarios',
      params: IdParams,
      body: z.strictObject({ yaml: Yaml, version: z.number().int().min(1) }),
      errors: [404, 409, 413, 422],
      response: z.object({ id: z.string(), version: z.number().int() }),
      handler: async ({ params, body }) => {
        if (isCatalog(params.id)) throw readOnly(params.id);
        if (!(await getUserScenario(deps.db, params.id))) throw notFound(params.id);
        const r = requireValidDraft(deps, body.yaml, draftFile(params.id), false);
        if (r.scenario.id !== params.id)
          throw new HttpError(
            422,
            'scenario.id-mismatch',
            `the YAML's id '${r.scenario.id}' differs from '${params.id}'`,
            [
              {
                code: 'scenario.id-mismatch',
                message: `id '${r.scenario.id}' differs from '${params.id}'`,
                path: ['id'],
                file: draftFile(params.id),
                hint: 'to rename, create the scenario under the new id and delete the old one',
              },
            ],
          );
        const s = await updateUserScenario(deps.db, {
          id: params.id,
          title: r.scenario.title,
          yaml: body.yaml,
          version: body.version,
        });
        return { id: s.id, version: s.version };
      },
    }),
    route({
      method: 'delete',
      path: '/api/scenarios/{id}',
      summary: 'Delete a user scenario (optionally only at `version`)',
      tag: 'scenarios',
      params: IdParams,
      query: z.object({ version: queryInt('the version you loaded', 1).optional() }),
      errors: [404, 409],
      response: z.object({ id: z.string(), deleted: z.literal(true) }),
      handler: async ({ params, query }) => {
        if (isCatalog(params.id)) throw readOnly(params.id);
        await deleteUserScenario(deps.db, params.id, query.version);
        return { id: params.id, deleted: true as const };
      },
    }),
  ];
}
