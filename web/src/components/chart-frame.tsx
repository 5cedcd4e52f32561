// mounts a chart built by src/charts (Observable Plot) with an aria-label, SVG and PNG downloads, and its data as a
// table for screen readers and for anyone who wants the numbers
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { savePng, saveSvg, slug } from '../download';
import { ErrorBox } from './status';

export interface ChartBuildOptions {
  width: number;
  title?: string;
}

export function ChartFrame({
  label,
  build,
  table,
  filename,
  deps,
}: {
  /** what the chart shows, for the aria-label and the download names */
  label: string;
  build: (o: ChartBuildOptions) => Element;
  /** the same data as a table (the chart's text alternative) */
  table: ReactNode;
  filename?: string;
  /** re-render when these change */
  deps: unknown[];
}) {
  const host = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<unknown>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(320, Math.min(960, Math.floor(el.clientWidth))));
    measure();
    const ro = new ResizeObserver(() => measure());
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what the chart depends on
  useEffect(() => {
    const el = host.current;
    if (!el || width === 0) return;
    try {
      const chart = build({ width });
      const svg = chart instanceof SVGSVGElement ? chart : chart.querySelector('svg');
      // the figure is an image with a name; its numbers are in the table below it
      chart.setAttribute('role', 'img');
      chart.setAttribute('aria-label', label);
      if (svg && svg !== chart) svg.setAttribute('aria-hidden', 'true');
      el.replaceChildren(chart);
      setError(null);
    } catch (e) {
      el.replaceChildren();
      setError(e);
    }
  }, [width, ...deps]);
  const svg = () => host.current?.querySelector('svg') ?? null;
  const name = filename ?? slug(label);
  return (
    <figure className="chart">
      <div ref={host} className="chart-host" data-chart={name} />
      {error ? <ErrorBox error={error} title="This chart could not be drawn" /> : null}
      <figcaption>
        <span>{label}</span>
        <span className="downloads">
          <button
            type="button"
            onClick={() => {
              const s = svg();
              if (s) saveSvg(s, `${name}.svg`);
            }}
          >
            SVG<span className="sr-only"> of {label}</span>
          </button>
          <button
            type="button"
            onClick={() => {
              const s = svg();
              if (s) void savePng(s, `${name}.png`).catch((e) => setError(e));
            }}
          >
            PNG<span className="sr-only"> of {label}</span>
          </button>
        </span>
      </figcaption>
      <details className="chart-data">
        <summary>Data table: {label}</summary>
        {table}
      </details>
    </figure>
  );
}
