import { PostgresDatabase, SqliteDatabase, type SqlDatabase } from '@depeche/persistence';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { uniqueName } from './unique-name';

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  readonly db: SqlDatabase;
  /** How an app process would be configured to reach this database. */
  readonly env: Record<string, string>;
  drop(): Promise<void>;
}

/**
 * A PostgreSQL database of its own for one test file, created on the server at TEST_DATABASE_URL
 * (default: the local one) and dropped afterwards.
 */
export async function createPostgresTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
  const name = uniqueName('depeche_test').replace(/-/g, '_');
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = new PostgresDatabase(url.toString(), { max: 5 });
  return {
    db,
    env: { DATABASE_KIND: 'postgres', DATABASE_URL: url.toString() },
    async drop() {
      await db.close();
      await withAdmin(adminUrl, (admin) =>
        admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
    },
  };
}

/** An SQLite file in a fresh temporary directory, removed afterwards. */
export function createSqliteTestDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'depeche-sqlite-'));
  const path = join(dir, 'depeche.sqlite');
  const db = new SqliteDatabase(path);
  return {
    db,
    env: { DATABASE_KIND: 'sqlite', SQLITE_PATH: path },
    async drop() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function withAdmin<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Both stores, for `describe.each`: every store spec runs on PostgreSQL and on SQLite. */
export const TEST_DATABASES: readonly [string, () => Promise<TestDatabase>][] = [
  ['PostgreSQL', createPostgresTestDatabase],
  ['SQLite', () => Promise.resolve(createSqliteTestDatabase())],
];
