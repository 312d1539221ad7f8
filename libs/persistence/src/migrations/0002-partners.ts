import type { Migration } from './migration';

/**
 * Partners, their API keys and channels (issue 5). Keys are kept as SHA-256 hashes only
 * (partner-key.ts says why); `key_hash` is unique so authentication is one indexed lookup.
 * `UNIQUE (partner_id, slug)` does not cover public channels: both databases treat NULLs as
 * distinct in a unique constraint, so a partial unique index keeps public slugs unique.
 * The statements are the subset both databases share, so one script serves both.
 */
const SCRIPT = `
CREATE TABLE partners (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'suspended')),
  entitlement TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE partner_keys (
  id TEXT PRIMARY KEY,
  partner_id TEXT NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
  key_hash TEXT NOT NULL UNIQUE,
  prefix TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  expires_at TEXT,
  revoked_at TEXT
);
CREATE INDEX partner_keys_partner ON partner_keys (partner_id);
CREATE TABLE channels (
  partner_id TEXT REFERENCES partners (id) ON DELETE CASCADE,
  slug TEXT NOT NULL,
  title TEXT NOT NULL,
  filter TEXT NOT NULL,
  public_level TEXT,
  language TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (partner_id, slug)
);
CREATE UNIQUE INDEX channels_public_slug ON channels (slug) WHERE partner_id IS NULL;`;

export const PARTNERS: Migration = { id: '0002-partners', postgres: SCRIPT, sqlite: SCRIPT };
