// the catalog: every scenario with its scorecard (sortable), and the selected ones' scorecards side by side
import { barsChart } from '../../../src/charts/index.js';
import { ChartFrame } from '../components/chart-frame';
import { type Column, DataTable } from '../components/data-table';
import { Link } from '../components/link';
import { Empty, ErrorBox, Loading } from '../components/status';
import { href, type Location, setQuery } from '../router';
import type { ScenarioListItem } from '../types';
import { useApi } from '../use-api';

export function CatalogView({ loc }: { loc: Location }) {
  const r = useApi<{ scenarios: ScenarioListItem[] }>('/api/scenarios');
  const ids = (loc.query.get('ids') ?? '').split(',').filter(Boolean);
  const toggle = (id: string) =>
    setQuery({ ids: (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]).join(',') });
  return (
    <>
      <h1>Scenario catalog</h1>
      <p className="lead">
        Every shipped and user scenario with its weighted scorecard (0–100 per dimension). Tick scenarios to
        see their scorecards side by side; open one for its instruments, findings, forces and cost.{' '}
        <Link href="/editor">New scenario</Link>
      </p>
      {r.state === 'loading' ? <Loading what="the catalog" /> : null}
      {r.state === 'error' ? <ErrorBox error={r.error} title="The catalog could not be loaded" /> : null}
      {r.state === 'ok' ? <CatalogBody rows={r.data.scenarios} ids={ids} toggle={toggle} /> : null}
    </>
  );
}

function CatalogBody({
  rows,
  ids,
  toggle,
}: {
  rows: ScenarioListItem[];
  ids: string[];
  toggle: (id: string) => void;
}) {
  if (!rows.length) return <Empty>The catalog is empty: no scenarios were found.</Empty>;
  const dims = Object.keys(rows[0]!.scorecard.scores);
  const columns: Column<ScenarioListItem>[] = [
    {
      key: 'selected',
      label: 'Select',
      value: (s) => ids.includes(s.id),
      render: (s) => (
        <input
          type="checkbox"
          checked={ids.includes(s.id)}
          onChange={() => toggle(s.id)}
          aria-label={`Select ${s.title} for the side-by-side scorecards`}
        />
      ),
    },
    {
      key: 'title',
      label: 'Scenario',
      minWidth: '16em',
      value: (s) => s.title,
      render: (s) => (
        <>
          <Link href={`/scenarios/${encodeURIComponent(s.id)}`}>{s.title}</Link>
          <br />
          <code className="id">{s.id}</code>
        </>
      ),
    },
    { key: 'origin', label: 'Origin', value: (s) => s.origin },
    { key: 'status', label: 'Status', value: (s) => s.status ?? null },
    { key: 'overall', label: 'Overall', value: (s) => s.scorecard.overall, numeric: true },
    ...dims.map(
      (d): Column<ScenarioListItem> => ({
        key: d,
        label: d,
        value: (s) => s.scorecard.scores[d] ?? null,
        numeric: true,
      }),
    ),
    { key: 'errors', label: 'Errors', value: (s) => s.scorecard.findings.error, numeric: true },
    { key: 'warnings', label: 'Warnings', value: (s) => s.scorecard.findings.warning, numeric: true },
  ];
  const selected = rows.filter((s) => ids.includes(s.id));
  const bars = selected.flatMap((s) =>
    ['overall', ...dims].map((d) => ({
      label: d,
      value: d === 'overall' ? s.scorecard.overall : (s.scorecard.scores[d] ?? 0),
      group: s.id,
    })),
  );
  return (
    <>
      <section aria-labelledby="side-by-side">
        <h2 id="side-by-side">Scorecards side by side</h2>
        {selected.length === 0 ? (
          <Empty>Tick two or more scenarios in the table below to see their scorecards side by side.</Empty>
        ) : (
          <>
            <p>
              <Link href={href('/compare', { ids: selected.map((s) => s.id).join(',') })}>
                Compare these {selected.length} with simulated survival curves
              </Link>
            </p>
            <ChartFrame
              label={`Scorecards of ${selected.map((s) => s.id).join(', ')} (0 to 100 per dimension)`}
              filename="scorecards"
              deps={[bars.map((b) => `${b.group}${b.label}${b.value}`).join()]}
              build={(o) =>
                barsChart(bars, { width: o.width, title: 'Scorecards (0–100)', xLabel: 'score (0–100)' })
              }
              table={
                <DataTable
                  caption="Scorecards side by side"
                  rowKey={(r) => r.label}
                  columns={[
                    { key: 'dimension', label: 'Dimension', value: (r: { label: string }) => r.label },
                    ...selected.map((s) => ({
                      key: s.id,
                      label: s.id,
                      numeric: true,
                      value: (r: { label: string }) =>
                        bars.find((b) => b.group === s.id && b.label === r.label)?.value ?? null,
                    })),
                  ]}
                  rows={['overall', ...dims].map((label) => ({ label }))}
                />
              }
            />
          </>
        )}
      </section>
      <section aria-labelledby="all-scenarios">
        <h2 id="all-scenarios">All scenarios ({rows.length})</h2>
        <DataTable
          caption="Scenarios and their scorecards"
          filename="catalog-scorecards"
          columns={columns}
          rows={rows}
          rowKey={(s) => s.id}
          initialSort={{ key: 'overall', dir: 'desc' }}
        />
      </section>
    </>
  );
}
