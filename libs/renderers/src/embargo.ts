import type { Article } from '@depeche/article';
import { instant } from './time/instant';

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
