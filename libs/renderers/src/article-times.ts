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
 * stories it carries (tombstones included) and `changedAt` (FeedInput), so the same view always
 * gives the same bytes and ETag whenever and wherever it is rendered. Only an empty document with
 * nothing else to date it by falls back to `now`.
 */
export function documentUpdated(articles: readonly Article[], now: Date, changedAt?: Date): Date {
  const times = articles.map((article) => versionTime(article).getTime());
  if (changedAt !== undefined) times.push(changedAt.getTime());
  return times.length === 0 ? now : new Date(Math.max(...times));
}
