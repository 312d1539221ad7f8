import type { Migration } from './migration';

/**
 * The outbox refers to the stored version instead of carrying a third copy of the article
 * (issue 3, bench:ingest): `message_value` holds the item without its article, and the relay
 * splices in `article_versions.document` at `document_at`. Rows are deleted once sent (the outbox
 * is a conveyor, article_versions the record), so the table stays as small as its backlog;
 * published rows of the earlier scheme go now.
 */
const SCRIPT = `ALTER TABLE outbox ADD COLUMN article_id TEXT;
ALTER TABLE outbox ADD COLUMN version INTEGER;
ALTER TABLE outbox ADD COLUMN document_at INTEGER;
DELETE FROM outbox WHERE published_at IS NOT NULL;`;

export const OUTBOX_BY_REFERENCE: Migration = {
  id: '0007-outbox-by-reference',
  postgres: SCRIPT,
  sqlite: SCRIPT,
};
