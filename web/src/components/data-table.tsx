// a sortable table with CSV and JSON download; columns format their cells but sort and export raw values
import { type ReactNode, useMemo, useState } from 'react';
import { saveCsv, saveJson, slug } from '../download';

export interface Column<R> {
  key: string;
  label: string;
  value: (r: R) => string | number | boolean | null | undefined;
  render?: (r: R) => ReactNode;
  numeric?: boolean;
  /** e.g. '16em' for a column of long titles */
  minWidth?: string;
}

export function DataTable<R>({
  caption,
  columns,
  rows,
  filename,
  rowKey,
  initialSort,
  sortable = true,
}: {
  caption: string;
  columns: Column<R>[];
  rows: R[];
  filename?: string;
  rowKey: (r: R, i: number) => string;
  initialSort?: { key: string; dir: 'asc' | 'desc' };
  sortable?: boolean;
}) {
  const [sort, setSort] = useState(initialSort);
  const sorted = useMemo(() => {
    const col = sort && columns.find((c) => c.key === sort.key);
    if (!col || !sort) return rows;
    const dir = sort.dir === 'asc' ? 1 : -1;
    return [...rows].sort((a, b) => {
      const x = col.value(a);
      const y = col.value(b);
      if (x === y) return 0;
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      return (
        (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * dir
      );
    });
  }, [rows, columns, sort]);
  const name = filename ?? slug(caption);
  const plain = () => sorted.map((r) => Object.fromEntries(columns.map((c) => [c.key, c.value(r) ?? null])));
  return (
    <div className="table-block">
      <div className="table-scroll">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => {
                const active = sort?.key === c.key;
                const ariaSort = active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined;
                return (
                  <th
                    key={c.key}
                    scope="col"
                    aria-sort={ariaSort}
                    className={c.numeric ? 'num' : undefined}
                    style={c.minWidth ? { minWidth: c.minWidth } : undefined}
                  >
                    {sortable ? (
                      <button
                        type="button"
                        className="sort"
                        onClick={() =>
                          setSort({ key: c.key, dir: active && sort.dir === 'asc' ? 'desc' : 'asc' })
                        }
                      >
                        {c.label}
                        <span aria-hidden="true">{active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                      </button>
                    ) : (
                      c.label
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {sorted.map((r, i) => (
              <tr key={rowKey(r, i)}>
                {columns.map((c) => (
                  <td key={c.key} className={c.numeric ? 'num' : undefined}>
                    {c.render ? c.render(r) : fmt(c.value(r))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="downloads">
        <button
          type="button"
          onClick={() =>
            saveCsv(
              `${name}.csv`,
              columns.map((c) => c.key),
              plain(),
            )
          }
        >
          CSV<span className="sr-only"> of {caption}</span>
        </button>
        <button type="button" onClick={() => saveJson(`${name}.json`, plain())}>
          JSON<span className="sr-only"> of {caption}</span>
        </button>
      </div>
    </div>
  );
}

function fmt(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'number')
    return Number.isInteger(v) ? v.toLocaleString('en') : String(Number(v.toPrecision(4)));
  return String(v);
}
