// helpers for the API tests: call the app in-process and read the answer; catalog YAML to copy
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot as repoRoot } from '../node/paths.js';
import type { App } from './app.js';

export const catalogYaml = (id: string) => readFileSync(join(repoRoot, 'scenarios', `${id}.yaml`), 'utf8');
/** a catalog scenario under a new id, as a user would copy it */
export const copyAs = (from: string, id: string) => catalogYaml(from).replace(/^id: .*$/m, `id: ${id}`);

export async function call(
  a: App,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
  }
  const res = await a.app.request(path, init);
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return {
    status: res.status,
    headers: res.headers,
    text, // biome-ignore lint/suspicious/noExplicitAny: tests inspect response fields one by one
    json: json as Record<string, any>,
  };
}
