import type { Migration } from './migrations/migration';
import type { SqlDatabase, SqlExecutor } from './sql-database';

const LEDGER = `CREATE TABLE IF NOT EXISTS schema_migrations (
  id TEXT PRIMARY KEY,
  applied_at TEXT NOT NULL
)`;

/**
 * Applies the migrations that are not applied yet, each in its own transaction, and returns their ids.
 * Safe when several processes start at once: PostgreSQL serialises them with an advisory lock,
 * SQLite with its write lock (BEGIN IMMEDIATE).
 */
export async function migrate(
  db: SqlDatabase,
  migrations: readonly Migration[],
  now: () => Date = () => new Date(),
): Promise<string[]> {
  const applied: string[] = [];
  for (const migration of migrations) {
    const done = await db.transaction(async (tx) => {
      await lockLedger(tx);
      await tx.execute(LEDGER);
      const rows = await tx.query<{ id: string }>(
        'SELECT id FROM schema_migrations WHERE id = $1',
        [migration.id],
      );
      if (rows.length > 0) return false;
      await runScript(tx, tx.kind === 'postgres' ? migration.postgres : migration.sqlite);
      await tx.execute('INSERT INTO schema_migrations (id, applied_at) VALUES ($1, $2)', [
        migration.id,
        now().toISOString(),
      ]);
      return true;
    });
    if (done) applied.push(migration.id);
  }
  return applied;
}

/** Whether every migration is applied: readiness depends on it. */
export async function pendingMigrations(
  db: SqlDatabase,
  migrations: readonly Migration[],
): Promise<string[]> {
  await db.execute(LEDGER);
  const rows = await db.query<{ id: string }>('SELECT id FROM schema_migrations');
  const applied = new Set(rows.map((r) => r.id));
  return migrations.map((m) => m.id).filter((id) => !applied.has(id));
}

/**
 * Serialises the processes that migrate. The pool's timeouts are for OLTP work (postgres.database.ts)
 * and would fail a start-up for the wrong reason: waiting here while another process runs a long
 * migration is not a stuck lock (no lock_timeout for this wait), and building an index on a large
 * table may take longer than a minute (no statement_timeout in a migration). Both SET LOCAL: they
 * end with the transaction. Locks the migration's statements wait for keep the pool's lock_timeout,
 * so DDL cannot queue every query of a running app behind it for long.
 */
async function lockLedger(tx: SqlExecutor): Promise<void> {
  if (tx.kind !== 'postgres') return;
  await tx.execute('SET LOCAL statement_timeout = 0');
  await tx.execute('SET LOCAL lock_timeout = 0');
  // An arbitrary constant key: every depeche process that migrates takes the same lock.
  await tx.query('SELECT pg_advisory_xact_lock(4242001)');
  await tx.execute('SET LOCAL lock_timeout = DEFAULT');
}

/** Migration scripts hold several statements separated by `;` at the end of a line. */
async function runScript(tx: SqlExecutor, script: string): Promise<void> {
  for (const statement of script.split(/;\s*$/m)) {
    if (statement.trim()) await tx.execute(statement);
  }
}
