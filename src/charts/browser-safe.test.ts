// src/charts is bundled for the browser by Vite: only render-svg.ts (and tests) may use Node or jsdom
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

describe('src/charts is browser-safe', () => {
  it('has no node:* or jsdom imports outside render-svg.ts', () => {
    const files = readdirSync(here).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'render-svg.ts',
    );
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((f) =>
      /from '(node:[^']+|jsdom|fs|path)'|process\.|require\(/.test(readFileSync(join(here, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
