import type { Migration } from './migration';

/**
 * The article store. `processed_events` makes an event's effect happen once; `article_versions`
 * keeps every version received (the audit trail, stale ones flagged); `articles` holds the current
 * version; `article_changes` numbers each accepted change for the partners' change cursor; `outbox`
 * carries what must reach `syndication.items`, committed with the change it announces.
 */
export const ARTICLES: Migration = {
  id: '0001-articles',
  postgres: `
CREATE TABLE processed_events (
  event_id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  processed_at TEXT NOT NULL
);
CREATE TABLE article_versions (
  article_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  change TEXT NOT NULL,
  event_id TEXT NOT NULL,
  stale BOOLEAN NOT NULL,
  document TEXT NOT NULL,
  received_at TEXT NOT NULL,
  correlation_id TEXT,
  PRIMARY KEY (article_id, version)
);
CREATE TABLE articles (
  article_id TEXT PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  version INTEGER NOT NULL,
  change TEXT NOT NULL,
  language TEXT NOT NULL,
  document TEXT NOT NULL,
  first_published_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  embargo_until TEXT,
  withdrawn_at TEXT,
  stored_at TEXT NOT NULL
);
CREATE INDEX articles_updated_at ON articles (updated_at);
CREATE TABLE article_changes (
  seq BIGSERIAL PRIMARY KEY,
  article_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  change TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE TABLE outbox (
  id BIGSERIAL PRIMARY KEY,
  topic TEXT NOT NULL,
  message_key TEXT NOT NULL,
  message_value TEXT NOT NULL,
  headers TEXT NOT NULL,
  created_at TEXT NOT NULL,
  published_at TEXT
);
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;`,
  sqlite: `
CREATE TABLE processed_events (
  event_id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  processed_at TEXT NOT NULL
);
CREATE TABLE article_versions (
  article_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  change TEXT NOT NULL,
  event_id TEXT NOT NULL,
  stale INTEGER NOT NULL,
  document TEXT NOT NULL,
  received_at TEXT NOT NULL,
  correlation_id TEXT,
  PRIMARY KEY (article_id, version)
);
CREATE TABLE articles (
  article_id TEXT PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  version INTEGER NOT NULL,
  change TEXT NOT NULL,
  language TEXT NOT NULL,
  document TEXT NOT NULL,
  first_published_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  embargo_until TEXT,
  withdrawn_at TEXT,
  stored_at TEXT NOT NULL
);
CREATE INDEX articles_updated_at ON articles (updated_at);
CREATE TABLE article_changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  change TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  topic TEXT NOT NULL,
  message_key TEXT NOT NULL,
  message_value TEXT NOT NULL,
  headers TEXT NOT NULL,
  created_at TEXT NOT NULL,
  published_at TEXT
);
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;`,
};
