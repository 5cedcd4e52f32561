// the HTTP API in-process (no sockets): request latency of the read routes the web UI calls most, and the time from
// POST /api/simulate to the SSE `done` event for 100,000 samples in the server's thread
import { performance } from 'node:perf_hooks';
import { createApp } from '../src/server/app.js';
import { testBackends } from '../src/store/test-backends.js';

const line = (name: string, value: number, unit: string) =>
  process.stdout.write(`${JSON.stringify({ name, value: Number(value.toPrecision(4)), unit })}\n`);

const db = await testBackends()[0]!.open();
const { app } = createApp({ db, log: () => undefined });

async function perRequest(name: string, path: string, n: number) {
  await (await app.request(path)).text(); // warm caches
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await (await app.request(path)).text();
  line(`server.${name}`, (performance.now() - t0) / n, 'ms/request');
}

await perRequest('health', '/api/health', 500);
await perRequest('scenarios-list', '/api/scenarios', 50);
await perRequest('assess', '/api/scenarios/s08-reassurance-force/assess', 100);
await perRequest('bundle', '/api/bundle', 50);

const t0 = performance.now();
const start = await app.request('/api/simulate', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ scenario: 's08-reassurance-force', samples: 100_000, threads: 1 }),
});
const { jobId } = (await start.json()) as { jobId: string };
const events = await (await app.request(`/api/jobs/${jobId}/events`)).text();
if (!events.includes('event: done')) throw new Error('the job did not finish');
line('server.simulate-100k-inline', (performance.now() - t0) / 1000, 's');
await db.close();
