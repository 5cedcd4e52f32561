// writes one import as a diff against what the same origin imported before: all in one transaction, and a
// re-import of identical content writes nothing at all (not even a release row)
import { GuarantorError } from '../core/errors.js';
import type { LedgerPledge } from '../core/tracker/ledger.js';
import type { Db, DbQueryable } from '../store/db.js';
import { COLUMNS, canonicalJson, type EntityName, type EntityRow, sha256 } from './entities.js';

export type ImportKind =
  | 'kiel-explorer'
  | 'kiel-activities'
  | 'kiel-weapons'
  | 'kiel-xlsx'
  | 'csv'
  | 'agreements';

export interface ReleaseInfo {
  kind: ImportKind;
  /** the scope this import replaces: rows of the same origin missing from it are removed */
  origin: string;
  label: string | undefined;
  fileName: string;
  fileSha256: string;
  actor: string;
}

export interface EntityBatch {
  entity: EntityName;
  rows: EntityRow[];
}

export interface ImportOutcome {
  status: 'imported' | 'unchanged';
  releaseId: number | null;
  rows: number;
  added: number;
  changed: number;
  removed: number;
  /** per entity table */
  byEntity: Record<string, { added: number; changed: number; removed: number }>;
}

export interface ApplyOptions {
  /** called between write batches, inside the transaction (progress bars; the kill test waits for it) */
  onProgress?: (done: number, total: number) => void | Promise<void>;
  batchSize?: number;
}

interface Existing {
  hash: string;
  record: unknown;
}

const quoteIdent = (s: string) => `"${s}"`;

function recordsetSpec(entity: EntityName, extra: [string, string][] = []): string {
  const cols: [string, string][] = [
    ['key', 'text'],
    ...COLUMNS[entity],
    ['record', 'jsonb'],
    ['content_hash', 'text'],
    ...extra,
  ];
  return cols.map(([c, t]) => `${quoteIdent(c)} ${t}`).join(', ');
}

function chunks<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

export async function applyImport(
  db: Db,
  release: ReleaseInfo,
  batches: EntityBatch[],
  opts: ApplyOptions = {},
): Promise<ImportOutcome> {
  const size = opts.batchSize ?? 1000;
  return db.transaction(async (tx) => {
    const plans = [];
    for (const b of batches) {
      const hashed = b.rows.map((r) => ({ ...r, hash: sha256(canonicalJson(r.record)) }));
      const keys = hashed.map((r) => r.key);
      const dupKey = keys.find((k, i) => keys.indexOf(k) !== i);
      if (dupKey !== undefined)
        throw new GuarantorError('tracker.duplicate-key', `two records share the key '${dupKey}'`);
      const clash = await tx.query<{ key: string; origin: string }>(
        `select key, origin from ${b.entity} where key = any($1::text[]) and origin <> $2 limit 5`,
        [keys, release.origin],
      );
      if (clash.length)
        throw new GuarantorError(
          'tracker.key-owned-elsewhere',
          `${clash.map((c) => `'${c.key}'`).join(', ')} already belong to the import '${clash[0]!.origin}'; ` +
            'ids must be unique across imported files (rename the pledge_id or re-import the other file without it)',
        );
      const existing = new Map<string, Existing>();
      for (const row of await tx.query<{ key: string; content_hash: string; record: unknown }>(
        `select key, content_hash, record from ${b.entity} where origin = $1`,
        [release.origin],
      ))
        existing.set(row.key, { hash: row.content_hash, record: row.record });
      const added = hashed.filter((r) => !existing.has(r.key));
      const changed = hashed.filter((r) => existing.has(r.key) && existing.get(r.key)!.hash !== r.hash);
      const incoming = new Set(keys);
      const removed = [...existing.keys()].filter((k) => !incoming.has(k));
      plans.push({ entity: b.entity, rows: hashed, added, changed, removed, existing });
    }
    const total = plans.reduce((s, p) => s + p.added.length + p.changed.length + p.removed.length, 0);
    const byEntity = Object.fromEntries(
      plans.map((p) => [
        p.entity,
        { added: p.added.length, changed: p.changed.length, removed: p.removed.length },
      ]),
    );
    const rows = batches.reduce((s, b) => s + b.rows.length, 0);
    if (total === 0)
      return { status: 'unchanged', releaseId: null, rows, added: 0, changed: 0, removed: 0, byEntity };

    const [rel] = await tx.query<{ id: number }>(
      `insert into releases (kind, origin, label, file_name, sha256, row_count, imported_by)
       values ($1, $2, $3, $4, $5, $6, $7) returning id`,
      [
        release.kind,
        release.origin,
        release.label ?? null,
        release.fileName,
        release.fileSha256,
        rows,
        release.actor,
      ],
    );
    const releaseId = Number(rel!.id);
    let done = 0;
    const progress = async (n: number) => {
      done += n;
      await opts.onProgress?.(done, total);
    };
    for (const p of plans) {
      // removals first, so a renamed key cannot collide with itself
      for (const part of chunks(p.removed, size)) {
        await audit(
          tx,
          release.actor,
          releaseId,
          p.entity,
          part.map((k) => ({ action: 'delete', key: k, before: p.existing.get(k)!.record, after: null })),
        );
        await tx.query(`delete from ${p.entity} where key = any($1::text[])`, [part]);
        await progress(part.length);
      }
      const colList = ['key', ...COLUMNS[p.entity].map(([c]) => c), 'record', 'content_hash'];
      const toJson = (r: EntityRow & { hash: string }) => ({
        key: r.key,
        ...r.cols,
        record: r.record,
        content_hash: r.hash,
      });
      for (const part of chunks(p.changed, size)) {
        await audit(
          tx,
          release.actor,
          releaseId,
          p.entity,
          part.map((r) => ({
            action: 'update',
            key: r.key,
            before: p.existing.get(r.key)!.record,
            after: r.record,
          })),
        );
        const sets = colList.filter((c) => c !== 'key').map((c) => `${quoteIdent(c)} = r.${quoteIdent(c)}`);
        await tx.query(
          `update ${p.entity} t set ${sets.join(', ')}, release_id = $2
           from jsonb_to_recordset($1::jsonb) as r(${recordsetSpec(p.entity)}) where t.key = r.key`,
          [JSON.stringify(part.map(toJson)), releaseId],
        );
        if (p.entity === 'pledges') await writeEvents(tx, part, true);
        await progress(part.length);
      }
      for (const part of chunks(p.added, size)) {
        await audit(
          tx,
          release.actor,
          releaseId,
          p.entity,
          part.map((r) => ({ action: 'insert', key: r.key, before: null, after: r.record })),
        );
        const cols = colList.map(quoteIdent).join(', ');
        await tx.query(
          `insert into ${p.entity} (${cols}, origin, release_id)
           select ${cols}, $2, $3 from jsonb_to_recordset($1::jsonb) as r(${recordsetSpec(p.entity)})`,
          [JSON.stringify(part.map(toJson)), release.origin, releaseId],
        );
        if (p.entity === 'pledges') await writeEvents(tx, part, false);
        await progress(part.length);
      }
    }
    const added = plans.reduce((s, p) => s + p.added.length, 0);
    const changed = plans.reduce((s, p) => s + p.changed.length, 0);
    const removed = plans.reduce((s, p) => s + p.removed.length, 0);
    await tx.query('update releases set added = $2, changed = $3, removed = $4 where id = $1', [
      releaseId,
      added,
      changed,
      removed,
    ]);
    return { status: 'imported', releaseId, rows, added, changed, removed, byEntity };
  });
}

async function writeEvents(tx: DbQueryable, rows: EntityRow[], replace: boolean): Promise<void> {
  const keys = rows.map((r) => r.key);
  if (replace)
    await tx.query(
      'delete from pipeline_events where pledge_id in (select id from pledges where key = any($1::text[]))',
      [keys],
    );
  const events = rows.flatMap((r) =>
    (r.record as LedgerPledge).events.map((e, seq) => ({
      pledge_key: r.key,
      seq,
      stage: e.stage,
      occurred_on: e.on ?? null,
      quantity: e.quantity ?? null,
      value_eur: e.valueEur ?? null,
      source: e.source ?? null,
      note: e.note ?? null,
    })),
  );
  if (!events.length) return;
  await tx.query(
    `insert into pipeline_events (pledge_id, seq, stage, occurred_on, quantity, value_eur, source, note)
     select p.id, r.seq, r.stage, r.occurred_on, r.quantity, r.value_eur, r.source, r.note
     from jsonb_to_recordset($1::jsonb) as r(pledge_key text, seq integer, stage text, occurred_on date,
       quantity double precision, value_eur double precision, source text, note text)
     join pledges p on p.key = r.pledge_key`,
    [JSON.stringify(events)],
  );
}

async function audit(
  tx: DbQueryable,
  actor: string,
  releaseId: number,
  entity: EntityName,
  entries: { action: 'insert' | 'update' | 'delete'; key: string; before: unknown; after: unknown }[],
): Promise<void> {
  if (!entries.length) return;
  await tx.query(
    `insert into audit_log (actor, action, entity, entity_key, before, after, release_id)
     select $2, r.action, $3, r.key, r.before, r.after, $4
     from jsonb_to_recordset($1::jsonb) as r(action text, key text, before jsonb, after jsonb)`,
    [JSON.stringify(entries), actor, entity, releaseId],
  );
}
