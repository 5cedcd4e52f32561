// the HTTP API client (docs/api.md): JSON in, JSON out; failures become ApiError with the server's stable code

export interface ApiDiagnostic {
  code: string;
  message: string;
  path?: (string | number)[];
  file?: string;
  line?: number;
  col?: number;
  hint?: string;
  severity?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly diagnostics: ApiDiagnostic[] = [],
    /** other fields of the error object, e.g. `current` on scenario.version-conflict */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function parse<T>(res: Response): Promise<T> {
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // a proxy or a missing server answers with HTML: say so rather than failing on JSON.parse
    throw new ApiError(
      res.status,
      res.ok ? 'client.bad-json' : 'http.error',
      `${res.status} ${res.statusText}: ${text.slice(0, 200)}`,
    );
  }
  if (!res.ok) {
    const e = (body as { error?: { code?: string; message?: string; diagnostics?: ApiDiagnostic[] } })?.error;
    throw new ApiError(
      res.status,
      e?.code ?? 'http.error',
      e?.message ?? `${res.status} ${res.statusText}`,
      e?.diagnostics ?? [],
      (e ?? {}) as Record<string, unknown>,
    );
  }
  return body as T;
}

async function request<T>(method: string, url: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(signal ? { signal } : {}),
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'client.network', `cannot reach the server: ${(e as Error).message}`);
  }
  return parse<T>(res);
}

export const api = {
  get: <T>(url: string, signal?: AbortSignal) => request<T>('GET', url, undefined, signal),
  post: <T>(url: string, body: unknown, signal?: AbortSignal) => request<T>('POST', url, body, signal),
  put: <T>(url: string, body: unknown) => request<T>('PUT', url, body),
  del: <T>(url: string) => request<T>('DELETE', url),
  /** a raw body (CSV/XLSX/YAML upload) */
  upload: async <T>(url: string, file: Blob): Promise<T> => {
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': file.type || 'application/octet-stream' },
        body: file,
      });
    } catch (e) {
      throw new ApiError(0, 'client.network', `cannot reach the server: ${(e as Error).message}`);
    }
    return parse<T>(res);
  },
};

export const enc = encodeURIComponent;
