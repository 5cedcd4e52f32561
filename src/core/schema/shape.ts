// walk a zod schema along a document path, to list the keys allowed there (for did-you-mean hints)

import type { z } from 'zod';

type AnyDef = { type: string; [k: string]: unknown };

function defOf(s: unknown): AnyDef {
  return (s as { _zod: { def: AnyDef } })._zod.def;
}

function unwrap(s: unknown): unknown {
  let cur = s;
  for (let i = 0; i < 10; i++) {
    const d = defOf(cur);
    if (d.type === 'optional' || d.type === 'nullable' || d.type === 'default' || d.type === 'prefault')
      cur = d.innerType;
    else if (d.type === 'pipe') cur = d.in;
    else return cur;
  }
  return cur;
}

function objectShapes(s: unknown): Record<string, unknown>[] {
  const u = unwrap(s);
  const d = defOf(u);
  if (d.type === 'object') return [d.shape as Record<string, unknown>];
  if (d.type === 'union') return (d.options as unknown[]).flatMap(objectShapes);
  return [];
}

export function keysAt(schema: z.ZodType, path: readonly (string | number)[]): string[] | undefined {
  let cur: unknown[] = [schema];
  for (const seg of path) {
    const next: unknown[] = [];
    for (const s of cur) {
      const u = unwrap(s);
      const d = defOf(u);
      if (typeof seg === 'number' && d.type === 'array') next.push(d.element);
      else if (typeof seg === 'number' && d.type === 'record') next.push(d.valueType);
      else if (typeof seg === 'string') {
        if (d.type === 'record') next.push(d.valueType);
        for (const shape of objectShapes(u)) if (seg in shape) next.push(shape[seg]);
      }
    }
    if (next.length === 0) return undefined;
    cur = next;
  }
  const keys = new Set<string>();
  for (const s of cur) for (const shape of objectShapes(s)) for (const k of Object.keys(shape)) keys.add(k);
  return keys.size ? [...keys] : undefined;
}
