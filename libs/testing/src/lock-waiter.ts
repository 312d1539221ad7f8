import { setTimeout as sleep } from 'node:timers/promises';
import type { TestDatabase } from './test-databases';

/**
 * PostgreSQL: resolves once a session waits for a lock on `table`. For specs that show a statement
 * waits for a transaction still open, racing it against the statement's own end.
 */
export async function lockWaiter(database: TestDatabase, table: string): Promise<void> {
  for (;;) {
    const [row] = await database.db.query<{ waiting: number }>(
      `SELECT count(*)::int AS waiting FROM pg_locks
        WHERE NOT granted AND relation = CAST($1 AS regclass)`,
      [table],
    );
    if ((row?.waiting ?? 0) > 0) return;
    await sleep(10);
  }
}
