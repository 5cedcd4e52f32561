// the bibliography as `guarantor sources --json` prints it and the HTTP API answers it
import type { Catalog } from '../core/catalog/catalog.js';

/** every source (optionally of one kind), sorted by id */
export function sourcesList(catalog: Pick<Catalog, 'sources'>, kind?: string) {
  return [...catalog.sources.values()]
    .filter((s) => !kind || s.kind === kind)
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** one source and the catalog scenarios that cite it; undefined for an unknown id */
export function sourceDetail(catalog: Pick<Catalog, 'sources' | 'scenarios'>, id: string) {
  const s = catalog.sources.get(id);
  if (!s) return undefined;
  const citedBy = [...catalog.scenarios.values()]
    .filter(({ scenario }) => JSON.stringify(scenario).includes(`"${id}"`))
    .map(({ scenario }) => scenario.id);
  return { ...s, citedBy };
}
