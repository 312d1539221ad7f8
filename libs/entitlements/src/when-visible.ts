import type { Article } from '@depeche/article';
import { isEmbargoed } from './embargo';
import type { EmbargoPolicy } from './entitlement';

/** When a partner may see the version: now, or when the embargo lifts for one who waits for it. */
export function whenVisible(article: Article, policy: EmbargoPolicy, now: Date): Date {
  if (policy === 'on-lift' && article.embargoUntil !== undefined && isEmbargoed(article, now)) {
    return new Date(article.embargoUntil);
  }
  return now;
}
