// loading, empty and error states shared by every view; errors show the server's stable code and message
import type { ReactNode } from 'react';
import { ApiError } from '../api';

export function Loading({ what }: { what: string }) {
  return (
    <p className="status loading" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="status empty">{children}</p>;
}

export function ErrorBox({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  const e = error instanceof ApiError ? error : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="status error" role="alert">
      <strong>{title}</strong>
      <p>
        {e ? <code className="code">{e.code}</code> : null} {message}
      </p>
      {e?.diagnostics.length ? (
        <ul>
          {e.diagnostics.slice(0, 20).map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: diagnostics have no identity
            <li key={i}>
              {d.line ? `line ${d.line}${d.col ? `:${d.col}` : ''}: ` : ''}
              {d.message}
              {d.hint ? <span className="hint"> ({d.hint})</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
