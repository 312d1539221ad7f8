import type { Migration } from './migration';

/**
 * Operations (issue 7).
 * - `ops_dead_letters`: the dead-letter topic indexed by the ops app, one row per DLQ message
 *   (its topic, partition, offset are the key, so re-reading the topic writes nothing twice).
 *   Key, value and header values are base64: a dead letter may be bytes that are not UTF-8, and a
 *   replay must send exactly the bytes that failed.
 * - `ops_audit`: who did what from the dashboard or the CLI (replays, pauses, rebuilds).
 * - `audit_pulls`: each article a partner pulled (time, format, ETag), written in batches off the
 *   request path by PullRecorder; `article_id` is NULL for a pull that carried no article.
 * - `ops_delivery_events`: delivery outcomes the distributor reports on `ops.events`, kept for the
 *   per-article audit trail and the per-partner health on the dashboard.
 */
function script(id: string): string {
  return `
CREATE TABLE ops_dead_letters (
  dlq_topic TEXT NOT NULL,
  dlq_partition INTEGER NOT NULL,
  dlq_offset BIGINT NOT NULL,
  message_key TEXT,
  message_value TEXT,
  headers TEXT NOT NULL,
  error_code TEXT NOT NULL,
  error_message TEXT NOT NULL,
  source_topic TEXT NOT NULL,
  failed_at TEXT NOT NULL,
  indexed_at TEXT NOT NULL,
  replayed_at TEXT,
  replayed_by TEXT,
  PRIMARY KEY (dlq_topic, dlq_partition, dlq_offset)
);
CREATE INDEX ops_dead_letters_failed_at ON ops_dead_letters (failed_at);
CREATE TABLE ops_audit (
  id ${id},
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  detail TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE TABLE audit_pulls (
  id ${id},
  partner_id TEXT NOT NULL,
  article_id TEXT,
  format TEXT NOT NULL,
  etag TEXT NOT NULL,
  path TEXT NOT NULL,
  pulled_at TEXT NOT NULL
);
CREATE INDEX audit_pulls_article ON audit_pulls (article_id, pulled_at);
CREATE TABLE ops_delivery_events (
  id ${id},
  outcome TEXT NOT NULL,
  partner_id TEXT NOT NULL,
  article_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  format TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  status_code INTEGER,
  detail TEXT NOT NULL,
  correlation_id TEXT,
  at TEXT NOT NULL
);
CREATE INDEX ops_delivery_events_article ON ops_delivery_events (article_id, at);
CREATE INDEX ops_delivery_events_partner ON ops_delivery_events (partner_id, at);`;
}

export const OPERATIONS: Migration = {
  id: '0005-operations',
  postgres: script('BIGSERIAL PRIMARY KEY'),
  sqlite: script('INTEGER PRIMARY KEY AUTOINCREMENT'),
};
