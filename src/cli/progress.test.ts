import { describe, expect, it } from 'vitest';
import type { CliIo } from './io.js';
import { createProgress } from './progress.js';

function io(isTTY: boolean, env: Record<string, string> = {}) {
  const lines: string[] = [];
  const value: CliIo = { out: () => {}, err: (t) => lines.push(t), env, cwd: '/', isTTY };
  return { io: value, lines };
}

describe('progress', () => {
  it('prints one line per 10% step when not on a terminal, skipping steps a big jump crosses', () => {
    const t = io(false);
    const p = createProgress(t.io, { label: 'eval', total: 1000, unit: 'samples' });
    for (const done of [50, 100, 150, 420, 999, 1000]) p.update(done);
    p.finish();
    expect(t.lines).toMatchInlineSnapshot(`
      [
        "eval: 10% (100/1000 samples)",
        "eval: 40% (420/1000 samples)",
        "eval: 90% (999/1000 samples)",
        "eval: 100% (1000/1000 samples)",
      ]
    `);
  });

  it('is silent when disabled, and uses plain lines on a terminal when CI is set', () => {
    const off = io(false);
    const p = createProgress(off.io, { label: 'x', total: 10, enabled: false });
    p.update(10);
    expect(off.lines).toEqual([]);
    const ci = io(true, { CI: '1' });
    createProgress(ci.io, { label: 'x', total: 10 }).update(10);
    expect(ci.lines).toEqual(['x: 100% (10/10 items)']);
  });

  it('draws a bar on a terminal', () => {
    let written = '';
    const write = (chunk: string) => {
      written += chunk;
      return true;
    };
    const stream = {
      isTTY: true,
      columns: 80,
      write,
      cursorTo: () => true,
      clearLine: () => true,
      moveCursor: () => true,
      on: () => stream,
      removeListener: () => stream,
    } as unknown as NodeJS.WritableStream;
    const t = io(true);
    const p = createProgress(t.io, { label: 'eval', total: 100, unit: 'samples', stream });
    p.update(50);
    p.finish();
    expect(t.lines).toEqual([]);
    expect(written).toContain('eval [');
  });
});
