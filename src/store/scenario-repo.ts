// user scenarios in the database (migration 002): the YAML text plus an optimistic integer version. Validation is the
// caller's job (the same loader as the CLI); this layer only stores, and reports conflicts as GuarantorErrors.
import { GuarantorError } from '../core/errors.js';
import type { DbQueryable } from './db.js';

export interface StoredScenario {
  id: string;
  title: string;
  yaml: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  id: string;
  title: string;
  yaml: string;
  version: number;
  created_at: string;
  updated_at: string;
}

const COLUMNS = `id, title, yaml, version,
  to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as created_at,
  to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as updated_at`;

const fromRow = (r: Row): StoredScenario => ({
  id: r.id,
  title: r.title,
  yaml: r.yaml,
  version: Number(r.version),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** an update or delete named a version other than the stored one; `current` is the stored one */
export class VersionConflictError extends GuarantorError {
  constructor(
    id: string,
    expected: number,
    readonly current: number,
  ) {
    super(
      'scenario.version-conflict',
      `scenario '${id}' is at version ${current}, not ${expected}: someone saved it since you loaded it`,
      [
        {
          code: 'scenario.version-conflict',
          message: `stored version ${current}, request version ${expected}`,
          path: ['version'],
          hint: 'reload the scenario, re-apply your edit and save again',
        },
      ],
    );
  }
}

export function notFound(id: string): GuarantorError {
  return new GuarantorError('scenario.not-found', `no scenario '${id}'`, [
    {
      code: 'scenario.not-found',
      message: `no scenario '${id}'`,
      path: ['id'],
      hint: 'GET /api/scenarios lists the ids',
    },
  ]);
}

export async function listUserScenarios(db: DbQueryable): Promise<StoredScenario[]> {
  return (await db.query<Row>(`select ${COLUMNS} from user_scenarios order by id`)).map(fromRow);
}

export async function getUserScenario(db: DbQueryable, id: string): Promise<StoredScenario | undefined> {
  const [r] = await db.query<Row>(`select ${COLUMNS} from user_scenarios where id = $1`, [id]);
  return r ? fromRow(r) : undefined;
}

/** inserts version 1; an existing id throws scenario.exists */
export async function insertUserScenario(
  db: DbQueryable,
  s: { id: string; title: string; yaml: string },
): Promise<StoredScenario> {
  const rows = await db.query<Row>(
    `insert into user_scenarios (id, title, yaml) values ($1, $2, $3)
     on conflict (id) do nothing returning ${COLUMNS}`,
    [s.id, s.title, s.yaml],
  );
  if (!rows[0])
    throw new GuarantorError('scenario.exists', `a scenario '${s.id}' already exists`, [
      {
        code: 'scenario.exists',
        message: `a scenario '${s.id}' already exists`,
        path: ['id'],
        hint: 'choose another id, or update it with PUT /api/scenarios/:id',
      },
    ]);
  return fromRow(rows[0]);
}

/** compare-and-set on the version: a stale version throws scenario.version-conflict, an unknown id scenario.not-found */
export async function updateUserScenario(
  db: DbQueryable,
  s: { id: string; title: string; yaml: string; version: number },
): Promise<StoredScenario> {
  const rows = await db.query<Row>(
    `update user_scenarios set title = $2, yaml = $3, version = version + 1, updated_at = now()
     where id = $1 and version = $4 returning ${COLUMNS}`,
    [s.id, s.title, s.yaml, s.version],
  );
  if (rows[0]) return fromRow(rows[0]);
  const current = await getUserScenario(db, s.id);
  if (!current) throw notFound(s.id);
  throw new VersionConflictError(s.id, s.version, current.version);
}

/** deletes; with `version`, only that version (else scenario.version-conflict) */
export async function deleteUserScenario(db: DbQueryable, id: string, version?: number): Promise<void> {
  const rows = await db.query<{ id: string }>(
    version === undefined
      ? 'delete from user_scenarios where id = $1 returning id'
      : 'delete from user_scenarios where id = $1 and version = $2 returning id',
    version === undefined ? [id] : [id, version],
  );
  if (rows[0]) return;
  const current = await getUserScenario(db, id);
  if (!current) throw notFound(id);
  throw new VersionConflictError(id, version ?? 0, current.version);
}
