// the one place errors become HTTP: GuarantorError codes map to statuses, zod failures to 400 with their issues,
// anything else to 500 `internal` with neither stack nor message in the response (the server's log gets both)
import type { z } from 'zod';
import { type Diagnostic, GuarantorError } from '../core/errors.js';

export interface ErrorBody {
  error: { code: string; message: string; diagnostics?: Diagnostic[]; current?: number | string };
}

/** an error that already knows its status (e.g. 413 from the body limit) and may carry extra fields */
export class HttpError extends GuarantorError {
  constructor(
    readonly status: number,
    code: string,
    message: string,
    diagnostics: Diagnostic[] = [],
    readonly extra: { current?: number | string } = {},
  ) {
    super(code, message, diagnostics);
  }
}

const NOT_FOUND = new Set([
  'scenario.not-found',
  'job.not-found',
  'source.not-found',
  'route.not-found',
  'usage.unknown-scenario',
  'usage.unknown-donor',
  'usage.unknown-agreement',
  'usage.unknown-source',
]);
const CONFLICT = new Set(['scenario.exists', 'scenario.version-conflict', 'scenario.read-only']);
/** codes that mean the server's own data or code is broken: never the client's fault */
const INTERNAL_PREFIXES = [
  'catalog.',
  'priors.',
  'forces.data-',
  'store.migration',
  'historical.',
  'internal',
];

export function statusFor(code: string): number {
  if (code === 'request.too-large') return 413;
  if (code === 'request.unsupported-media-type') return 415;
  if (code === 'request.cross-origin') return 403;
  if (NOT_FOUND.has(code)) return 404;
  if (CONFLICT.has(code)) return 409;
  if (code.startsWith('request.') || code.startsWith('usage.') || code === 'engine.cancelled') return 400;
  if (code === 'job.too-many') return 429;
  if (code === 'store.locked' || code === 'store.connect') return 503;
  if (INTERNAL_PREFIXES.some((p) => code.startsWith(p))) return 500;
  // the remaining GuarantorErrors are data the client sent that cannot be used: invalid YAML, a bad CSV
  return 422;
}

export function errorBody(code: string, message: string, diagnostics?: Diagnostic[]): ErrorBody {
  return { error: { code, message, ...(diagnostics?.length ? { diagnostics } : {}) } };
}

/** zod issues as diagnostics; `where` says which part of the request (body, query, params) */
export function zodDiagnostics(issues: z.core.$ZodIssue[], where: string): Diagnostic[] {
  return issues.map((i) => ({
    code: 'request.invalid',
    message: i.message,
    path: [where, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    hint:
      i.code === 'unrecognized_keys'
        ? `remove ${(i as { keys?: string[] }).keys?.join(', ') ?? 'the unknown keys'}`
        : `check ${where}${i.path.length ? `.${i.path.join('.')}` : ''}`,
  }));
}

export class RequestValidationError extends HttpError {
  constructor(issues: z.core.$ZodIssue[], where: string) {
    const diagnostics = zodDiagnostics(issues, where);
    super(
      400,
      'request.invalid',
      `invalid ${where}: ${diagnostics.map((d) => `${d.path.slice(1).join('.') || where}: ${d.message}`).join('; ')}`,
      diagnostics,
    );
  }
}

/** status and body for anything thrown by a handler; `log` receives unexpected errors with their stack */
export function toHttpError(e: unknown, log: (text: string) => void): { status: number; body: ErrorBody } {
  if (e instanceof HttpError) {
    const body = errorBody(e.code, e.message, e.diagnostics);
    if (e.extra.current !== undefined) body.error.current = e.extra.current;
    return { status: e.status, body };
  }
  if (e instanceof GuarantorError) {
    const status = statusFor(e.code);
    if (status === 500) {
      log(`internal error ${e.code}: ${e.message}${e.stack ? `\n${e.stack}` : ''}`);
      return { status, body: errorBody('internal', 'internal error') };
    }
    const body = errorBody(e.code, e.message, e.diagnostics);
    const current = (e as { current?: unknown }).current;
    if (typeof current === 'number' || typeof current === 'string') body.error.current = current;
    return { status, body };
  }
  log(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  return { status: 500, body: errorBody('internal', 'internal error') };
}
