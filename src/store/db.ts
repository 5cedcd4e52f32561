// the one database surface the tracker uses: PGlite (embedded) and PostgreSQL (pg) both implement it

export type SqlParam = string | number | boolean | null | string[] | number[];

/** what a query or statement can run against: the database itself or an open transaction */
export interface DbQueryable {
  /** rows of a parameterised query ($1, $2, ...) */
  query<T = Record<string, unknown>>(sql: string, params?: SqlParam[]): Promise<T[]>;
  /** one or more statements without parameters (migrations) */
  exec(sql: string): Promise<void>;
}

export interface Db extends DbQueryable {
  readonly kind: 'pglite' | 'postgres';
  /** where the data lives, for messages: a directory, 'memory' or a URL with the password removed */
  readonly location: string;
  /** all-or-nothing: commits when fn resolves, rolls back when it throws */
  transaction<T>(fn: (tx: DbQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
