import type { Article } from '@depeche/article';
import { instant } from './time/instant';

/** When this version came to be: the withdrawal time for a tombstone, else the last update. */
export function versionTime(article: Article): Date {
  return article.change === 'withdrawn' && article.withdrawnAt !== undefined
    ? instant(article.withdrawnAt, 'withdrawnAt')
    : instant(article.updatedAt, 'updatedAt');
}

export function firstPublished(article: Article): Date {
  return instant(article.firstPublishedAt, 'firstPublishedAt');
}

/**
 * A feed document's `updated` / `lastBuildDate` / Last-Modified: the newest version time among the
 * stories it carries (tombstones included), so the same stories always give the same bytes and
 * ETag whenever they are rendered. Only an empty document falls back to `now`.
 */
export function documentUpdated(articles: readonly Article[], now: Date): Date {
  const times = articles.map((article) => versionTime(article).getTime());
  return times.length === 0 ? now : new Date(Math.max(...times));
}
