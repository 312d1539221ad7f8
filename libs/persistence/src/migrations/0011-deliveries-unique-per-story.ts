import type { Migration } from './migration';

/**
 * One index fewer on the queue table, the busiest of the distributor (every delivery inserts a row
 * and rewrites it once delivered; a status change is never a HOT update, so each index takes a
 * new entry twice per delivery). A unique index on (article, target, version) becomes the key the
 * fan-out's ON CONFLICT relies on and replaces both `deliveries_story` (the same columns, not
 * unique) and the table's UNIQUE (target, guid, version): a story keeps one guid (keepGuids) and a
 * stored version has one guid, so both keys name the same rows.
 * The new index is built before the old ones go: PostgreSQL's CREATE INDEX lets the table be read
 * meanwhile, and the exclusive lock the drops take lasts only to the commit that follows. SQLite
 * cannot drop a table constraint without rebuilding the table; it keeps it beside the new index.
 */
const BY_STORY = `CREATE UNIQUE INDEX deliveries_by_story ON deliveries (article_id, target_id, version);
DROP INDEX deliveries_story;`;

export const DELIVERIES_UNIQUE_PER_STORY: Migration = {
  id: '0011-deliveries-unique-per-story',
  postgres: `${BY_STORY}
ALTER TABLE deliveries DROP CONSTRAINT deliveries_target_id_guid_version_key;`,
  sqlite: BY_STORY,
};
