// binds the app to a port: opens the database (taking the PGlite directory lock), starts listening, and shuts down in
// order: stop accepting, cancel running jobs, end open connections, destroy the worker pool, close the database
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { GuarantorError } from '../core/errors.js';
import { WorkerPool } from '../node/pool/pool.js';
import { openDb } from '../store/open-db.js';
import { urlFor } from './address.js';
import { createApp } from './app.js';
import type { ServerDeps } from './deps.js';

export interface ServeOptions {
  port: number;
  host: string;
  threads: number;
  env: Record<string, string | undefined>;
  cwd: string;
  webDir?: string;
  log?: (text: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  deps: ServerDeps;
  /** idempotent graceful shutdown */
  close(): Promise<void>;
}

export async function startServer(o: ServeOptions): Promise<RunningServer> {
  const log = o.log ?? ((t: string) => process.stderr.write(`${t}\n`));
  const db = await openDb({ env: o.env, cwd: o.cwd });
  let pool: WorkerPool | undefined;
  let closing = false;
  const { app, deps } = createApp({
    db,
    threads: o.threads,
    // one pool for the server's life, started on the first simulation that needs it
    pool: () => {
      if (o.threads <= 1 || closing) return undefined;
      pool ??= new WorkerPool(o.threads);
      return pool;
    },
    actor: o.env.GUARANTOR_ACTOR || o.env.USER || 'workbench',
    log,
    ...(o.webDir ? { webDir: o.webDir } : {}),
  });
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(o.port, o.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    await db.close();
    const code = (e as NodeJS.ErrnoException).code;
    throw new GuarantorError(
      code === 'EADDRINUSE' ? 'usage.port-in-use' : 'server.listen',
      code === 'EADDRINUSE'
        ? `port ${o.port} on ${o.host} is in use; pass --port N (or --port 0 for any free port)`
        : `cannot listen on ${o.host}:${o.port}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  const port = (server.address() as AddressInfo).port;
  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= (async () => {
      closing = true;
      const stopped = new Promise<void>((r) => server.close(() => r()));
      await deps.jobs.cancelAll();
      // SSE streams end when their job does; anything still open (keep-alive, slow clients) is cut now
      server.closeAllConnections();
      await stopped;
      await pool?.close();
      await db.close();
    })();
    return closed;
  };
  return { url: urlFor(o.host, port), port, deps, close };
}
