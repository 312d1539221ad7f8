import type { Migration } from './migration';

/**
 * One index fewer on the queue table, the busiest of the distributor (every delivery inserts a row
 * and rewrites it once delivered; a status change is never a HOT update, so each index takes a
 * new entry twice per delivery). `deliveries_story` (article, target, version) becomes the unique
 * key the fan-out's ON CONFLICT relies on, and the table's UNIQUE (target, guid, version) goes: a
 * story keeps one guid (keepGuids) and a stored version has one guid, so both keys name the same
 * rows. SQLite cannot drop a table constraint without rebuilding the table; it keeps it beside the
 * new unique index, which the statements name alike on both databases.
 */
const UNIQUE_STORY = `DROP INDEX deliveries_story;
CREATE UNIQUE INDEX deliveries_story ON deliveries (article_id, target_id, version);`;

export const DELIVERIES_UNIQUE_PER_STORY: Migration = {
  id: '0011-deliveries-unique-per-story',
  postgres: `${UNIQUE_STORY}
ALTER TABLE deliveries DROP CONSTRAINT deliveries_target_id_guid_version_key;`,
  sqlite: UNIQUE_STORY,
};
