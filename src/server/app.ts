// the workbench's Hono app, without a port: serve.ts binds it, tests call app.request()
import { Hono } from 'hono';
import type { Db } from '../store/db.js';
import { type ServerDeps, withDefaults } from './deps.js';
import { errorBody, toHttpError } from './errors.js';
import { buildOpenApi } from './openapi.js';
import { mountRoutes, type RouteSpec } from './registry.js';
import { analysisRoutes } from './routes/analysis.js';
import { healthRoutes } from './routes/health.js';
import { referenceRoutes } from './routes/reference.js';
import { reportRoutes } from './routes/report.js';
import { scenarioRoutes } from './routes/scenarios.js';
import { simulateRoutes } from './routes/simulate.js';
import { trackerRoutes } from './routes/tracker.js';
import { serveWeb } from './static.js';

/** every API route, in the order the document lists them */
export function apiRoutes(deps: ServerDeps): RouteSpec[] {
  return [
    ...healthRoutes(deps),
    ...scenarioRoutes(deps),
    ...analysisRoutes(deps),
    ...simulateRoutes(deps),
    ...trackerRoutes(deps),
    ...referenceRoutes(deps),
    ...reportRoutes(deps),
  ];
}

export interface App {
  app: Hono;
  deps: ServerDeps;
  routes: RouteSpec[];
}

export function createApp(input: Partial<ServerDeps> & { db: Db }): App {
  const deps = withDefaults(input);
  const app = new Hono();
  const routes = apiRoutes(deps);
  let openapi: string | undefined;
  app.get('/openapi.json', (c) => {
    openapi ??= JSON.stringify(buildOpenApi(routes, { version: deps.version }));
    return c.body(openapi, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });
  mountRoutes(app, routes);
  app.all('/api/*', (c) =>
    c.json(
      errorBody('route.not-found', `no route ${c.req.method} ${new URL(c.req.url).pathname}`, [
        {
          code: 'route.not-found',
          message: `no route ${c.req.method} ${new URL(c.req.url).pathname}`,
          path: [],
          hint: 'the routes are listed in /openapi.json and docs/api.md',
        },
      ]),
      404,
    ),
  );
  app.notFound(async (c) => {
    const web = await serveWeb(c, deps.webDir);
    if (web) return web;
    return c.json(errorBody('route.not-found', `no such page ${new URL(c.req.url).pathname}`), 404);
  });
  app.onError((e, c) => {
    const { status, body } = toHttpError(e, deps.log);
    return c.json(body, status as 400);
  });
  return { app, deps, routes };
}
