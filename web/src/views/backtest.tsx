// the historical back-test (issue 7): per-case forecasts beside outcomes, scores, the calibration chart and the
// calibrated values beside the literature priors
import { calibrationChart, fromBacktest } from '../../../src/charts/index.js';
import type { BacktestReport, Scores } from '../../../src/core/index.js';
import { ChartFrame } from '../components/chart-frame';
import { DataTable } from '../components/data-table';
import { Empty, ErrorBox, Loading } from '../components/status';
import { href, type Location } from '../router';
import { num } from '../types';
import { useApi } from '../use-api';

// the shape of `backtest --json` (= GET /api/backtest) is the core's report type
type Backtest = BacktestReport;

export function BacktestView({ loc }: { loc: Location }) {
  // ?samples=&seed=&label= are passed through, so a shared URL reproduces the same run
  const q = loc.query;
  const r = useApi<Backtest>(
    href('/api/backtest', { samples: q.get('samples'), seed: q.get('seed'), label: q.get('label') }),
  );
  return (
    <>
      <h1>Historical back-test</h1>
      <p className="lead">
        The deterrence model run on historical security arrangements: its forecast of P(no attack) beside what
        happened, scored by Brier score, AUC and log loss, with held-out (leave-one-out) calibration
        (docs/validation.md).
      </p>
      {r.state === 'loading' ? <Loading what="the back-test (it runs the model on every case)" /> : null}
      {r.state === 'error' ? <ErrorBox error={r.error} title="The back-test failed" /> : null}
      {r.state === 'ok' ? <Body b={r.data} /> : null}
    </>
  );
}

function Body({ b }: { b: Backtest }) {
  if (!b.cases.length) return <Empty>No historical cases were found.</Empty>;
  const cal = fromBacktest(b);
  return (
    <>
      <p className="meta">
        {b.cases.length} cases, {b.horizonYears}-year horizon, {b.samples.toLocaleString('en')} samples, seed{' '}
        {b.seed}.
      </p>
      <DataTable
        caption="Scores (lower Brier and log loss are better; AUC 0.5 is chance)"
        filename="backtest-scores"
        rowKey={(s) => s.name}
        rows={Object.entries(b.scores).map(
          ([name, s]): Partial<Scores> & { name: string; brier: number } => ({
            name,
            ...s,
          }),
        )}
        columns={[
          { key: 'name', label: 'Forecast', value: (s) => s.name },
          { key: 'n', label: 'Cases', value: (s) => s.n ?? null, numeric: true },
          { key: 'brier', label: 'Brier', value: (s) => s.brier, numeric: true },
          { key: 'auc', label: 'AUC', value: (s) => s.auc ?? null, numeric: true },
          { key: 'logLoss', label: 'Log loss', value: (s) => s.logLoss ?? null, numeric: true },
        ]}
      />
      <ChartFrame
        label="Calibration: held-out forecast P(attack) against the observed share attacked, per forecast bin"
        filename="backtest-calibration"
        deps={[cal]}
        build={(o) => calibrationChart(cal, { width: o.width })}
        table={
          <DataTable
            caption="Calibration table"
            filename="backtest-calibration"
            rowKey={(c) => c.bin}
            rows={cal}
            columns={[
              { key: 'bin', label: 'Forecast bin', value: (c) => c.bin },
              { key: 'predicted', label: 'Mean forecast', value: (c) => c.predicted, numeric: true },
              { key: 'observed', label: 'Observed', value: (c) => c.observed, numeric: true },
              { key: 'n', label: 'Cases', value: (c) => c.n, numeric: true },
            ]}
          />
        }
      />
      <h2>Calibrated values beside the literature priors</h2>
      <DataTable
        caption="Calibrated parameters"
        filename="backtest-calibrated-priors"
        rowKey={(p) => p.name}
        rows={b.calibration.parameters.map((p, i) => ({
          ...p,
          multiplier: b.calibration.fitted.multipliers[i] ?? null,
          fitted: b.calibration.fitted.specs[p.name] ?? '',
        }))}
        columns={[
          { key: 'name', label: 'Parameter', value: (p) => p.name },
          { key: 'priorSpec', label: 'Literature prior', value: (p) => p.priorSpec },
          { key: 'multiplier', label: 'Fitted multiplier', value: (p) => p.multiplier, numeric: true },
          { key: 'fitted', label: 'Calibrated', value: (p) => p.fitted },
          { key: 'why', label: 'Why it is calibrated', value: (p) => p.why },
        ]}
      />
      <p className="hint">
        Log-likelihood with the priors {num(b.calibration.priorLogLikelihood, 4)}, calibrated{' '}
        {num(b.calibration.fitted.logLikelihood, 4)}.
      </p>
      <h2>Cases</h2>
      <DataTable
        caption="Forecasts beside outcomes"
        filename="backtest-cases"
        rowKey={(c) => c.id}
        rows={b.cases}
        initialSort={{ key: 'startYear', dir: 'asc' }}
        columns={[
          {
            key: 'id',
            label: 'Case',
            value: (c) => c.id,
            render: (c) => (
              <span title={c.name}>
                {c.name} <code className="id">{c.id}</code>
              </span>
            ),
          },
          { key: 'startYear', label: 'Start', value: (c) => c.startYear, numeric: true },
          { key: 'commitment', label: 'Commitment', value: (c) => c.commitment },
          {
            key: 'pNoAttackPrior',
            label: 'P(no attack), priors',
            value: (c) => c.pNoAttackPrior,
            numeric: true,
          },
          {
            key: 'pNoAttackHeldOut',
            label: 'P(no attack), held out',
            value: (c) => c.pNoAttackHeldOut,
            numeric: true,
          },
          { key: 'attacked', label: 'Attacked', value: (c) => (c.attacked ? 'yes' : 'no') },
          { key: 'guarantorResponse', label: 'Guarantors', value: (c) => c.guarantorResponse },
        ]}
      />
    </>
  );
}
