import type { Article } from '@depeche/article';
import type { Entitlement, Visibility } from './entitlement';
import { visibility } from './visibility';

/**
 * What a partner gets of one story through the item endpoints. The entitlement rules as for feeds,
 * except a withdrawal: a withdrawn story leaves every feed, but a partner that could see the story
 * gets its canceled state (NewsML-G2 `stat:canceled`, ninjs `pubStatus: canceled`) so it can take
 * it down; a partner that never could gets 404 like for any story outside its entitlement.
 */
export function itemVisibility(entitlement: Entitlement, article: Article, now: Date): Visibility {
  return visibility(entitlement, asIfLive(article), now);
}

/** The story judged as it stood before the withdrawal: same sections, language, rights, embargo. */
export function asIfLive(article: Article): Article {
  return article.change === 'withdrawn' ? { ...article, change: 'published' } : article;
}
