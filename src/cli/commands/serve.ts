// serve: the workbench (HTTP API + web UI) on the embedded database until SIGINT/SIGTERM
import type { Command } from 'commander';
import { GuarantorError } from '../../core/errors.js';
import { defaultThreads } from '../../node/pool/pool.js';
import { DEFAULT_HOST, DEFAULT_PORT, isLoopback } from '../../server/address.js';
import type { RunningServer } from '../../server/serve.js';
import type { CliContext } from '../context.js';
import { parseCount } from './deterrence-options.js';

/** how the command waits for its stop signal; tests replace it to stop an in-process server */
export const serveHooks = {
  waitForStop: (): Promise<string> =>
    new Promise((resolve) => {
      const stop = (sig: string) => {
        process.off('SIGINT', onInt);
        process.off('SIGTERM', onTerm);
        // a terminal's Ctrl-C reaches `npm start` and this process alike: a repeat must not cut the shutdown short
        const ignore = () => undefined;
        process.on('SIGINT', ignore);
        process.on('SIGTERM', ignore);
        resolve(sig);
      };
      const onInt = () => stop('SIGINT');
      const onTerm = () => stop('SIGTERM');
      process.once('SIGINT', onInt);
      process.once('SIGTERM', onTerm);
    }),
  onStarted: (_server: RunningServer): void => undefined,
};

function portFrom(raw: string | undefined, envPort: string | undefined): number {
  const value = raw ?? envPort;
  if (value === undefined || value === '') return DEFAULT_PORT;
  const flag = raw !== undefined ? '--port' : 'PORT';
  const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new GuarantorError('usage.port', `${flag} must be a port number 0-65535, got '${value}'`, [
      {
        code: 'usage.port',
        message: `${flag} must be a port number 0-65535, got '${value}'`,
        path: [flag],
        hint: 'e.g. --port 4173, or --port 0 for any free port',
      },
    ]);
  return n;
}

export function registerServe(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('serve the workbench: the HTTP API (/api, /openapi.json) and the web UI, until Ctrl-C')
    .option('--port <n>', `port (default ${DEFAULT_PORT}, or PORT; 0 picks a free one)`)
    .option('--host <host>', `interface to bind (default ${DEFAULT_HOST}; the API has no authentication)`)
    .option('--threads <t>', 'worker threads for simulations (default: the machine)')
    .action(async (opts: { port?: string; host?: string; threads?: string }) => {
      const port = portFrom(opts.port, ctx.io.env.PORT);
      const host = opts.host ?? DEFAULT_HOST;
      const threads = opts.threads === undefined ? defaultThreads() : parseCount('--threads', opts.threads);
      if (threads < 1 || threads > 256)
        throw new GuarantorError('usage.threads', `--threads must be from 1 to 256, got ${threads}`);
      if (!isLoopback(host))
        ctx.io.err(
          `warning: binding to ${host} exposes the workbench to the network; it has no authentication. Use --host 127.0.0.1 unless you mean it.`,
        );
      // loaded on demand: the other commands should not pay for Hono and the routes
      const { startServer } = await import('../../server/serve.js');
      const server = await startServer({ port, host, threads, env: ctx.io.env, cwd: ctx.io.cwd });
      ctx.io.out(`Guarantor workbench: ${server.url}`);
      serveHooks.onStarted(server);
      const sig = await serveHooks.waitForStop();
      ctx.io.err(`${sig}: shutting down (cancelling jobs, closing the database)`);
      await server.close();
      ctx.exitCode = 0;
    });
}
