import type { Migration } from './migration';

/**
 * Push distribution (issue 6).
 * - `webhook_endpoints`: a partner's webhook; secrets are AES-256-GCM ciphertexts (the distributor
 *   must sign with them, so they cannot be hashed), the previous one kept until the rotation overlap ends.
 * - `websub_subscriptions`: W3C WebSub §5.1, one per (topic, callback); the subscriber's secret
 *   and API key are ciphertexts too (the key fetches the feed it is pushed).
 * - `deliveries`: the durable queue. UNIQUE (target_id, guid, version) makes the fan-out of an item
 *   seen twice (syndication.items is at least once) write nothing the second time. A claim is a lease:
 *   `in_flight` with `lease_until`, taken over by any worker once it passes.
 * - `delivery_renditions`: each version rendered once per (format, level, embargo marking).
 * The statements are the subset both databases share, so one script serves both.
 */
const SCRIPT = `
CREATE TABLE webhook_endpoints (
  id TEXT PRIMARY KEY,
  partner_id TEXT NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
  url TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('newsml', 'ninjs', 'json', 'atom')),
  status TEXT NOT NULL CHECK (status IN ('active', 'disabled')),
  disabled_reason TEXT,
  secret TEXT NOT NULL,
  previous_secret TEXT,
  previous_secret_until TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX webhook_endpoints_partner ON webhook_endpoints (partner_id);
CREATE TABLE websub_subscriptions (
  id TEXT PRIMARY KEY,
  topic TEXT NOT NULL,
  callback TEXT NOT NULL,
  partner_id TEXT REFERENCES partners (id) ON DELETE CASCADE,
  channel_slug TEXT NOT NULL,
  format TEXT NOT NULL,
  secret TEXT,
  api_key TEXT,
  status TEXT NOT NULL CHECK (status IN ('active', 'expired')),
  lease_seconds INTEGER NOT NULL,
  expires_at TEXT NOT NULL,
  last_etag TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (topic, callback)
);
CREATE TABLE deliveries (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('webhook', 'websub')),
  target_id TEXT NOT NULL,
  article_id TEXT NOT NULL,
  guid TEXT NOT NULL,
  version INTEGER NOT NULL,
  change TEXT NOT NULL,
  format TEXT NOT NULL,
  level TEXT NOT NULL,
  embargoed BOOLEAN NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'in_flight', 'delivered', 'dead')),
  not_before TEXT NOT NULL,
  due_at TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  lease_owner TEXT,
  lease_until TEXT,
  last_status INTEGER,
  last_error TEXT,
  stored_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  finished_at TEXT,
  finished_by TEXT,
  UNIQUE (target_id, guid, version)
);
CREATE INDEX deliveries_due ON deliveries (status, not_before);
CREATE INDEX deliveries_article ON deliveries (target_id, article_id, version);
CREATE TABLE delivery_renditions (
  guid TEXT NOT NULL,
  version INTEGER NOT NULL,
  format TEXT NOT NULL,
  level TEXT NOT NULL,
  embargoed BOOLEAN NOT NULL,
  media_type TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (guid, version, format, level, embargoed)
);`;

export const DISTRIBUTION: Migration = {
  id: '0004-distribution',
  postgres: SCRIPT,
  sqlite: SCRIPT,
};
