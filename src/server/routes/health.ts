// GET /api/health: liveness plus which database backs the server
import { z } from 'zod';
import type { ServerDeps } from '../deps.js';
import { type RouteSpec, route } from '../registry.js';

export function healthRoutes(deps: ServerDeps): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/api/health',
      summary: 'Liveness, version and database kind',
      tag: 'meta',
      response: z.object({ ok: z.literal(true), version: z.string(), db: z.enum(['pglite', 'postgres']) }),
      handler: () => ({ ok: true as const, version: deps.version, db: deps.db.kind }),
    }),
  ];
}
