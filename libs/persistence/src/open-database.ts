import type { AppEnv } from '@depeche/config';
import { PostgresDatabase } from './postgres.database';
import type { SqlDatabase } from './sql-database';
import { SqliteDatabase } from './sqlite.database';

/** The database an app's configuration names. */
export function openDatabase(
  env: Pick<AppEnv, 'DATABASE_KIND' | 'DATABASE_URL' | 'SQLITE_PATH'>,
): SqlDatabase {
  switch (env.DATABASE_KIND) {
    case 'postgres':
      // loadConfig has checked DATABASE_URL is set when the kind is postgres.
      return new PostgresDatabase(env.DATABASE_URL ?? '');
    case 'sqlite':
      return new SqliteDatabase(env.SQLITE_PATH);
  }
}
