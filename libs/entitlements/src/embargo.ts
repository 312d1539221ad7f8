import type { Article } from '@depeche/article';
import { instant } from './instant';

/**
 * True while the article may not be published yet: the embargo lifts at embargoUntil exactly.
 * The same rule as @depeche/renderers' isEmbargoed (which this lib may not import), so a feed and
 * the item it lists agree on whether it is withheld.
 */
export function isEmbargoed(article: Article, now: Date): boolean {
  return (
    article.embargoUntil !== undefined &&
    instant(article.embargoUntil, 'embargoUntil').getTime() > now.getTime()
  );
}
