import type { Migration } from './migration';

/**
 * Delivery claims per target (issue 6, bench:push).
 * - Both: `deliveries_story` (article, target, version) replaces `deliveries_article` (target,
 *   article, version): it serves the order check of claims as before, and also the fan-out's
 *   "where did this story go" lookup by article, which had no index and read the whole table.
 * - PostgreSQL claims each target's first due rows (see claimPerTarget) through `deliveries_open`,
 *   a partial index of the open rows only: a delivered row, most of the table, leaves no entry
 *   there. `deliveries_due` served the old global scan and goes. The queue table changes state
 *   thousands of times a second; its statistics and dead index entries are kept fresh by
 *   vacuuming and analysing after 2 % of its rows changed instead of 10–20 %.
 * - SQLite keeps `deliveries_due`: its claim walks it in order.
 */
const STORY = `DROP INDEX deliveries_article;
CREATE INDEX deliveries_story ON deliveries (article_id, target_id, version);`;

export const DELIVERY_CLAIMS: Migration = {
  id: '0006-delivery-claims',
  postgres: `${STORY}
DROP INDEX deliveries_due;
CREATE INDEX deliveries_open ON deliveries (target_id, status, not_before)
  WHERE status IN ('pending', 'in_flight');
ALTER TABLE deliveries SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);`,
  sqlite: STORY,
};
