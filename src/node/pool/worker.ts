// worker-thread side of the pool: imports a job module once per (module, payload) and runs chunks with it

interface Task {
  module: string;
  key: string;
  payload: unknown;
  chunk: { index: number; start: number; n: number };
}

type Runner = (chunk: Task['chunk']) => unknown;

const runners = new Map<string, Runner>();
/** a worker keeps a few compiled jobs (a sensitivity run alternates between several) */
const MAX_CACHED = 16;

export default async function runTask(task: Task): Promise<unknown> {
  let run = runners.get(task.key);
  if (!run) {
    const mod = (await import(task.module)) as { createChunkRunner?: (p: unknown) => Runner };
    if (typeof mod.createChunkRunner !== 'function') {
      throw new Error(`job module ${task.module} does not export createChunkRunner(payload)`);
    }
    run = mod.createChunkRunner(task.payload);
    if (runners.size >= MAX_CACHED) runners.delete(runners.keys().next().value!);
    runners.set(task.key, run);
  }
  return run(task.chunk);
}
