import { CHANGES_LOCK } from './article-store.batch-write';
import type { SqlDatabase, SqlExecutor } from './sql-database';

/**
 * The change log's lock (PostgreSQL), taken here before the read: every insert into
 * `article_changes` takes it anyway (migration 0008, so writers commit in seq order), but the check
 * for due releases must run under it too, or two processes could both find a release missing and
 * both record it. SQLite's BEGIN IMMEDIATE serialises writers already.
 */
async function lockChangeLog(tx: SqlExecutor): Promise<void> {
  if (tx.kind === 'postgres') await tx.query(`SELECT pg_advisory_xact_lock(${CHANGES_LOCK})`);
}

/** A story whose embargo lifted and whose release this call recorded. */
export interface Release {
  readonly articleId: string;
  readonly version: number;
}

/**
 * Records a `released` change for each current, not withdrawn story whose embargo has lifted by
 * `now` and whose current version was recorded while it was embargoed, once per (story, version).
 *
 * Why: a partner entitled to embargoed stories only once they lift skips the changes made under
 * embargo (whether a change is visible is decided at the time it was recorded, so the stream gives
 * the same answer whenever it is read, and each change at most once). Its cursor then passes them.
 * The release row, appended after the lift with a new seq, is what delivers the story to it.
 *
 * Idempotent and safe from several processes at once: the NOT EXISTS check and the insert run
 * under the change-log lock (PostgreSQL) or the write lock (SQLite), so a second process finds the
 * row the first one wrote. ISO 8601 UTC strings of one format compare as times.
 *
 * `since` bounds the scan to embargoes that lifted after it (no index on the embargo column is
 * needed for the few stories that lift between two scans); the caller passes its last scan time
 * minus a margin, and a long look-back at start-up.
 */
export async function recordReleases(
  db: SqlDatabase,
  now: Date,
  since = new Date(0),
): Promise<Release[]> {
  const params = [now.toISOString(), since.toISOString()];
  // A read first: most scans find nothing, and then no write lock is taken (on SQLite it would
  // make ingest wait).
  if ((await db.query(DUE_RELEASES, params)).length === 0) return [];
  return db.transaction(async (tx) => {
    await lockChangeLog(tx);
    const due = await tx.query<{ article_id: string; version: number | string }>(
      DUE_RELEASES,
      params,
    );
    for (const row of due) {
      await tx.execute(
        `INSERT INTO article_changes (article_id, version, change, recorded_at) VALUES ($1, $2, 'released', $3)`,
        [row.article_id, Number(row.version), now.toISOString()],
      );
    }
    return due.map((row) => ({ articleId: row.article_id, version: Number(row.version) }));
  });
}

const DUE_RELEASES = `SELECT a.article_id, a.version FROM articles a
  WHERE a.embargo_until IS NOT NULL AND a.embargo_until <= $1 AND a.embargo_until > $2
    AND a.withdrawn_at IS NULL AND a.change <> 'withdrawn'
    AND EXISTS (SELECT 1 FROM article_changes c
                WHERE c.article_id = a.article_id AND c.version = a.version
                  AND c.change <> 'released' AND c.recorded_at < a.embargo_until)
    AND NOT EXISTS (SELECT 1 FROM article_changes r
                    WHERE r.article_id = a.article_id AND r.version = a.version
                      AND r.change = 'released')
  ORDER BY a.embargo_until, a.article_id`;
