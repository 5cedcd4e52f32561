// the bibliography: every source id the data, defaults and findings cite, with an anchor per entry and its grade
import { useEffect, useMemo, useState } from 'react';
import { Empty, ErrorBox, Loading } from '../components/status';
import { saveCsv, saveJson } from '../download';
import type { Location } from '../router';
import type { SourceEntry } from '../types';
import { useApi } from '../use-api';

const COLUMNS = ['id', 'kind', 'authors', 'title', 'outlet', 'date', 'url', 'evidence', 'note', 'file'];

export function SourcesView({ loc }: { loc: Location }) {
  const r = useApi<SourceEntry[]>('/api/sources');
  const [filter, setFilter] = useState('');
  const [grade, setGrade] = useState('');
  const rows = useMemo(() => {
    if (r.state !== 'ok') return [];
    const f = filter.toLowerCase();
    return r.data.filter(
      (s) =>
        (!grade || s.evidence === grade) &&
        (!f ||
          `${s.id} ${s.title} ${(s.authors ?? []).join(' ')} ${s.outlet ?? ''}`.toLowerCase().includes(f)),
    );
  }, [r, filter, grade]);
  // jump to the cited entry once the list is on the page (the URL's #id is the anchor)
  useEffect(() => {
    if (r.state !== 'ok' || !loc.hash) return;
    const el = document.getElementById(decodeURIComponent(loc.hash));
    el?.scrollIntoView({ block: 'center' });
    el?.focus();
  }, [r.state, loc.hash]);
  return (
    <>
      <h1>Sources</h1>
      <p className="lead">
        The bibliography behind every default, prior, anchor and finding. Evidence grades: <em>verified</em>{' '}
        (checked against the source), <em>secondary</em> (reported by others), <em>unverified</em> (not yet
        checked; treat with care).
      </p>
      <form className="controls" onSubmit={(e) => e.preventDefault()} aria-label="Filter sources">
        <label className="wide">
          Search
          <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </label>
        <label>
          Evidence
          <select value={grade} onChange={(e) => setGrade(e.target.value)}>
            <option value="">all</option>
            <option>verified</option>
            <option>secondary</option>
            <option>unverified</option>
          </select>
        </label>
        <span className="downloads">
          <button
            type="button"
            onClick={() =>
              saveCsv(
                'sources.csv',
                COLUMNS,
                rows.map((s) => ({ ...s, authors: (s.authors ?? []).join('; ') })),
              )
            }
          >
            CSV<span className="sr-only"> of the sources</span>
          </button>
          <button type="button" onClick={() => saveJson('sources.json', rows)}>
            JSON<span className="sr-only"> of the sources</span>
          </button>
        </span>
      </form>
      {r.state === 'loading' ? <Loading what="the bibliography" /> : null}
      {r.state === 'error' ? <ErrorBox error={r.error} title="The bibliography could not be loaded" /> : null}
      {r.state === 'ok' && !rows.length ? <Empty>No source matches.</Empty> : null}
      {r.state === 'ok' ? (
        <ol className="bibliography" aria-label="Sources">
          {rows.map((s) => (
            <li key={s.id} id={s.id} tabIndex={-1}>
              <span className={`grade grade-${s.evidence}`}>{s.evidence}</span>{' '}
              {s.authors?.length ? `${s.authors.join(', ')}. ` : ''}
              {s.url ? (
                <a href={s.url} rel="noreferrer noopener" target="_blank">
                  {s.title}
                </a>
              ) : (
                <cite>{s.title}</cite>
              )}
              {s.outlet ? `. ${s.outlet}` : ''}
              {s.date ? `, ${s.date}` : ''}. <code className="id">{s.id}</code>{' '}
              <span className="tag">{s.kind}</span>
              {s.note ? <p className="note">{s.note}</p> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </>
  );
}
