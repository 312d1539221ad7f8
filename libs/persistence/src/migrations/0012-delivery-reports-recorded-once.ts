import type { Migration } from './migration';

/**
 * The audit trail records each delivery report once. ops.events is read at least once: a report
 * read again after a rebalance or a crash (before its offset was committed) was recorded again,
 * so the trail showed an attempt twice and the partner's health counted it twice. A report's
 * fields name it (the same attempt reported twice is the same bytes, `at` to the millisecond);
 * duplicates already kept go, the oldest row of each stays.
 */
const ONCE = `DELETE FROM ops_delivery_events WHERE id NOT IN (
  SELECT MIN(id) FROM ops_delivery_events
  GROUP BY partner_id, article_id, version, format, attempt, outcome, at);
CREATE UNIQUE INDEX ops_delivery_events_once
  ON ops_delivery_events (partner_id, article_id, version, format, attempt, outcome, at);`;

export const DELIVERY_REPORTS_RECORDED_ONCE: Migration = {
  id: '0012-delivery-reports-recorded-once',
  postgres: ONCE,
  sqlite: ONCE,
};
