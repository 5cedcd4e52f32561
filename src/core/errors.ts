// expected failures are data (Diagnostic); unexpected ones throw GuarantorError with a stable code

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** stable machine code, e.g. 'schema.unknown-key' */
  code: string;
  message: string;
  /** path inside the document, e.g. ['instruments', 0, 'guarantors'] */
  path: (string | number)[];
  file?: string;
  line?: number;
  col?: number;
  hint?: string;
  severity?: Severity;
}

export class GuarantorError extends Error {
  readonly code: string;
  readonly diagnostics: Diagnostic[];
  constructor(code: string, message: string, diagnostics: Diagnostic[] = []) {
    super(message);
    this.name = 'GuarantorError';
    this.code = code;
    this.diagnostics = diagnostics;
  }
}

export type Result<T> =
  | { ok: true; value: T; warnings: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/** `file:line:col code message` plus an indented hint, the one format every edge prints */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file
    ? `${d.file}:${d.line ?? 1}:${d.col ?? 1}`
    : d.path.length
      ? d.path.join('.')
      : '<input>';
  const at = d.file && d.path.length ? ` (at ${d.path.join('.')})` : '';
  const head = `${where} ${d.code} ${d.message}${at}`;
  return d.hint ? `${head}\n  hint: ${d.hint}` : head;
}
