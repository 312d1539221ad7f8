import type { Article } from '@depeche/article';
import { instant } from './time/instant';
import { rfc3339 } from './time/rfc3339';

/**
 * True while the article may not be published yet. The renderers mark it (NewsML-G2 `stat:withheld`
 * and `embargoed`, ninjs `embargoedUntil`); whether an embargoed story goes into a feed at all is
 * the caller's choice (entitlements), made with this same function.
 */
export function isEmbargoed(article: Article, now: Date): boolean {
  return (
    article.embargoUntil !== undefined &&
    instant(article.embargoUntil, 'embargoUntil').getTime() > now.getTime()
  );
}

/**
 * The namespace of the embargo marking in RSS and Atom, which have no element of their own for it
 * (`<embargoedUntil xmlns="urn:depeche:syndication">`); JSON Feed carries it as the `_depeche`
 * extension. Partners with early delivery are the only ones who see such an item.
 */
export const DEPECHE_NAMESPACE = 'urn:depeche:syndication';

/** The embargo's end (RFC 3339) while it holds, for the feed formats' marking; else undefined. */
export function embargoMark(article: Article, now: Date): string | undefined {
  return isEmbargoed(article, now) && article.embargoUntil !== undefined
    ? rfc3339(instant(article.embargoUntil, 'embargoUntil'))
    : undefined;
}
