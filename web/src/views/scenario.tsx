// one scenario: its instruments (obligation, legal form, trigger, guarantors, vetoes), findings grouped by severity
// with links to their sources, and the forces and cost it implies
import { Fragment } from 'react';
import { enc } from '../api';
import { type Column, DataTable } from '../components/data-table';
import { Link } from '../components/link';
import { ReportLinks } from '../components/report-links';
import { Empty, ErrorBox, Loading } from '../components/status';
import { Tabs } from '../components/tabs';
import { href, type Location, setQuery } from '../router';
import type { Assessment, Finding } from '../types';
import { useApi } from '../use-api';

interface Instrument {
  id: string;
  title: string;
  description?: string;
  guarantors: string[];
  obligations: string[];
  strength: string;
  automaticity: string;
  trigger: { timing: string; threshold: string; wording?: string; domains?: string[] };
  legal: { form: string; ratification: string; status: string };
  decision: { rule: string; vetoHolders: string[] };
  duration?: { years: number | null; unspecified?: boolean };
  sources?: string[];
}

export interface ScenarioDoc {
  id: string;
  origin: 'catalog' | 'user';
  version: number;
  yaml: string;
  scenario: {
    id: string;
    title: string;
    summary?: string;
    status?: string;
    asOf?: string;
    instruments: Instrument[];
    sources?: string[];
    context?: { horizonYears?: number };
  };
}

const TABS = [
  { id: 'instruments', label: 'Instruments' },
  { id: 'findings', label: 'Findings' },
  { id: 'forces', label: 'Forces and cost' },
];

export const SEVERITIES = ['error', 'warning', 'info', 'strength'] as const;

export function ScenarioView({ id, loc }: { id: string; loc: Location }) {
  const doc = useApi<ScenarioDoc>(`/api/scenarios/${enc(id)}`);
  const tab = loc.query.get('tab') ?? 'instruments';
  if (doc.state === 'loading') return <Loading what={`scenario ${id}`} />;
  if (doc.state === 'error')
    return (
      <>
        <h1>Scenario {id}</h1>
        <ErrorBox error={doc.error} title="This scenario could not be loaded" />
      </>
    );
  const s = doc.data.scenario;
  return (
    <>
      <h1>{s.title}</h1>
      <p className="meta">
        <code>{s.id}</code> ·{' '}
        {doc.data.origin === 'catalog' ? 'catalog scenario' : `your scenario, version ${doc.data.version}`}
        {s.status ? ` · ${s.status}` : ''}
        {s.asOf ? ` · as of ${s.asOf}` : ''}
      </p>
      {s.summary ? <p className="lead">{s.summary}</p> : null}
      <div className="actions">
        <Link className="button" href={`/simulate/${enc(s.id)}`}>
          Simulate
        </Link>
        <Link
          className="button"
          href={doc.data.origin === 'user' ? `/editor/${enc(s.id)}` : href('/editor', { from: s.id })}
        >
          {doc.data.origin === 'user' ? 'Edit' : 'Edit a copy'}
        </Link>
        <Link className="button" href={href('/compare', { ids: s.id })}>
          Compare…
        </Link>
        <ReportLinks ids={[s.id]} />
      </div>
      <Tabs tabs={TABS} selected={tab} onSelect={(t) => setQuery({ tab: t })} label="Scenario sections">
        {tab === 'findings' ? (
          <FindingsPanel id={s.id} />
        ) : tab === 'forces' ? (
          <ForcesPanel id={s.id} />
        ) : (
          <Instruments items={s.instruments} />
        )}
      </Tabs>
    </>
  );
}

function Instruments({ items }: { items: Instrument[] }) {
  if (!items.length) return <Empty>This scenario has no instruments.</Empty>;
  const columns: Column<Instrument>[] = [
    {
      key: 'id',
      label: 'Instrument',
      value: (i) => i.id,
      render: (i) => (
        <span title={i.description}>
          {i.title}
          <br />
          <code className="id">{i.id}</code>
        </span>
      ),
    },
    { key: 'obligations', label: 'Obligation', value: (i) => `${i.strength}: ${i.obligations.join(', ')}` },
    { key: 'automaticity', label: 'Automaticity', value: (i) => i.automaticity },
    {
      key: 'legal',
      label: 'Legal form',
      value: (i) => `${i.legal.form} (${i.legal.status}; ratification ${i.legal.ratification})`,
    },
    {
      key: 'trigger',
      label: 'Trigger',
      value: (i) => `${i.trigger.timing}, threshold ${i.trigger.threshold}`,
    },
    { key: 'guarantors', label: 'Guarantors', value: (i) => i.guarantors.join(', ') },
    {
      key: 'vetoes',
      label: 'Vetoes',
      value: (i) =>
        `${i.decision.rule}${i.decision.vetoHolders.length ? `; veto: ${i.decision.vetoHolders.join(', ')}` : ''}`,
    },
    {
      key: 'sources',
      label: 'Sources',
      value: (i) => (i.sources ?? []).join(' '),
      render: (i) => <SourceLinks ids={i.sources ?? []} />,
    },
  ];
  return <DataTable caption="Instruments" columns={columns} rows={items} rowKey={(i) => i.id} />;
}

export function SourceLinks({ ids }: { ids: string[] }) {
  return (
    <>
      {ids.map((s, k) => (
        <Fragment key={s}>
          {k ? ', ' : ''}
          <Link href={`/sources#${enc(s)}`}>{s}</Link>
        </Fragment>
      ))}
    </>
  );
}

export function FindingList({ findings }: { findings: Finding[] }) {
  if (!findings.length) return <Empty>No findings.</Empty>;
  return (
    <div className="findings" data-testid="findings">
      {SEVERITIES.map((sev) => {
        const group = findings.filter((f) => f.severity === sev);
        if (!group.length) return null;
        return (
          <section key={sev} aria-labelledby={`sev-${sev}`} className={`severity-${sev}`}>
            <h3 id={`sev-${sev}`}>
              {sev === 'strength' ? 'Strengths' : `${sev[0]!.toUpperCase()}${sev.slice(1)}s`} ({group.length})
            </h3>
            <ul>
              {group.map((f) => (
                <li key={`${f.id}:${f.instrument ?? ''}:${f.party ?? ''}`} data-finding={f.id}>
                  <strong>{f.title}</strong> <span className="tag">{f.dimension}</span>
                  <p>{f.rationale}</p>
                  {f.sources.length ? (
                    <p className="sources">
                      Sources: <SourceLinks ids={f.sources} />
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function FindingsPanel({ id }: { id: string }) {
  const r = useApi<
    Assessment & {
      overall: number;
      scores: { dimension: string; label: string; score: number; basis: string }[];
    }
  >(`/api/scenarios/${enc(id)}/assess`);
  if (r.state === 'loading') return <Loading what="the assessment" />;
  if (r.state === 'error') return <ErrorBox error={r.error} title="The assessment failed" />;
  return (
    <>
      <p>
        Overall score <strong>{r.data.overall}</strong> of 100.
      </p>
      <DataTable
        caption="Scorecard"
        rowKey={(s) => s.dimension}
        columns={[
          { key: 'dimension', label: 'Dimension', value: (s) => s.label },
          { key: 'score', label: 'Score', value: (s) => s.score, numeric: true },
          { key: 'basis', label: 'Basis', value: (s) => s.basis },
        ]}
        rows={r.data.scores}
      />
      <h2>Findings</h2>
      <FindingList findings={r.data.findings} />
    </>
  );
}

interface ForcesJson {
  frontKm?: number;
  currency: string;
  totals: {
    troops: number;
    aircraft: number;
    ships: number;
    committed: number;
    yearlyCost: { central: number; p05: number; p95: number };
    lifetimeCost: { central: number; p05: number; p95: number };
  };
  groups: {
    mission: string;
    archetype?: { id: string; title: string };
    years: number;
    requirement: { deployed: number; committed: number; aircraft: number; ships: number; yearlyCost: number };
  }[];
  warnings?: { message: string }[];
}

const bn = (x: number) => `${(x / 1e9).toFixed(1)} bn`;

function ForcesPanel({ id }: { id: string }) {
  const r = useApi<ForcesJson>(`/api/scenarios/${enc(id)}/forces`);
  if (r.state === 'loading') return <Loading what="forces and cost" />;
  if (r.state === 'error') return <ErrorBox error={r.error} title="Forces and cost could not be computed" />;
  const t = r.data.totals;
  if (!r.data.groups.length)
    return <Empty>This scenario commits no foreign forces, so there is nothing to size.</Empty>;
  return (
    <>
      <dl className="figures">
        <div>
          <dt>Troops deployed</dt>
          <dd>{Math.round(t.troops).toLocaleString('en')}</dd>
        </div>
        <div>
          <dt>Committed (with rotation)</dt>
          <dd>{Math.round(t.committed).toLocaleString('en')}</dd>
        </div>
        <div>
          <dt>Aircraft / ships</dt>
          <dd>
            {t.aircraft} / {t.ships}
          </dd>
        </div>
        <div>
          <dt>Yearly cost ({r.data.currency}, 90% interval)</dt>
          <dd>
            {bn(t.yearlyCost.central)} ({bn(t.yearlyCost.p05)} to {bn(t.yearlyCost.p95)})
          </dd>
        </div>
        <div>
          <dt>Lifetime cost</dt>
          <dd>
            {bn(t.lifetimeCost.central)} ({bn(t.lifetimeCost.p05)} to {bn(t.lifetimeCost.p95)})
          </dd>
        </div>
      </dl>
      <DataTable
        caption="Force groups"
        rowKey={(g, i) => `${g.mission}-${i}`}
        columns={[
          { key: 'mission', label: 'Mission', value: (g) => g.archetype?.title ?? g.mission },
          {
            key: 'deployed',
            label: 'Deployed',
            value: (g) => Math.round(g.requirement.deployed),
            numeric: true,
          },
          {
            key: 'committed',
            label: 'Committed',
            value: (g) => Math.round(g.requirement.committed),
            numeric: true,
          },
          { key: 'aircraft', label: 'Aircraft', value: (g) => g.requirement.aircraft, numeric: true },
          { key: 'ships', label: 'Ships', value: (g) => g.requirement.ships, numeric: true },
          { key: 'yearlyCost', label: 'Yearly cost', value: (g) => g.requirement.yearlyCost, numeric: true },
          { key: 'years', label: 'Years', value: (g) => g.years, numeric: true },
        ]}
        rows={r.data.groups}
      />
      {r.data.warnings?.length ? (
        <ul className="warnings">
          {r.data.warnings.map((w) => (
            <li key={w.message}>{w.message}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
