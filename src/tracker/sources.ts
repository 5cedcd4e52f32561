// the bibliography ids in data/sources/*.yaml, to check that imported facts cite something that exists
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { dataDir } from '../node/paths.js';

export function bibliographyIds(dir = join(dataDir, 'sources')): Set<string> {
  const ids = new Set<string>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.yaml'))) {
    try {
      const doc = parse(readFileSync(join(dir, f), 'utf8')) as { sources?: { id?: unknown }[] };
      for (const s of doc?.sources ?? []) if (typeof s.id === 'string') ids.add(s.id);
    } catch {
      // a broken bibliography file is the catalog's error to report; its ids are simply unknown here
    }
  }
  return ids;
}
