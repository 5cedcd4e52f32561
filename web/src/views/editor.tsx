// the scenario editor: a form for the common instrument fields and the YAML side by side, kept in sync; problems
// located at their line; live findings (POST /api/assess) and a live 10k-sample simulation in the Web Worker
import { type ChangeEvent, useEffect, useMemo, useRef, useState } from 'react';
import {
  Decision,
  type Diagnostic,
  Instrument,
  Legal,
  LegalForm,
  Obligation,
  parseScenarioText,
  type SimulationReport,
  STRENGTHS,
  Trigger,
} from '../../../src/core/index.js';
import { type ApiDiagnostic, ApiError, api, enc } from '../api';
import { SelectField, TextField } from '../components/fields';
import { Link } from '../components/link';
import { Empty, ErrorBox, Loading } from '../components/status';
import { href, type Location, navigate } from '../router';
import { MINIMAL_TEMPLATE } from '../templates';
import { type Finding, pct, type ScenarioListItem } from '../types';
import { useApi } from '../use-api';
import { getBundle, runInWorker } from '../worker/client';
import { copyScenario, type FieldPath, offsetOf, readInstruments, setField } from '../yaml-edit';
import { FindingList, type ScenarioDoc } from './scenario';

const LIVE_SAMPLES = 10_000;

interface Draft {
  yaml: string;
  /** set when editing a stored user scenario: PUT with this version */
  stored?: { id: string; version: number };
  from: string;
}

type Loaded = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ok'; draft: Draft };

export function EditorView({ id, loc }: { id: string | undefined; loc: Location }) {
  const from = loc.query.get('from');
  const template = loc.query.get('template');
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  // biome-ignore lint/correctness/useExhaustiveDependencies: ?template=... starts afresh from the template
  useEffect(() => {
    let live = true;
    const done = (l: Loaded) => live && setLoaded(l);
    if (id)
      api.get<ScenarioDoc>(`/api/scenarios/${enc(id)}`).then(
        (d) =>
          d.origin === 'user'
            ? done({
                state: 'ok',
                draft: {
                  yaml: d.yaml,
                  stored: { id: d.id, version: d.version },
                  from: `your scenario ${d.id}`,
                },
              })
            : navigate(href('/editor', { from: d.id }), { replace: true }),
        (error) => done({ state: 'error', error }),
      );
    else if (from)
      api.get<ScenarioDoc>(`/api/scenarios/${enc(from)}`).then(
        (d) =>
          done({
            state: 'ok',
            draft: { yaml: copyScenario(d.yaml, `${d.id}-copy`), from: `a copy of ${d.id}` },
          }),
        (error) => done({ state: 'error', error }),
      );
    else done({ state: 'ok', draft: { yaml: MINIMAL_TEMPLATE, from: 'the minimal template' } });
    return () => {
      live = false;
    };
  }, [id, from, template]);
  return (
    <>
      <h1>Scenario editor</h1>
      <StartPicker />
      {loaded.state === 'loading' ? <Loading what="the scenario" /> : null}
      {loaded.state === 'error' ? (
        <ErrorBox error={loaded.error} title="The scenario could not be opened" />
      ) : null}
      {loaded.state === 'ok' ? <Editor key={`${id}|${from}|${template}`} initial={loaded.draft} /> : null}
    </>
  );
}

function StartPicker() {
  const list = useApi<{ scenarios: ScenarioListItem[] }>('/api/scenarios');
  const [pick, setPick] = useState('');
  return (
    <form
      className="controls"
      aria-label="Start a scenario"
      onSubmit={(e) => {
        e.preventDefault();
        navigate(pick ? href('/editor', { from: pick }) : href('/editor', { template: 'minimal' }));
      }}
    >
      <label className="wide">
        Start from
        <select value={pick} onChange={(e) => setPick(e.target.value)}>
          <option value="">the minimal template</option>
          {list.state === 'ok'
            ? list.data.scenarios.map((s) => (
                <option key={s.id} value={s.id}>
                  a copy of {s.title} ({s.id})
                </option>
              ))
            : null}
        </select>
      </label>
      <button type="submit">New scenario</button>
      {list.state === 'ok' && list.data.scenarios.some((s) => s.origin === 'user') ? (
        <span className="hint">
          Your scenarios:{' '}
          {list.data.scenarios
            .filter((s) => s.origin === 'user')
            .map((s, i) => (
              <span key={s.id}>
                {i ? ', ' : ''}
                <Link href={`/editor/${enc(s.id)}`}>{s.id}</Link>
              </span>
            ))}
        </span>
      ) : null}
    </form>
  );
}

type Assessed =
  | { state: 'idle' | 'loading' }
  | { state: 'ok'; findings: Finding[]; overall: number }
  | { state: 'error'; error: unknown };

type Live =
  | { state: 'idle' | 'loading' }
  | { state: 'ok'; rep: SimulationReport; ms: number; computeMs: number }
  | { state: 'error'; error: unknown };

/** calls fn(value) once value has been stable for ms */
function useDebounced<T>(value: T, ms: number, fn: (v: T, signal: AbortSignal) => void) {
  const ref = useRef(fn);
  ref.current = fn;
  useEffect(() => {
    const ac = new AbortController();
    const t = setTimeout(() => ref.current(value, ac.signal), ms);
    return () => {
      clearTimeout(t);
      ac.abort();
    };
  }, [value, ms]);
}

function Editor({ initial }: { initial: Draft }) {
  const [yaml, setYaml] = useState(initial.yaml);
  const [stored, setStored] = useState(initial.stored);
  const [sel, setSel] = useState(0);
  const [known, setKnown] = useState<{ actors: Set<string>; sources: Set<string> }>();
  const [assessed, setAssessed] = useState<Assessed>({ state: 'idle' });
  const [live, setLive] = useState<Live>({ state: 'idle' });
  const [save, setSave] = useState<
    { state: 'idle' | 'saving' } | { state: 'saved'; version: number } | { state: 'error'; error: unknown }
  >({
    state: 'idle',
  });
  const [serverDiags, setServerDiags] = useState<ApiDiagnostic[]>([]);
  const text = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLOListElement>(null);

  useEffect(() => {
    getBundle().then(
      (b) =>
        setKnown({
          actors: new Set(b.actors.map((a) => a.id)),
          sources: new Set(b.sources.map((s) => s.id)),
        }),
      () => undefined, // without the bundle, references are checked by the server only
    );
  }, []);

  // instant checks in the browser with the core's parser; the server re-checks on assess and save
  const local = useMemo(() => parseScenarioText(yaml, 'draft.yaml', known), [yaml, known]);
  const localDiags: Diagnostic[] = local.ok ? [] : local.diagnostics;
  const diags: ApiDiagnostic[] = localDiags.length ? localDiags : serverDiags;
  const errorLines = new Map<number, string>();
  for (const d of diags)
    if (d.line)
      errorLines.set(d.line, `${errorLines.get(d.line) ? `${errorLines.get(d.line)}; ` : ''}${d.message}`);
  const instruments = useMemo(() => readInstruments(yaml), [yaml]);
  const lineNumbers = Array.from({ length: yaml.split('\n').length }, (_, i) => i + 1);

  useDebounced(yaml, 350, (y, signal) => {
    if (!local.ok) {
      setAssessed({ state: 'idle' });
      return;
    }
    setAssessed({ state: 'loading' });
    api.post<{ findings: Finding[]; overall: number }>('/api/assess', { yaml: y }, signal).then(
      (r) => {
        setServerDiags([]);
        setAssessed({ state: 'ok', findings: r.findings, overall: r.overall });
      },
      (error) => {
        if (signal.aborted) return;
        if (error instanceof ApiError) setServerDiags(error.diagnostics);
        setAssessed({ state: 'error', error });
      },
    );
  });
  useDebounced(yaml, 120, (y, signal) => {
    if (!local.ok) return;
    setLive({ state: 'loading' });
    runInWorker({ kind: 'simulate', yaml: y, samples: LIVE_SAMPLES, seed: 1, shocks: [] }, { signal }).then(
      (r) => {
        if (r.result.kind === 'simulate') {
          setLive({ state: 'ok', rep: r.result.report, ms: r.roundTripMs, computeMs: r.computeMs });
          // the e2e reads this to log the in-browser latency after an edit (docs/workbench.md)
          (
            window as unknown as { __guarantorLive?: { roundTripMs: number; computeMs: number } }
          ).__guarantorLive = {
            roundTripMs: r.roundTripMs,
            computeMs: r.computeMs,
          };
        }
      },
      (error) => !signal.aborted && setLive({ state: 'error', error }),
    );
  });

  const inst = instruments?.[sel];
  const field = (path: FieldPath) => {
    let v: unknown = inst;
    for (const k of path)
      v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined;
    return v;
  };
  const set = (path: FieldPath, value: string | string[] | null) =>
    setYaml((y) => setField(y, ['instruments', sel, ...path], value));
  const list = (s: string) =>
    s
      .split(/[,\s]+/)
      .map((x) => x.trim())
      .filter(Boolean);

  const goTo = (line: number, col?: number) => {
    const el = text.current;
    if (!el) return;
    const off = offsetOf(yaml, line, col);
    el.focus();
    el.setSelectionRange(off, off);
    const lh = Number.parseFloat(getComputedStyle(el).lineHeight) || 18;
    el.scrollTop = Math.max(0, (line - 5) * lh);
  };

  const doSave = async (overwrite?: number) => {
    setSave({ state: 'saving' });
    try {
      const id = local.ok ? local.value.id : undefined;
      const r =
        stored && (!id || id === stored.id)
          ? await api.put<{ id: string; version: number }>(`/api/scenarios/${enc(stored.id)}`, {
              yaml,
              version: overwrite ?? stored.version,
            })
          : await api.post<{ id: string; version: number }>('/api/scenarios', { yaml });
      setStored({ id: r.id, version: r.version });
      setSave({ state: 'saved', version: r.version });
      setServerDiags([]);
      if (!stored || stored.id !== r.id) navigate(`/editor/${enc(r.id)}`, { replace: true });
    } catch (error) {
      if (error instanceof ApiError) setServerDiags(error.diagnostics);
      setSave({ state: 'error', error });
    }
  };

  const conflict =
    save.state === 'error' &&
    save.error instanceof ApiError &&
    save.error.code === 'scenario.version-conflict';
  return (
    <>
      <p className="meta">
        Editing {initial.from}
        {stored ? `, stored as ${stored.id} version ${stored.version}` : ' (not saved yet)'}.
      </p>
      <div className="editor">
        <section className="editor-form" aria-labelledby="form-h">
          <h2 id="form-h">Instrument</h2>
          {instruments === null ? (
            <Empty>The YAML does not parse; fix the marked line to use the form again.</Empty>
          ) : !instruments.length ? (
            <Empty>The scenario has no instruments; add one in the YAML.</Empty>
          ) : (
            <fieldset>
              <legend className="sr-only">Fields of the selected instrument</legend>
              <SelectField
                label="Instrument"
                value={String(sel)}
                options={instruments.map((x, i) => ({
                  value: String(i),
                  label: String(x.id ?? `#${i + 1}`),
                }))}
                onChange={(v) => setSel(Number(v))}
              />
              <TextField label="Title" value={field(['title'])} onChange={(v) => set(['title'], v)} />
              <TextField
                label="Guarantors (actor ids)"
                value={field(['guarantors'])}
                onChange={(v) =>
                  set(
                    ['guarantors'],
                    list(v).map((x) => x.toUpperCase()),
                  )
                }
              />
              <TextField
                label={`Obligations (${Obligation.options.join(', ')})`}
                value={field(['obligations'])}
                onChange={(v) => set(['obligations'], list(v))}
              />
              <SelectField
                label="Strength"
                value={field(['strength'])}
                options={[...STRENGTHS]}
                onChange={(v) => set(['strength'], v)}
              />
              <SelectField
                label="Automaticity"
                value={field(['automaticity'])}
                options={Instrument.shape.automaticity.options}
                onChange={(v) => set(['automaticity'], v)}
              />
              <SelectField
                label="Trigger timing"
                value={field(['trigger', 'timing'])}
                options={Trigger.shape.timing.options}
                onChange={(v) => set(['trigger', 'timing'], v)}
              />
              <SelectField
                label="Trigger threshold"
                value={field(['trigger', 'threshold'])}
                options={Trigger.shape.threshold.unwrap().options}
                onChange={(v) => set(['trigger', 'threshold'], v)}
              />
              <SelectField
                label="Legal form"
                value={field(['legal', 'form'])}
                options={LegalForm.options}
                onChange={(v) => set(['legal', 'form'], v)}
              />
              <SelectField
                label="Legal status"
                value={field(['legal', 'status'])}
                options={Legal.shape.status.options}
                onChange={(v) => set(['legal', 'status'], v)}
              />
              <SelectField
                label="Decision rule"
                value={field(['decision', 'rule'])}
                options={Decision.shape.rule.options}
                onChange={(v) => set(['decision', 'rule'], v)}
              />
              <TextField
                label="Veto holders (actor ids)"
                value={field(['decision', 'vetoHolders'])}
                onChange={(v) =>
                  set(
                    ['decision', 'vetoHolders'],
                    list(v).length ? list(v).map((x) => x.toUpperCase()) : null,
                  )
                }
              />
            </fieldset>
          )}
        </section>
        <section className="editor-yaml" aria-labelledby="yaml-h">
          <h2 id="yaml-h">YAML</h2>
          <div className="code-editor">
            <ol className="gutter" ref={gutter} aria-hidden="true">
              {lineNumbers.map((n) => (
                <li key={n} className={errorLines.has(n) ? 'has-error' : undefined} title={errorLines.get(n)}>
                  {n}
                </li>
              ))}
            </ol>
            <textarea
              ref={text}
              value={yaml}
              spellCheck={false}
              aria-label="Scenario YAML"
              aria-invalid={diags.length > 0}
              aria-describedby="yaml-problems"
              wrap="off"
              onChange={(e: ChangeEvent<HTMLTextAreaElement>) => setYaml(e.target.value)}
              onScroll={(e) => {
                if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
              }}
            />
          </div>
          <div id="yaml-problems" aria-live="polite">
            {diags.length ? (
              <ul className="problems" data-testid="yaml-problems">
                {diags.slice(0, 30).map((d, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: diagnostics have no identity
                  <li key={i}>
                    {d.line ? (
                      <button type="button" className="link" onClick={() => goTo(d.line!, d.col)}>
                        line {d.line}
                        {d.col ? `:${d.col}` : ''}
                      </button>
                    ) : null}{' '}
                    <code className="code">{d.code}</code> {d.message}
                    {d.hint ? <span className="hint"> ({d.hint})</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="status ok">No problems found.</p>
            )}
          </div>
          <div className="actions">
            <button
              type="button"
              onClick={() => void doSave()}
              disabled={!local.ok || save.state === 'saving'}
            >
              {stored ? 'Save' : 'Save as new scenario'}
            </button>
            {stored ? (
              <>
                <Link className="button" href={`/scenarios/${enc(stored.id)}`}>
                  Open scenario page
                </Link>
                <Link className="button" href={`/simulate/${enc(stored.id)}`}>
                  Simulate
                </Link>
              </>
            ) : null}
            <span aria-live="polite">
              {save.state === 'saving'
                ? 'Saving…'
                : save.state === 'saved'
                  ? `Saved as version ${save.version}.`
                  : ''}
            </span>
          </div>
          {save.state === 'error' ? (
            <>
              <ErrorBox
                error={save.error}
                title={
                  conflict ? 'Someone saved this scenario after you opened it' : 'The scenario was not saved'
                }
              />
              {conflict && stored ? (
                <div className="actions">
                  <button
                    type="button"
                    onClick={() => {
                      const current = (save.error as ApiError).details.current as number | undefined;
                      api
                        .get<ScenarioDoc>(`/api/scenarios/${enc(stored.id)}`)
                        .then((d) => void doSave(current ?? d.version));
                    }}
                  >
                    Overwrite with my version
                  </button>
                  <button
                    type="button"
                    onClick={() =>
                      api.get<ScenarioDoc>(`/api/scenarios/${enc(stored.id)}`).then((d) => {
                        setYaml(d.yaml);
                        setStored({ id: d.id, version: d.version });
                        setSave({ state: 'idle' });
                      })
                    }
                  >
                    Discard my edits and load the stored version
                  </button>
                </div>
              ) : null}
            </>
          ) : null}
        </section>
      </div>
      {!local.ok && (live.state === 'ok' || assessed.state === 'ok') ? (
        <p className="status empty" role="status">
          The YAML has problems: the results below are from the last valid version.
        </p>
      ) : null}
      <div className="grid-2">
        <section aria-labelledby="live-sim-h">
          <h2 id="live-sim-h">Live simulation</h2>
          {live.state === 'ok' ? (
            <dl className="figures" data-testid="live-simulation">
              <div>
                <dt>P(no attack within {live.rep.horizonYears} years)</dt>
                <dd>{pct(live.rep.pNoAttack.mean)}</dd>
                <dd className="hint">
                  {LIVE_SAMPLES.toLocaleString('en')} samples, seed 1, in the browser: {Math.round(live.ms)}{' '}
                  ms after the edit settled (model {Math.round(live.computeMs)} ms)
                </dd>
              </div>
              <div>
                <dt>P(attack succeeds | attack)</dt>
                <dd>{pct(live.rep.pSuccessGivenAttack.pooled)}</dd>
              </div>
            </dl>
          ) : live.state === 'loading' ? (
            <Loading what="the live simulation" />
          ) : live.state === 'error' ? (
            <ErrorBox error={live.error} title="The live simulation failed" />
          ) : (
            <Empty>Fix the problems above to simulate.</Empty>
          )}
        </section>
        <section aria-labelledby="live-findings-h">
          <h2 id="live-findings-h">
            Findings{assessed.state === 'ok' ? ` (overall score ${assessed.overall})` : ''}
          </h2>
          {assessed.state === 'loading' ? <Loading what="findings" /> : null}
          {assessed.state === 'error' ? (
            <ErrorBox error={assessed.error} title="The draft could not be assessed" />
          ) : null}
          {assessed.state === 'idle' ? <Empty>Findings appear once the YAML is valid.</Empty> : null}
          {assessed.state === 'ok' ? <FindingList findings={assessed.findings} /> : null}
        </section>
      </div>
    </>
  );
}
