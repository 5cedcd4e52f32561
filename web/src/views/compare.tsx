// compare: scorecards and simulated figures in one table, and the survival curves overlaid (simulated in the worker)
import { useEffect, useState } from 'react';
import { survivalChart } from '../../../src/charts/index.js';
import type { SimulationReport } from '../../../src/core/index.js';
import { api, enc } from '../api';
import { ChartFrame } from '../components/chart-frame';
import { type Column, DataTable } from '../components/data-table';
import { Link } from '../components/link';
import { ReportLinks } from '../components/report-links';
import { Empty, ErrorBox, Loading } from '../components/status';
import { type Location, setQuery } from '../router';
import { type CompareRow, pct, type ScenarioListItem } from '../types';
import { useApi } from '../use-api';
import { runInWorker } from '../worker/client';
import type { ScenarioDoc } from './scenario';
import { SurvivalTable, survivalSeries } from './simulation';

const SAMPLES = 10_000;

export function CompareView({ loc }: { loc: Location }) {
  const ids = (loc.query.get('ids') ?? '').split(',').filter(Boolean);
  const list = useApi<{ scenarios: ScenarioListItem[] }>('/api/scenarios');
  const seed = Number(loc.query.get('seed') ?? 1) || 1;
  return (
    <>
      <h1>Compare scenarios</h1>
      <p className="lead">
        Scorecards, parties' positions and simulated figures side by side, and the survival curves overlaid
        (each simulated in your browser at {SAMPLES.toLocaleString('en')} samples, seed {seed}).
      </p>
      <fieldset className="picker">
        <legend>Scenarios to compare</legend>
        {list.state === 'loading' ? <Loading what="the scenarios" /> : null}
        {list.state === 'error' ? <ErrorBox error={list.error} /> : null}
        {list.state === 'ok'
          ? list.data.scenarios.map((s) => (
              <label key={s.id} className="check">
                <input
                  type="checkbox"
                  checked={ids.includes(s.id)}
                  onChange={() =>
                    setQuery({
                      ids: (ids.includes(s.id) ? ids.filter((x) => x !== s.id) : [...ids, s.id]).join(','),
                    })
                  }
                />
                {s.title} <code className="id">{s.id}</code>
              </label>
            ))
          : null}
      </fieldset>
      {ids.length < 2 ? (
        <Empty>Choose at least two scenarios to compare.</Empty>
      ) : (
        <CompareBody key={ids.join(',')} ids={ids} seed={seed} />
      )}
    </>
  );
}

type Curves =
  | { state: 'loading' }
  | { state: 'error'; error: unknown }
  | { state: 'ok'; reps: SimulationReport[] };

function CompareBody({ ids, seed }: { ids: string[]; seed: number }) {
  const table = useApi<CompareRow[]>(`/api/compare?ids=${enc(ids.join(','))}`);
  const [curves, setCurves] = useState<Curves>({ state: 'loading' });
  // keyed on the ids' text, not the array: a parent re-render must not start every simulation again
  const idList = ids.join(',');
  useEffect(() => {
    let live = true;
    (async () => {
      const reps: SimulationReport[] = [];
      for (const id of idList.split(',')) {
        if (!live) return; // left the view or changed the selection: stop queueing worker runs
        const doc = await api.get<ScenarioDoc>(`/api/scenarios/${enc(id)}`);
        const r = await runInWorker({ kind: 'simulate', yaml: doc.yaml, samples: SAMPLES, seed, shocks: [] });
        if (r.result.kind === 'simulate') reps.push(r.result.report);
      }
      if (live) setCurves({ state: 'ok', reps });
    })().catch((error) => live && setCurves({ state: 'error', error }));
    return () => {
      live = false;
    };
  }, [idList, seed]);
  const dims = table.state === 'ok' && table.data[0] ? Object.keys(table.data[0].scores) : [];
  const parties = table.state === 'ok' && table.data[0] ? Object.keys(table.data[0].parties) : [];
  const columns: Column<CompareRow>[] = [
    {
      key: 'id',
      label: 'Scenario',
      minWidth: '14em',
      value: (r) => r.id,
      render: (r) => <Link href={`/scenarios/${enc(r.id)}`}>{r.title}</Link>,
    },
    { key: 'overall', label: 'Overall', value: (r) => r.overall, numeric: true },
    ...dims.map((d) => ({ key: d, label: d, value: (r: CompareRow) => r.scores[d] ?? null, numeric: true })),
    ...parties.map((p) => ({ key: `party-${p}`, label: p, value: (r: CompareRow) => r.parties[p] ?? null })),
    { key: 'pNoAttack', label: 'P(no attack)', value: (r) => r.simulated?.pNoAttack ?? null, numeric: true },
    { key: 'horizon', label: 'Horizon', value: (r) => r.simulated?.horizonYears ?? null, numeric: true },
    {
      key: 'pSuccess',
      label: 'P(success | attack)',
      value: (r) => r.simulated?.pSuccessGivenAttack ?? null,
      numeric: true,
    },
    { key: 'warnings', label: 'Warnings', value: (r) => r.findings.warning, numeric: true },
    { key: 'errors', label: 'Errors', value: (r) => r.findings.error, numeric: true },
  ];
  return (
    <>
      <ReportLinks ids={ids} />
      <section aria-labelledby="overlay">
        <h2 id="overlay">Survival curves</h2>
        {curves.state === 'loading' ? <Loading what="the simulations" /> : null}
        {curves.state === 'error' ? <ErrorBox error={curves.error} title="A simulation failed" /> : null}
        {curves.state === 'ok' ? (
          <ChartFrame
            label={`Survival curves overlaid: ${curves.reps.map((r) => `${r.scenario} ${pct(r.pNoAttack.mean)} at ${r.horizonYears} years`).join('; ')}`}
            filename="compare-survival"
            deps={[curves.reps]}
            build={(o) =>
              survivalChart(
                curves.reps.map((r) => survivalSeries(r.scenario, r)),
                { width: o.width, title: 'P(no attack) by year' },
              )
            }
            table={<SurvivalTable series={curves.reps.map((r) => ({ label: r.scenario, rep: r }))} />}
          />
        ) : null}
      </section>
      <section aria-labelledby="compare-table">
        <h2 id="compare-table">Side by side</h2>
        {table.state === 'loading' ? <Loading what="the comparison" /> : null}
        {table.state === 'error' ? <ErrorBox error={table.error} title="The comparison failed" /> : null}
        {table.state === 'ok' ? (
          <DataTable
            caption="Scenarios compared"
            filename="compare"
            columns={columns}
            rows={table.data}
            rowKey={(r) => r.id}
          />
        ) : null}
      </section>
    </>
  );
}
