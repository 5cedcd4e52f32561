// data fetching with cancellation: a view re-fetches when its URL changes and drops stale answers
import { useEffect, useState } from 'react';
import { api } from './api';

export type Remote<T> = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ok'; data: T };

export function useApi<T>(url: string | null, reloadKey = 0): Remote<T> {
  const [r, setR] = useState<Remote<T>>({ state: 'loading' });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadKey re-fetches the same URL on purpose
  useEffect(() => {
    if (url === null) return;
    const ac = new AbortController();
    setR({ state: 'loading' });
    api.get<T>(url, ac.signal).then(
      (data) => setR({ state: 'ok', data }),
      (error) => {
        if (!ac.signal.aborted) setR({ state: 'error', error });
      },
    );
    return () => ac.abort();
  }, [url, reloadKey]);
  return r;
}
