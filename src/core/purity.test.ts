// the core must run in a browser: no node built-ins, no I/O, no console, no imports from outer layers
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const coreDir = new URL('.', import.meta.url).pathname;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

const forbidden = [
  /from ['"]node:/,
  /from ['"](fs|path|os|child_process|worker_threads|crypto|url|util|stream|events)['"]/,
  /\bconsole\./,
  /\bprocess\./,
  /from ['"]\.\.\/\.\.\/(node|cli|store|server|web)\//,
  /from ['"](piscina|pg|@electric-sql\/pglite|commander|hono|exceljs|cli-progress)['"]/,
];

describe('core purity', () => {
  const files = walk(coreDir);
  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const file of files) {
    it(`${file.slice(coreDir.length)} imports nothing platform-specific`, () => {
      const text = readFileSync(file, 'utf8');
      const hits = forbidden.filter((re) => re.test(text)).map(String);
      expect(hits).toEqual([]);
    });
  }
});
