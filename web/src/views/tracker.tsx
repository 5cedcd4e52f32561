// the tracker dashboard: committed vs allocated vs delivered over time; by donor, category and agreement with
// slippage; and an import form that uploads a CSV/XLSX/YAML to the ledger (all or nothing)
import { type FormEvent, useMemo, useRef, useState } from 'react';
import {
  barsChart,
  fromMetricGroups,
  fromMonthlyFlows,
  type MonthlyFlowJson,
  trackerChart,
} from '../../../src/charts/index.js';
import { ApiError, api, enc } from '../api';
import { ChartFrame } from '../components/chart-frame';
import { type Column, DataTable } from '../components/data-table';
import { Empty, ErrorBox, Loading } from '../components/status';
import { Tabs } from '../components/tabs';
import { href, type Location, setQuery } from '../router';
import { num, pct } from '../types';
import { useApi } from '../use-api';

const TABS = [
  { id: 'overview', label: 'Over time' },
  { id: 'donor', label: 'By donor' },
  { id: 'category', label: 'By category' },
  { id: 'instrument', label: 'By agreement' },
  { id: 'import', label: 'Import' },
];

type Flow = MonthlyFlowJson;

interface Group {
  key: string;
  pledges: number;
  committedEurBn: number;
  allocatedEurBn: number;
  deliveredEurBn: number;
  fulfilment: number;
  backlogEurBn: number;
  onTimeShare: number | null;
  due: number;
  late: number;
  slippageMonths: { n: number; mean: number | null; p50: number | null; p90: number | null };
  overdueMonths: { n: number; mean: number | null };
  forecast: { open: number; p50: string | null; p90: string | null; basis: string };
}

interface Status {
  asOf: string;
  counts: Record<string, number>;
  releases: {
    id: number;
    kind: string;
    label: string | null;
    file: string;
    rows: number;
    importedAt: string;
  }[];
}

export function TrackerView({ loc }: { loc: Location }) {
  const tab = loc.query.get('tab') ?? 'overview';
  const asOf = loc.query.get('asOf') ?? '';
  const [reload, setReload] = useState(0);
  const status = useApi<Status>(href('/api/tracker/status', { asOf }), reload);
  return (
    <>
      <h1>Pledge and delivery tracker</h1>
      <p className="lead">
        What donors committed, allocated and delivered (EUR bn), from the ledger: Kiel Ukraine Support Tracker
        releases, bilateral agreements and your own imports (docs/tracker.md).
      </p>
      <form className="controls" onSubmit={(e) => e.preventDefault()} aria-label="Tracker settings">
        <label>
          As of
          <input type="date" value={asOf} onChange={(e) => setQuery({ asOf: e.target.value })} />
        </label>
      </form>
      {status.state === 'loading' ? <Loading what="the ledger status" /> : null}
      {status.state === 'error' ? (
        <ErrorBox error={status.error} title="The ledger could not be read" />
      ) : null}
      {status.state === 'ok' ? (
        <p className="meta" data-testid="ledger-counts">
          As of {status.data.asOf}: {status.data.counts.pledges?.toLocaleString('en')} pledges,{' '}
          {status.data.counts.events?.toLocaleString('en')} events, {status.data.releases.length} imports.
        </p>
      ) : null}
      <Tabs
        tabs={TABS}
        selected={tab}
        onSelect={(t) => setQuery({ tab: t === 'overview' ? undefined : t })}
        label="Tracker views"
      >
        {tab === 'import' ? (
          <ImportForm
            onImported={() => setReload((n) => n + 1)}
            releases={status.state === 'ok' ? status.data.releases : []}
          />
        ) : tab === 'overview' ? (
          <OverTime asOf={asOf} reload={reload} />
        ) : (
          <ByGroup by={tab as 'donor' | 'category' | 'instrument'} asOf={asOf} reload={reload} />
        )}
      </Tabs>
    </>
  );
}

function OverTime({ asOf, reload }: { asOf: string; reload: number }) {
  const r = useApi<{ rows: Flow[] }>(
    href('/api/tracker/export', { what: 'monthly', from: 'ledger', asOf }),
    reload,
  );
  const series = useMemo(() => (r.state === 'ok' ? fromMonthlyFlows(r.data.rows) : []), [r]);
  if (r.state === 'loading') return <Loading what="the monthly series" />;
  if (r.state === 'error') return <ErrorBox error={r.error} title="The monthly series could not be loaded" />;
  if (!series.length)
    return <Empty>The ledger is empty: import Kiel data, agreements or your own CSV.</Empty>;
  const last = series[series.length - 1]!;
  return (
    <ChartFrame
      label={`Cumulative committed, allocated and delivered aid to ${last.month}: ${last.committed} / ${last.allocated} / ${last.delivered} EUR bn`}
      filename="tracker-over-time"
      deps={[series]}
      build={(o) => trackerChart(series, { width: o.width, title: 'Cumulative aid, EUR bn' })}
      table={
        <DataTable
          caption="Cumulative aid by month (EUR bn)"
          filename="tracker-monthly"
          rowKey={(m) => m.month}
          rows={series}
          sortable={false}
          columns={[
            { key: 'month', label: 'Month', value: (m) => m.month },
            { key: 'committed', label: 'Committed', value: (m) => m.committed, numeric: true },
            { key: 'allocated', label: 'Allocated', value: (m) => m.allocated, numeric: true },
            { key: 'delivered', label: 'Delivered', value: (m) => m.delivered ?? null, numeric: true },
          ]}
        />
      }
    />
  );
}

function ByGroup({
  by,
  asOf,
  reload,
}: {
  by: 'donor' | 'category' | 'instrument';
  asOf: string;
  reload: number;
}) {
  const r = useApi<{ groups: Group[]; asOf: string }>(
    href('/api/tracker/export', { what: 'metrics', by, asOf }),
    reload,
  );
  if (r.state === 'loading') return <Loading what={`metrics by ${by}`} />;
  if (r.state === 'error') return <ErrorBox error={r.error} title="The metrics could not be loaded" />;
  const groups = r.data.groups;
  if (!groups.length) return <Empty>No pledges in the ledger yet.</Empty>;
  const bars = fromMetricGroups(groups, { top: 15 });
  const shown = new Set(bars.map((b) => b.label)).size;
  const what = by === 'instrument' ? 'agreement' : by;
  const columns: Column<Group>[] = [
    { key: 'key', label: what[0]!.toUpperCase() + what.slice(1), value: (g) => g.key },
    { key: 'pledges', label: 'Pledges', value: (g) => g.pledges, numeric: true },
    { key: 'committedEurBn', label: 'Committed', value: (g) => g.committedEurBn, numeric: true },
    { key: 'allocatedEurBn', label: 'Allocated', value: (g) => g.allocatedEurBn, numeric: true },
    { key: 'deliveredEurBn', label: 'Delivered', value: (g) => g.deliveredEurBn, numeric: true },
    {
      key: 'fulfilment',
      label: 'Fulfilment',
      value: (g) => g.fulfilment,
      render: (g) => pct(g.fulfilment),
      numeric: true,
    },
    { key: 'late', label: 'Late', value: (g) => g.late, numeric: true },
    {
      key: 'slippageMean',
      label: 'Slippage (months, mean)',
      value: (g) => g.slippageMonths.mean,
      render: (g) => num(g.slippageMonths.mean),
      numeric: true,
    },
    {
      key: 'slippageP90',
      label: 'Slippage p90',
      value: (g) => g.slippageMonths.p90,
      render: (g) => num(g.slippageMonths.p90),
      numeric: true,
    },
    {
      key: 'overdueMean',
      label: 'Overdue (months)',
      value: (g) => g.overdueMonths.mean,
      render: (g) => num(g.overdueMonths.mean),
      numeric: true,
    },
    { key: 'forecastP50', label: 'Completion p50', value: (g) => g.forecast.p50 },
  ];
  return (
    <>
      <ChartFrame
        label={`Committed, allocated and delivered by ${what} (EUR bn), the ${shown} largest`}
        filename={`tracker-by-${what}`}
        deps={[bars]}
        build={(o) => barsChart(bars, { width: o.width, title: `By ${what}, EUR bn` })}
        table={<p>The full table follows the chart.</p>}
      />
      <DataTable
        caption={`Metrics by ${what} (EUR bn), as of ${r.data.asOf}`}
        filename={`tracker-metrics-by-${what}`}
        columns={columns}
        rows={groups}
        rowKey={(g) => g.key}
        initialSort={{ key: 'committedEurBn', dir: 'desc' }}
      />
    </>
  );
}

interface ImportOutcome {
  file: string;
  kind: string;
  status: string;
  rows: number;
  added: number;
  changed: number;
  removed: number;
  warnings: number;
  notes: string[];
}

function ImportForm({ onImported, releases }: { onImported: () => void; releases: Status['releases'] }) {
  const file = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState('');
  const [dry, setDry] = useState(false);
  const [busy, setBusy] = useState(false);
  const [out, setOut] = useState<{ ok: true; r: ImportOutcome } | { ok: false; e: unknown } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const f = file.current?.files?.[0];
    if (!f) return setOut({ ok: false, e: new ApiError(0, 'usage.no-file', 'choose a file to import') });
    setBusy(true);
    setOut(null);
    try {
      const r = await api.upload<ImportOutcome>(
        href('/api/tracker/import', { name: f.name, kind: kind || undefined, dryRun: dry ? '1' : undefined }),
        f,
      );
      setOut({ ok: true, r });
      if (!dry) onImported();
    } catch (err) {
      setOut({ ok: false, e: err });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <form className="controls import" onSubmit={submit} aria-label="Import into the ledger">
        <label className="wide">
          File (CSV, XLSX or agreements YAML)
          <input ref={file} type="file" accept=".csv,.xlsx,.yaml,.yml,text/csv" required />
        </label>
        <label>
          Kind
          <select value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">detect</option>
            {['csv', 'kiel-explorer', 'kiel-activities', 'kiel-weapons', 'kiel-xlsx', 'agreements'].map(
              (k) => (
                <option key={k}>{k}</option>
              ),
            )}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={dry} onChange={(e) => setDry(e.target.checked)} />
          Check only (dry run)
        </label>
        <button type="submit" disabled={busy}>
          {busy ? 'Importing…' : 'Import'}
        </button>
        <p className="hint">
          Own CSV columns: pledge_id, donor, category, stage, date (required), then instrument, item, unit,
          quantity, value, currency, value_eur, due, source, note. One row per pipeline event. The import is
          all or nothing.
        </p>
      </form>
      <div aria-live="polite">
        {out?.ok ? (
          <p className="status ok" role="status" data-testid="import-outcome">
            {out.r.file}: {out.r.kind}, {out.r.status}: {out.r.rows} rows ({out.r.added} added,{' '}
            {out.r.changed} changed, {out.r.removed} removed)
            {out.r.warnings ? `, ${out.r.warnings} warnings` : ''}.
            {out.r.notes.length ? ` ${out.r.notes.join(' ')}` : ''}
          </p>
        ) : null}
        {out && !out.ok ? <ErrorBox error={out.e} title="Nothing was imported" /> : null}
      </div>
      <h2>Imports so far</h2>
      {releases.length ? (
        <DataTable
          caption="Imports (releases)"
          filename="tracker-releases"
          rowKey={(r) => String(r.id)}
          rows={releases}
          initialSort={{ key: 'id', dir: 'desc' }}
          columns={[
            { key: 'id', label: 'Id', value: (r) => r.id, numeric: true },
            { key: 'kind', label: 'Kind', value: (r) => r.kind },
            { key: 'label', label: 'Label', value: (r) => r.label },
            { key: 'file', label: 'File', value: (r) => r.file },
            { key: 'rows', label: 'Rows', value: (r) => r.rows, numeric: true },
            { key: 'importedAt', label: 'Imported', value: (r) => r.importedAt },
          ]}
        />
      ) : (
        <Empty>Nothing imported yet.</Empty>
      )}
    </>
  );
}

export const trackerDonorUrl = (name: string) => `/api/tracker/donor/${enc(name)}`;
