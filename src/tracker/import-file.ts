// one file -> validated records -> one transactional, idempotent import. Nothing touches the database unless
// the whole file is valid.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { type Diagnostic, GuarantorError } from '../core/errors.js';
import { parseCsv } from '../core/tracker/csv.js';
import { decodeText } from '../core/tracker/decode-text.js';
import {
  hasErrors,
  parseKielActivities,
  parseKielExplorer,
  parseKielWeapons,
} from '../core/tracker/kiel-rows.js';
import { parseKielWorkbookSheet } from '../core/tracker/kiel-workbook.js';
import { parseOwnCsv } from '../core/tracker/own-csv.js';
import type { Db } from '../store/db.js';
import { parseAgreements } from './agreements-file.js';
import {
  type ApplyOptions,
  applyImport,
  type EntityBatch,
  type ImportKind,
  type ImportOutcome,
} from './apply-import.js';
import { instrumentRow, monthRow, pledgeRow, sha256, weaponRow } from './entities.js';
import { readWorkbookSheet } from './xlsx-table.js';

export const IMPORT_KINDS: ImportKind[] = [
  'kiel-explorer',
  'kiel-activities',
  'kiel-weapons',
  'kiel-xlsx',
  'csv',
  'agreements',
];

export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

export interface ImportRequest {
  /** path to read */
  path: string;
  /** how to name the file in messages (as the user typed it) */
  display?: string;
  kind?: ImportKind;
  /** release label override, e.g. 'Release 30' */
  release?: string;
  actor: string;
}

export interface PreparedImport {
  kind: ImportKind;
  origin: string;
  label: string | undefined;
  display: string;
  sha: string;
  batches: EntityBatch[];
  warnings: Diagnostic[];
  notes: string[];
  encoding?: string;
}

function fail(code: string, message: string, display: string, hint: string): never {
  throw new GuarantorError(code, message, [
    { code, message, path: [], file: display, line: 1, col: 1, hint },
  ]);
}

/** kind from the extension, then from the header row */
export function detectKind(display: string, headerLine: string | undefined): ImportKind | undefined {
  const ext = extname(display).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') return 'kiel-xlsx';
  if (ext === '.yaml' || ext === '.yml') return 'agreements';
  if (headerLine === undefined) return undefined;
  const h = headerLine.toLowerCase();
  if (h.includes('pledge_id')) return 'csv';
  if (h.includes('number_of_weapons')) return 'kiel-weapons';
  if (h.includes('announcement_date') && h.includes('measure')) return 'kiel-activities';
  if (h.includes('year') && h.includes('month') && h.includes('military')) return 'kiel-explorer';
  return undefined;
}

/** the release a Kiel CSV belongs to: --release, else release_info.csv beside it, else the file name */
export function releaseLabel(
  path: string,
  kind: ImportKind,
  override: string | undefined,
): string | undefined {
  if (override) return override;
  const fromName = /release[_ -]?(\d+)/i.exec(basename(path));
  if (kind === 'kiel-activities' || kind === 'kiel-xlsx')
    return fromName ? `Release ${fromName[1]}` : undefined;
  if (!kind.startsWith('kiel-')) return undefined;
  const info = join(dirname(path), 'release_info.csv');
  if (existsSync(info)) {
    const parsed = parseCsv(readFileSync(info, 'utf8'), info);
    const label = parsed.ok
      ? parsed.table.rows[0]?.cells[parsed.table.header.findIndex((c) => c.value === 'label')]?.value
      : undefined;
    if (label) return label;
  }
  return fromName ? `Release ${fromName[1]}` : undefined;
}

const releaseSourceId = (label: string | undefined, fallback: string) => {
  const m = label ? /release\s*(\d+)/i.exec(label) : null;
  return m ? `kiel-ust-release-${m[1]}` : fallback;
};

export async function prepareImport(req: ImportRequest): Promise<PreparedImport> {
  const display = req.display ?? req.path;
  let size: number;
  try {
    const st = statSync(req.path);
    if (st.isDirectory())
      fail(
        'file.is-directory',
        'is a directory, not a file',
        display,
        'name a CSV, XLSX or YAML file inside it',
      );
    size = st.size;
  } catch (e) {
    if (e instanceof GuarantorError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    fail(
      code === 'ENOENT' ? 'file.not-found' : 'file.unreadable',
      code === 'ENOENT' ? 'no such file' : `cannot read (${code})`,
      display,
      'check the path',
    );
  }
  if (size > MAX_IMPORT_BYTES)
    fail(
      'file.too-large',
      `file is ${(size / 1048576).toFixed(0)} MB; the limit is 256 MB`,
      display,
      'split the file',
    );
  const bytes = readFileSync(req.path);
  const sha = sha256(bytes);
  const isWorkbook = (req.kind ?? detectKind(display, undefined)) === 'kiel-xlsx';
  if (isWorkbook) {
    const { table, file } = await readWorkbookSheet(req.path, display);
    const label = releaseLabel(req.path, 'kiel-xlsx', req.release);
    const parsed = parseKielWorkbookSheet(table, file, releaseSourceId(label, 'kiel-ust-release-28'));
    if (hasErrors(parsed.diagnostics))
      throw new GuarantorError(
        'tracker.invalid-input',
        `${display} has problems; nothing was imported`,
        parsed.diagnostics,
      );
    return {
      kind: 'kiel-xlsx',
      origin: 'kiel-xlsx',
      label,
      display,
      sha,
      batches: [{ entity: 'pledges', rows: parsed.records.map(pledgeRow) }],
      warnings: parsed.diagnostics,
      notes: parsed.notes,
    };
  }
  const decoded = decodeText(bytes, display);
  if (!decoded.ok)
    throw new GuarantorError(
      'tracker.invalid-input',
      `${display} cannot be read as text`,
      decoded.diagnostics,
    );
  const warnings = [...decoded.warnings];
  const firstLine = decoded.text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  const kind = req.kind ?? detectKind(display, firstLine);
  if (!kind)
    fail(
      'usage.unknown-kind',
      'cannot tell what kind of file this is from its name or header',
      display,
      `pass --kind with one of: ${IMPORT_KINDS.join(', ')}`,
    );
  if (kind === 'agreements') {
    const data = parseAgreements(decoded.text, display);
    return {
      kind,
      origin: 'agreements',
      label: undefined,
      display,
      sha,
      batches: [
        { entity: 'instruments', rows: data.instruments.map(instrumentRow) },
        { entity: 'pledges', rows: data.pledges.map(pledgeRow) },
      ],
      warnings,
      notes: [`${data.agreements.length} agreements, ${data.pledges.length} stated deliverables`],
      encoding: decoded.encoding,
    };
  }
  const csv = parseCsv(decoded.text, display);
  if (!csv.ok)
    throw new GuarantorError(
      'tracker.invalid-input',
      `${display} is not well-formed CSV; nothing was imported`,
      [...warnings, ...csv.diagnostics],
    );
  const notes: string[] = [];
  if (csv.table.delimiter !== ',')
    notes.push(
      `read as ${csv.table.delimiter === ';' ? 'semicolon' : 'tab'}-separated${csv.table.delimiter === ';' ? ' (decimal commas accepted)' : ''}`,
    );
  if (decoded.bom) notes.push('skipped a byte-order mark');
  const label = releaseLabel(req.path, kind, req.release);
  let batches: EntityBatch[];
  let diagnostics: Diagnostic[];
  let origin: string = kind;
  switch (kind) {
    case 'kiel-explorer': {
      const p = parseKielExplorer(csv.table, display);
      batches = [{ entity: 'kiel_monthly', rows: p.records.map(monthRow) }];
      diagnostics = p.diagnostics;
      notes.push(...p.notes);
      break;
    }
    case 'kiel-weapons': {
      const p = parseKielWeapons(csv.table, display);
      batches = [{ entity: 'kiel_weapons', rows: p.records.map(weaponRow) }];
      diagnostics = p.diagnostics;
      notes.push(...p.notes);
      break;
    }
    case 'kiel-activities': {
      const p = parseKielActivities(csv.table, display, releaseSourceId(label, 'kiel-ust-release-28'));
      batches = [{ entity: 'pledges', rows: p.records.map(pledgeRow) }];
      diagnostics = p.diagnostics;
      notes.push(...p.notes);
      break;
    }
    case 'csv': {
      const p = parseOwnCsv(csv.table, display);
      batches = [{ entity: 'pledges', rows: p.records.map(pledgeRow) }];
      diagnostics = p.diagnostics;
      origin = `csv:${basename(display)}`;
      break;
    }
    default:
      fail(
        'usage.unknown-kind',
        `--kind ${kind} needs an .xlsx workbook`,
        display,
        'pass the workbook file, or another --kind',
      );
  }
  if (hasErrors(diagnostics))
    throw new GuarantorError('tracker.invalid-input', `${display} has problems; nothing was imported`, [
      ...warnings,
      ...diagnostics,
    ]);
  return {
    kind,
    origin,
    label,
    display,
    sha,
    batches,
    warnings: [...warnings, ...diagnostics],
    notes,
    encoding: decoded.encoding,
  };
}

export async function importPrepared(
  db: Db,
  prep: PreparedImport,
  actor: string,
  opts: ApplyOptions = {},
): Promise<ImportOutcome> {
  return applyImport(
    db,
    {
      kind: prep.kind,
      origin: prep.origin,
      label: prep.label,
      fileName: prep.display,
      fileSha256: prep.sha,
      actor,
    },
    prep.batches,
    opts,
  );
}

export async function importFile(
  db: Db,
  req: ImportRequest,
  opts: ApplyOptions = {},
): Promise<{ prepared: PreparedImport; outcome: ImportOutcome }> {
  const prepared = await prepareImport(req);
  return { prepared, outcome: await importPrepared(db, prepared, req.actor, opts) };
}
