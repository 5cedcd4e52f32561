// the shell: skip link, header with the main navigation, one <main> per view, chosen by the URL path
import { useEffect, useRef } from 'react';
import { Link } from './components/link';
import { type Location, useLocation } from './router';
import { BacktestView } from './views/backtest';
import { CatalogView } from './views/catalog';
import { CompareView } from './views/compare';
import { EditorView } from './views/editor';
import { ScenarioView } from './views/scenario';
import { SimulationView } from './views/simulation';
import { SourcesView } from './views/sources';
import { TrackerView } from './views/tracker';

const NAV = [
  { href: '/', label: 'Catalog', match: (p: string) => p === '/' || p.startsWith('/scenarios') },
  { href: '/editor', label: 'Editor', match: (p: string) => p.startsWith('/editor') },
  { href: '/simulate', label: 'Simulation', match: (p: string) => p.startsWith('/simulate') },
  { href: '/compare', label: 'Compare', match: (p: string) => p.startsWith('/compare') },
  { href: '/tracker', label: 'Tracker', match: (p: string) => p.startsWith('/tracker') },
  { href: '/sources', label: 'Sources', match: (p: string) => p.startsWith('/sources') },
  { href: '/backtest', label: 'Back-test', match: (p: string) => p.startsWith('/backtest') },
];

function route(loc: Location) {
  const parts = loc.path.split('/').filter(Boolean).map(decodeURIComponent);
  const [head, id] = parts;
  switch (head) {
    case undefined:
    case 'catalog':
      return { title: 'Catalog', view: <CatalogView loc={loc} /> };
    case 'scenarios':
      return id
        ? { title: id, view: <ScenarioView id={id} loc={loc} /> }
        : { title: 'Catalog', view: <CatalogView loc={loc} /> };
    case 'editor':
      return { title: 'Scenario editor', view: <EditorView id={id} loc={loc} key={id ?? 'new'} /> };
    case 'simulate':
      return { title: id ? `Simulation: ${id}` : 'Simulation', view: <SimulationView id={id} loc={loc} /> };
    case 'compare':
      return { title: 'Compare', view: <CompareView loc={loc} /> };
    case 'tracker':
      return { title: 'Tracker', view: <TrackerView loc={loc} /> };
    case 'sources':
      return { title: 'Sources', view: <SourcesView loc={loc} /> };
    case 'backtest':
      return { title: 'Back-test', view: <BacktestView loc={loc} /> };
    default:
      return {
        title: 'Not found',
        view: (
          <>
            <h1>Page not found</h1>
            <p>
              There is no view at <code>{loc.path}</code>. <Link href="/">Go to the catalog</Link>.
            </p>
          </>
        ),
      };
  }
}

export function App() {
  const loc = useLocation();
  const { title, view } = route(loc);
  const main = useRef<HTMLElement>(null);
  const shownPath = useRef(loc.path);
  useEffect(() => {
    document.title = `${title} · Guarantor`;
  }, [title]);
  // after in-app navigation move focus to the new view, as a page load would (screen readers announce it)
  useEffect(() => {
    if (shownPath.current === loc.path) return;
    shownPath.current = loc.path;
    if (!loc.hash) main.current?.focus();
  }, [loc.path, loc.hash]);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link href="/" className="brand">
          Guarantor
        </Link>
        <nav aria-label="Main">
          <ul>
            {NAV.map((n) => (
              <li key={n.href}>
                <Link href={n.href} aria-current={n.match(loc.path) ? 'page' : undefined}>
                  {n.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {view}
      </main>
      <footer className="site-footer">
        <p>
          Guarantor models security guarantees for Ukraine from sourced assumptions; every figure links to its
          sources. <a href="/openapi.json">API (OpenAPI)</a>
        </p>
      </footer>
    </>
  );
}
