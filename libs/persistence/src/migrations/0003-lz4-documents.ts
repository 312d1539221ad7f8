import type { Migration } from './migration';

/**
 * Article documents (8 KB and more) are TOASTed: compressed on every write. lz4 compresses several
 * times faster than PostgreSQL's default pglz at a similar ratio, and ingest writes each document
 * twice and its announcement once. Servers built without lz4 (or older than 14) keep pglz: the
 * block says so in a NOTICE instead of failing. One line, because migration scripts are split at a
 * `;` that ends a line. SQLite does not compress.
 */
export const LZ4_DOCUMENTS: Migration = {
  id: '0003-lz4-documents',
  postgres: `DO $$ BEGIN ALTER TABLE article_versions ALTER COLUMN document SET COMPRESSION lz4; ALTER TABLE articles ALTER COLUMN document SET COMPRESSION lz4; ALTER TABLE outbox ALTER COLUMN message_value SET COMPRESSION lz4; EXCEPTION WHEN feature_not_supported OR syntax_error OR invalid_parameter_value THEN RAISE NOTICE 'lz4 is not available: documents stay pglz-compressed'; END $$;`,
  sqlite: '',
};
