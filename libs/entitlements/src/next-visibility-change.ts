import type { Article } from '@depeche/article';
import { instant } from './instant';

/**
 * The next instant after `now` at which any visibility answer for this story can change without a
 * new event: the embargo lifting or the rights expiring. feed-api schedules a cache rebuild for it
 * (issue 5: embargoed items "appear when it lifts, with no new event needed"). undefined when
 * nothing is pending, and for a withdrawn story, which stays hidden until a new event.
 */
export function nextVisibilityChange(article: Article, now: Date): Date | undefined {
  if (article.change === 'withdrawn') return undefined;
  const pending = [
    article.embargoUntil === undefined ? undefined : instant(article.embargoUntil, 'embargoUntil'),
    article.rights.expiresAt === undefined
      ? undefined
      : instant(article.rights.expiresAt, 'rights.expiresAt'),
  ].filter((date): date is Date => date !== undefined && date.getTime() > now.getTime());
  if (pending.length === 0) return undefined;
  return new Date(Math.min(...pending.map((date) => date.getTime())));
}

/** The first of `articles`' next visibility changes (nextVisibilityChange); undefined: none. */
export function firstVisibilityChange(articles: readonly Article[], now: Date): Date | undefined {
  let first: number | undefined;
  for (const article of articles) {
    const at = nextVisibilityChange(article, now)?.getTime();
    if (at !== undefined && (first === undefined || at < first)) first = at;
  }
  return first === undefined ? undefined : new Date(first);
}
