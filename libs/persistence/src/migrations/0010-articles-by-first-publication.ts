import type { Migration } from './migration';

/**
 * Current stories by first publication: archive pages (one UTC day each) and the search for the
 * previous page read them by that time, and scanned the whole table for it.
 */
export const ARTICLES_BY_FIRST_PUBLICATION: Migration = {
  id: '0010-articles-by-first-publication',
  postgres: 'CREATE INDEX articles_first_published_at ON articles (first_published_at);',
  sqlite: 'CREATE INDEX articles_first_published_at ON articles (first_published_at);',
};
