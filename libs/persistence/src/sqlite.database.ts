import type { DatabaseKind } from '@depeche/config';
import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Mutex } from './mutex';
import type { SqlDatabase, SqlExecutor, SqlValue } from './sql-database';

/**
 * The embedded default. better-sqlite3 is synchronous; a mutex keeps an async transaction from
 * interleaving with other statements on the same connection.
 */
export class SqliteDatabase implements SqlDatabase {
  readonly kind: DatabaseKind = 'sqlite';
  private readonly db: BetterSqlite3.Database;
  private readonly lock = new Mutex();

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new BetterSqlite3(path);
    // WAL lets the apps of one machine read while one writes; busy_timeout waits for the writer.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    // FULL, not WAL's usual NORMAL: Kafka offsets are committed once a transaction commits, so a
    // commit must survive a power loss too, or the events it stored would be lost for good.
    this.db.pragma('synchronous = FULL');
  }

  query<Row extends object>(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    return this.lock.run(() => Promise.resolve(runQuery<Row>(this.db, sql, params)));
  }

  execute(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return this.lock.run(() => Promise.resolve(runExecute(this.db, sql, params)));
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.lock.run(async () => {
      // IMMEDIATE takes the write lock at once, so two processes cannot both read then fail to write.
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(new SqliteTransaction(this.db));
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  close(): Promise<void> {
    return this.lock.run(() => {
      this.db.close();
      return Promise.resolve();
    });
  }
}

class SqliteTransaction implements SqlExecutor {
  readonly kind: DatabaseKind = 'sqlite';
  constructor(private readonly db: BetterSqlite3.Database) {}

  query<Row extends object>(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    return Promise.resolve(runQuery<Row>(this.db, sql, params));
  }

  execute(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return Promise.resolve(runExecute(this.db, sql, params));
  }
}

function runQuery<Row>(
  db: BetterSqlite3.Database,
  sql: string,
  params: readonly SqlValue[],
): Row[] {
  const { text, values } = toSqlite(sql, params);
  return db.prepare(text).all(...values) as Row[];
}

function runExecute(db: BetterSqlite3.Database, sql: string, params: readonly SqlValue[]): number {
  const { text, values } = toSqlite(sql, params);
  return db.prepare(text).run(...values).changes;
}

/**
 * `$1` is PostgreSQL's numbered placeholder. better-sqlite3 binds an array to positional `?` only,
 * so each `$n` becomes `?` with its value placed in the order the placeholders appear (a `$n`
 * used twice is bound twice).
 */
export function toSqlite(
  sql: string,
  params: readonly SqlValue[],
): { text: string; values: Exclude<SqlValue, boolean>[] } {
  const values: Exclude<SqlValue, boolean>[] = [];
  const text = sql.replace(/\$(\d+)/g, (_match, n: string) => {
    const index = Number(n) - 1;
    if (index < 0 || index >= params.length) throw new RangeError(`no value for $${n}`);
    values.push(toSqliteValue(params[index] ?? null));
    return '?';
  });
  return { text, values };
}

/** SQLite has no boolean type: store 1 and 0, as PostgreSQL's driver would read them back as booleans. */
function toSqliteValue(value: SqlValue): Exclude<SqlValue, boolean> {
  return typeof value === 'boolean' ? Number(value) : value;
}
