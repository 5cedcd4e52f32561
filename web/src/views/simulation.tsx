// the simulation view: survival curve with its band, P(success | attack), distributions, stress tests side by side,
// tornado and instrument attribution; small runs in the Web Worker, large ones on the server with progress
import { type FormEvent, useEffect, useState } from 'react';
import {
  attributionChart,
  fromAttribution,
  fromSimulationReport,
  fromStressReport,
  fromTornado,
  histogramChart,
  stressChart,
  survivalChart,
  survivalFromStressReport,
  tornadoChart,
} from '../../../src/charts/index.js';
import type { SimulationReport, StressReport } from '../../../src/core/index.js';
import { enc } from '../api';
import { ChartFrame } from '../components/chart-frame';
import { DataTable } from '../components/data-table';
import { Link } from '../components/link';
import { ReportLinks } from '../components/report-links';
import { Empty, ErrorBox, Loading } from '../components/status';
import { Tabs } from '../components/tabs';
import { href, type Location, navigate, setQuery } from '../router';
import { type RunState, useRun, whereFor } from '../run-controller';
import { parseShocks } from '../shocks';
import { num, pct, type ScenarioListItem } from '../types';
import { useApi } from '../use-api';
import { WORKER_MAX_SAMPLES } from '../worker/client';
import type { RunKind, RunResult } from '../worker/protocol';
import type { ScenarioDoc } from './scenario';

const TABS: { id: RunKind; label: string }[] = [
  { id: 'simulate', label: 'Survival and distributions' },
  { id: 'stress', label: 'Stress tests' },
  { id: 'sensitivity', label: 'Tornado and attribution' },
];

export interface SimParams {
  samples: number;
  seed: number;
  horizon?: number;
  shocks: string;
  tab: RunKind;
}

export function paramsFrom(q: URLSearchParams): SimParams {
  const int = (k: string, d: number) => {
    const v = Number(q.get(k));
    return q.get(k) !== null && Number.isInteger(v) && v >= 0 ? v : d;
  };
  const tab = q.get('tab');
  const h = int('horizon', 0);
  return {
    samples: Math.max(1, int('samples', 10_000)),
    seed: int('seed', 1),
    ...(h ? { horizon: h } : {}),
    shocks: q.get('shocks') ?? '',
    tab: tab === 'stress' || tab === 'sensitivity' ? tab : 'simulate',
  };
}

export function SimulationView({ id, loc }: { id: string | undefined; loc: Location }) {
  const list = useApi<{ scenarios: ScenarioListItem[] }>('/api/scenarios');
  const p = paramsFrom(loc.query);
  return (
    <>
      <h1>Simulation{id ? `: ${id}` : ''}</h1>
      <p className="lead">
        Monte Carlo of renewed attack over the horizon (docs/model.md). Runs of up to{' '}
        {WORKER_MAX_SAMPLES.toLocaleString('en')} samples run in your browser with the same model code as the
        server; larger runs go to the server as a job you can follow and cancel.
      </p>
      <SimForm id={id} p={p} list={list.state === 'ok' ? list.data.scenarios : []} />
      {id ? <SimResults key={id} id={id} p={p} /> : <Empty>Choose a scenario above to simulate it.</Empty>}
    </>
  );
}

function SimForm({ id, p, list }: { id: string | undefined; p: SimParams; list: ScenarioListItem[] }) {
  const [scenario, setScenario] = useState(id ?? '');
  const [samples, setSamples] = useState(String(p.samples));
  const [seed, setSeed] = useState(String(p.seed));
  const [horizon, setHorizon] = useState(p.horizon ? String(p.horizon) : '');
  const [shocks, setShocks] = useState(p.shocks);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setScenario(id ?? '');
    setSamples(String(p.samples));
    setSeed(String(p.seed));
    setHorizon(p.horizon ? String(p.horizon) : '');
    setShocks(p.shocks);
  }, [id, p.samples, p.seed, p.horizon, p.shocks]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(samples.replaceAll(/[_,]/g, ''));
    if (!scenario) return setProblem('choose a scenario');
    if (!Number.isInteger(n) || n < 1 || n > 10_000_000)
      return setProblem('samples: a whole number from 1 to 10,000,000');
    if (!/^\d+$/.test(seed)) return setProblem('seed: a whole number, e.g. 1');
    if (horizon && !/^\d+$/.test(horizon))
      return setProblem("horizon: whole years from 1 to 100, or empty for the scenario's");
    const sh = parseShocks(shocks);
    if (!sh.ok) return setProblem(`shocks: ${sh.message}`);
    setProblem(null);
    navigate(
      href(`/simulate/${enc(scenario)}`, {
        samples: n,
        seed,
        horizon: horizon || undefined,
        shocks: shocks.trim() || undefined,
        tab: p.tab === 'simulate' ? undefined : p.tab,
        run: whereFor(n) === 'server' ? '1' : undefined,
      }),
    );
  };
  return (
    <form className="controls" onSubmit={submit} aria-label="Simulation settings">
      <label>
        Scenario
        <select value={scenario} onChange={(e) => setScenario(e.target.value)} required>
          <option value="">Choose…</option>
          {list.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title} ({s.id})
            </option>
          ))}
          {id && !list.some((s) => s.id === id) ? <option value={id}>{id}</option> : null}
        </select>
      </label>
      <label>
        Samples
        <input inputMode="numeric" value={samples} onChange={(e) => setSamples(e.target.value)} size={9} />
      </label>
      <label>
        Seed
        <input inputMode="numeric" value={seed} onChange={(e) => setSeed(e.target.value)} size={6} />
      </label>
      <label>
        Horizon (years)
        <input
          inputMode="numeric"
          value={horizon}
          onChange={(e) => setHorizon(e.target.value)}
          size={4}
          placeholder="scenario's"
        />
      </label>
      <label className="wide">
        Shocks
        <input
          value={shocks}
          onChange={(e) => setShocks(e.target.value)}
          placeholder="e.g. government-change:USA@2, delivery-slip:12"
          aria-describedby="shock-help"
        />
      </label>
      <button type="submit">Run</button>
      <p id="shock-help" className="hint">
        Shocks use the CLI's notation: government-change:ACTOR@YEAR, guarantor-withdraws:ACTOR@YEAR,
        veto-used:ACTOR, nuclear-threat[:moderate|severe][@YEAR], delivery-slip:MONTHS[:ACTOR].
      </p>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}

function SimResults({ id, p }: { id: string; p: SimParams }) {
  const doc = useApi<ScenarioDoc>(`/api/scenarios/${enc(id)}`);
  const { st, run, cancel } = useRun();
  const where = whereFor(p.samples);
  const sh = parseShocks(p.shocks);
  const key = `${p.tab}|${p.samples}|${p.seed}|${p.horizon ?? ''}|${p.shocks}`;
  const yaml = doc.state === 'ok' ? doc.data.yaml : null;
  const autorun = where === 'worker' || new URLSearchParams(window.location.search).get('run') === '1';
  const start = () => {
    if (yaml === null || !sh.ok) return;
    void run({
      scenario: id,
      yaml,
      kind: p.tab,
      samples: p.samples,
      seed: p.seed,
      ...(p.horizon ? { horizon: p.horizon } : {}),
      shocks: sh.shocks,
      shockText: p.shocks.split(/[,;\s]+/).filter(Boolean),
    });
  };
  // a shared URL restores the result: small runs start by themselves, large ones when the URL says run=1
  // biome-ignore lint/correctness/useExhaustiveDependencies: reruns when the URL's run parameters change
  useEffect(() => {
    if (yaml !== null && autorun) start();
  }, [yaml, key]);
  if (doc.state === 'loading') return <Loading what={`scenario ${id}`} />;
  if (doc.state === 'error') return <ErrorBox error={doc.error} title="This scenario could not be loaded" />;
  if (!sh.ok) return <ErrorBox error={new Error(sh.message)} title="The shocks in the URL are invalid" />;
  return (
    <>
      <p>
        <Link href={`/scenarios/${enc(id)}`}>{doc.data.scenario.title}</Link> ·{' '}
        {p.samples.toLocaleString('en')} samples, seed {p.seed}
        {p.horizon ? `, ${p.horizon}-year horizon` : ''} · runs{' '}
        {where === 'worker' ? 'in this browser (Web Worker)' : 'on the server'}
      </p>
      <ReportLinks ids={[id]} />
      <Tabs
        tabs={TABS}
        selected={p.tab}
        onSelect={(t) =>
          setQuery({ tab: t === 'simulate' ? undefined : t, run: where === 'server' ? undefined : null })
        }
        label="Simulation results"
      >
        <RunStatus st={st} cancel={cancel} start={start} />
        {st.state === 'done' ? <Result r={st.result} /> : null}
      </Tabs>
    </>
  );
}

function RunStatus({ st, cancel, start }: { st: RunState; cancel: () => void; start: () => void }) {
  if (st.state === 'idle')
    return (
      <p>
        This run is large, so it runs on the server.{' '}
        <button type="button" onClick={start}>
          Start the server run
        </button>
      </p>
    );
  if (st.state === 'running')
    return (
      <div className="progress" role="status" aria-live="polite">
        <label>
          {st.where === 'worker' ? 'Simulating in the browser' : 'Simulating on the server'}:{' '}
          {st.done.toLocaleString('en')} of {st.total.toLocaleString('en')} samples
          <progress max={st.total} value={st.done} />
        </label>
        <button type="button" onClick={cancel}>
          Cancel
        </button>
      </div>
    );
  if (st.state === 'error')
    return (
      <>
        <ErrorBox error={st.error} title="The simulation did not finish" />
        <button type="button" onClick={start}>
          Run again
        </button>
      </>
    );
  return (
    <p className="hint" data-testid="run-time">
      Finished in {Math.round(st.ms)} ms{' '}
      {st.where === 'worker' ? `in the browser (model ${Math.round(st.computeMs ?? 0)} ms)` : 'on the server'}
      .
    </p>
  );
}

function Result({ r }: { r: RunResult }) {
  if (r.kind === 'simulate') return <SimulateResult rep={r.report} />;
  if (r.kind === 'stress') return <StressResult rep={r.report} />;
  return <SensitivityResult rep={r.report} />;
}

/** the survival curve as the chart takes it (REPORT's adapter, so the report and the UI draw the same thing) */
export const survivalSeries = (label: string, rep: SimulationReport) => fromSimulationReport(rep, label);

/**
 * The report carries quantiles of P(no attack) across parameter draws, not raw draws; between two quantiles lies a
 * known share of the draws, so the histogram's bins are the inter-quantile ranges (count = share of draws, in %).
 */
export function quantileBins(q: { level: number; value: number }[]) {
  const bins: { x0: number; x1: number; count: number }[] = [];
  for (let i = 1; i < q.length; i++) {
    const a = q[i - 1]!;
    const b = q[i]!;
    if (b.value > a.value)
      bins.push({ x0: a.value, x1: b.value, count: Math.round((b.level - a.level) * 1000) / 10 });
  }
  return bins;
}

function SimulateResult({ rep }: { rep: SimulationReport }) {
  const H = rep.horizonYears;
  const pn = rep.pNoAttack;
  const bins = quantileBins([
    { level: 0.05, value: pn.p5 },
    { level: 0.25, value: pn.p25 },
    { level: 0.5, value: pn.p50 },
    { level: 0.75, value: pn.p75 },
    { level: 0.95, value: pn.p95 },
  ]);
  const sg = rep.pSuccessGivenAttack;
  const sbins = quantileBins([
    { level: 0.05, value: sg.p5 },
    { level: 0.5, value: sg.p50 },
    { level: 0.95, value: sg.p95 },
  ]);
  return (
    <div data-testid="simulation-result">
      <dl className="figures">
        <div>
          <dt>P(no renewed major attack within {H} years)</dt>
          <dd data-testid="p-no-attack">{pct(pn.mean)}</dd>
          <dd className="hint">
            90% of parameter draws {pct(pn.p5)} to {pct(pn.p95)}; s.e. {num(pn.standardError, 2)}
          </dd>
        </div>
        <div>
          <dt>P(attack succeeds | attack)</dt>
          <dd>{pct(sg.pooled)}</dd>
          <dd className="hint">
            90% of parameter draws {pct(sg.p5)} to {pct(sg.p95)}
          </dd>
        </div>
      </dl>
      <ChartFrame
        label={`Survival curve of ${rep.scenario}: P(no attack) by year with the 5th to 95th percentile band`}
        filename={`${rep.scenario}-survival`}
        deps={[rep]}
        build={(o) =>
          survivalChart([survivalSeries(rep.scenario, rep)], {
            width: o.width,
            title: `P(no attack) by year: ${rep.scenario}`,
          })
        }
        table={
          <DataTable
            caption="Survival and expected yearly costs"
            filename={`${rep.scenario}-survival`}
            rowKey={(s) => String(s.year)}
            rows={rep.survival.map((s, t) => ({ ...s, ...rep.costs[t]! }))}
            columns={[
              { key: 'year', label: 'Year', value: (s) => s.year, numeric: true },
              { key: 'mean', label: 'P(no attack)', value: (s) => s.mean, numeric: true },
              { key: 'p5', label: 'p5', value: (s) => s.p5, numeric: true },
              { key: 'p95', label: 'p95', value: (s) => s.p95, numeric: true },
              {
                key: 'guarantorsForcesUsdBn',
                label: 'Forces USD bn',
                value: (s) => s.guarantorsForcesUsdBn,
                numeric: true,
              },
              {
                key: 'guarantorsAidEurBn',
                label: 'Aid EUR bn',
                value: (s) => s.guarantorsAidEurBn,
                numeric: true,
              },
              {
                key: 'ukraineDefenceUsdBn',
                label: 'Ukraine USD bn',
                value: (s) => s.ukraineDefenceUsdBn,
                numeric: true,
              },
            ]}
          />
        }
      />
      <h2>Distributions over parameter uncertainty</h2>
      <p className="hint">
        Each bar is the range between two reported percentiles of the parameter draws (5th, 25th, 50th, 75th
        and 95th for P(no attack); 5th, 50th and 95th for P(success | attack)) and its height the share of
        draws in it; the outer 10% of draws lie beyond the bars.
      </p>
      <div className="grid-2">
        <ChartFrame
          label={`Distribution of P(no attack within ${H} years) across parameter draws`}
          filename={`${rep.scenario}-p-no-attack-distribution`}
          deps={[rep]}
          build={(o) =>
            histogramChart(
              { label: `P(no attack within ${H} years)`, bins },
              { width: o.width, percentX: true },
            )
          }
          table={<BinsTable caption="P(no attack) across parameter draws" bins={bins} />}
        />
        <ChartFrame
          label="Distribution of P(success | attack) across parameter draws"
          filename={`${rep.scenario}-p-success-distribution`}
          deps={[rep]}
          build={(o) =>
            histogramChart({ label: 'P(success | attack)', bins: sbins }, { width: o.width, percentX: true })
          }
          table={<BinsTable caption="P(success | attack) across parameter draws" bins={sbins} />}
        />
      </div>
      <h2>Guarantors</h2>
      <DataTable
        caption="Chance each guarantor fights if attacked in year 1"
        rowKey={(g) => g.id}
        rows={rep.guarantors}
        columns={[
          { key: 'id', label: 'Guarantor', value: (g) => g.id },
          {
            key: 'honourProbabilityYear1',
            label: 'P(honours, year 1)',
            value: (g) => g.honourProbabilityYear1,
            numeric: true,
          },
        ]}
      />
      <h2>Model inputs</h2>
      <DataTable
        caption="Model inputs and their sources"
        filename={`${rep.scenario}-inputs`}
        rowKey={(a) => a.name}
        rows={rep.assumptions}
        columns={[
          { key: 'name', label: 'Input', value: (a) => a.name },
          { key: 'group', label: 'Group', value: (a) => a.group },
          { key: 'spec', label: 'Distribution', value: (a) => a.spec },
          { key: 'origin', label: 'From', value: (a) => a.origin },
          { key: 'evidence', label: 'Evidence', value: (a) => a.evidence },
          {
            key: 'sources',
            label: 'Sources',
            value: (a) => a.sources.join(' '),
            render: (a) => (
              <>
                {a.sources.map((s, i) => (
                  <span key={s}>
                    {i ? ', ' : ''}
                    <Link href={`/sources#${enc(s)}`}>{s}</Link>
                  </span>
                ))}
              </>
            ),
          },
        ]}
      />
    </div>
  );
}

function BinsTable({
  caption,
  bins,
}: {
  caption: string;
  bins: { x0: number; x1: number; count: number }[];
}) {
  return (
    <DataTable
      caption={caption}
      rowKey={(b) => `${b.x0}`}
      rows={bins}
      columns={[
        { key: 'x0', label: 'From', value: (b) => b.x0, numeric: true },
        { key: 'x1', label: 'To', value: (b) => b.x1, numeric: true },
        { key: 'count', label: '% of draws', value: (b) => b.count, numeric: true },
      ]}
    />
  );
}

function StressResult({ rep }: { rep: StressReport }) {
  const rows = [
    { name: 'baseline', r: rep.baseline, d: 0, ds: 0 },
    ...rep.tests.map((t) => ({
      name: t.name,
      r: t as SimulationReport,
      d: t.deltaPNoAttack,
      ds: t.deltaPSuccessGivenAttack,
    })),
  ];
  return (
    <div data-testid="stress-result">
      {rep.tests.length === 0 ? (
        <Empty>The scenario declares no stress tests; add shocks above to run one.</Empty>
      ) : null}
      <div className="grid-2">
        <ChartFrame
          label={`P(no attack within ${rep.baseline.horizonYears} years) under each stress test`}
          filename={`${rep.baseline.scenario}-stress`}
          deps={[rep]}
          build={(o) => stressChart(fromStressReport(rep), { width: o.width })}
          table={
            <DataTable
              caption="Stress tests side by side"
              filename={`${rep.baseline.scenario}-stress`}
              rowKey={(x) => x.name}
              rows={rows}
              columns={[
                { key: 'test', label: 'Test', value: (x) => x.name },
                { key: 'pNoAttack', label: 'P(no attack)', value: (x) => x.r.pNoAttack.mean, numeric: true },
                { key: 'change', label: 'Change', value: (x) => x.d, numeric: true },
                {
                  key: 'pSuccess',
                  label: 'P(success | attack)',
                  value: (x) => x.r.pSuccessGivenAttack.pooled,
                  numeric: true,
                },
                { key: 'changeSuccess', label: 'Change', value: (x) => x.ds, numeric: true },
                {
                  key: 'shocks',
                  label: 'Shocks',
                  value: (x) => x.r.shocks.map((s) => JSON.stringify(s)).join('; '),
                },
              ]}
            />
          }
        />
        <ChartFrame
          label="Survival curves: baseline and each stress test"
          filename={`${rep.baseline.scenario}-stress-survival`}
          deps={[rep]}
          build={(o) => survivalChart(survivalFromStressReport(rep), { width: o.width })}
          table={<SurvivalTable series={rows.map((x) => ({ label: x.name, rep: x.r }))} />}
        />
      </div>
    </div>
  );
}

export function SurvivalTable({ series }: { series: { label: string; rep: SimulationReport }[] }) {
  const years = series[0]?.rep.survival.map((s) => s.year) ?? [];
  return (
    <DataTable
      caption="P(no attack) by year"
      rowKey={(y) => String(y)}
      rows={years}
      columns={[
        { key: 'year', label: 'Year', value: (y) => y, numeric: true },
        ...series.map((s) => ({
          key: s.label,
          label: s.label,
          numeric: true,
          value: (y: number) => s.rep.survival.find((p) => p.year === y)?.mean ?? null,
        })),
      ]}
    />
  );
}

function SensitivityResult({
  rep,
}: {
  rep: {
    tornado: import('../../../src/core/index.js').Tornado;
    attribution: import('../../../src/core/index.js').Attribution;
  };
}) {
  return (
    <div className="grid-2" data-testid="sensitivity-result">
      <ChartFrame
        label={`Tornado: P(no attack) with each input at its 10th and 90th percentile (baseline ${pct(rep.tornado.baseline)})`}
        filename="tornado"
        deps={[rep]}
        build={(o) => tornadoChart(fromTornado(rep.tornado, 12), { width: o.width })}
        table={
          <DataTable
            caption="Tornado"
            filename="tornado"
            rowKey={(b) => b.name}
            rows={rep.tornado.bars}
            columns={[
              { key: 'name', label: 'Input', value: (b) => b.name },
              { key: 'group', label: 'Group', value: (b) => b.group },
              { key: 'low', label: 'p10', value: (b) => b.low, numeric: true },
              { key: 'high', label: 'p90', value: (b) => b.high, numeric: true },
              { key: 'atLow', label: 'P at p10', value: (b) => b.atLow, numeric: true },
              { key: 'atHigh', label: 'P at p90', value: (b) => b.atHigh, numeric: true },
              { key: 'swing', label: 'Swing', value: (b) => b.swing, numeric: true },
            ]}
          />
        }
      />
      <ChartFrame
        label={`Instrument attribution: P(no attack) with every instrument ${pct(rep.attribution.all)}, with none ${pct(rep.attribution.none)}`}
        filename="attribution"
        deps={[rep]}
        build={(o) => attributionChart(fromAttribution(rep.attribution), { width: o.width })}
        table={
          <DataTable
            caption="Instrument attribution"
            filename="attribution"
            rowKey={(i) => i.id}
            rows={rep.attribution.instruments}
            columns={[
              { key: 'id', label: 'Instrument', value: (i) => i.id },
              { key: 'ablation', label: 'Ablation', value: (i) => i.ablation, numeric: true },
              { key: 'alone', label: 'Alone', value: (i) => i.alone, numeric: true },
              { key: 'shapley', label: 'Shapley', value: (i) => i.shapley ?? null, numeric: true },
            ]}
          />
        }
      />
    </div>
  );
}
