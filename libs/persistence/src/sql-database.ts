import type { DatabaseKind } from '@depeche/config';

export type SqlValue = string | number | bigint | boolean | null | Buffer;

/**
 * What repositories need from a relational database, and no more. SQL is written once in the
 * subset PostgreSQL and SQLite share, with `$1, $2…` placeholders.
 */
export interface SqlExecutor {
  readonly kind: DatabaseKind;
  query<Row extends object>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** Runs a statement and returns the number of rows it changed. */
  execute(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

export interface SqlDatabase extends SqlExecutor {
  /** Commits when `work` resolves, rolls back when it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
