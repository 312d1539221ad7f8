import type { Migration } from './migration';

/**
 * The change log looked up by story and version: the WebSub hub asks for the seq of the change a
 * delivery carries (so that feed-api serves a feed that already reflects it), and the embargo
 * release scan asks whether a version was recorded, and released. Both scanned the whole log.
 */
export const CHANGE_LOG_BY_STORY: Migration = {
  id: '0009-change-log-by-story',
  postgres: 'CREATE INDEX article_changes_by_story ON article_changes (article_id, version);',
  sqlite: 'CREATE INDEX article_changes_by_story ON article_changes (article_id, version);',
};
