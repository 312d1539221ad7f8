import type { Migration } from './migration';

/**
 * The change log's two PostgreSQL rules move into the database (issue 5, freshness), so that every
 * insert into `article_changes` obeys them and ingest's transaction saves two round trips:
 * - before the statement, the change-log advisory lock (CHANGES_LOCK, 7461001): BIGSERIAL values
 *   are drawn before commit, so without it two writers could commit seq 11 before seq 10 and a
 *   reader that passed 11 would never see 10. A statement trigger fires before the statement draws
 *   its first value, and the lock is held to the end of the transaction;
 * - after the statement, NOTIFY depeche_changes: delivered at commit, dropped on rollback, folded
 *   into one per transaction; feed-api processes listen and rebuild at once.
 * SQLite has one writer at a time and no listeners: nothing to do there.
 * Each function is written on one line: the migration runner splits scripts at a `;` ending a line.
 */
export const CHANGE_LOG_TRIGGERS: Migration = {
  id: '0008-change-log-triggers',
  postgres: `CREATE FUNCTION depeche_lock_change_log() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_advisory_xact_lock(7461001); RETURN NULL; END $$;
CREATE TRIGGER article_changes_commit_in_seq_order BEFORE INSERT ON article_changes
  FOR EACH STATEMENT EXECUTE FUNCTION depeche_lock_change_log();
CREATE FUNCTION depeche_notify_changes() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_notify('depeche_changes', ''); RETURN NULL; END $$;
CREATE TRIGGER article_changes_notify AFTER INSERT ON article_changes
  FOR EACH STATEMENT EXECUTE FUNCTION depeche_notify_changes();`,
  sqlite: '',
};
