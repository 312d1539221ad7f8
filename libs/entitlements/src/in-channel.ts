import type { Article } from '@depeche/article';
import type { ChannelFilter } from './entitlement';
import { languageAdmits } from './language-admits';
import { sharesAny } from './shares-any';

/** Whether the story passes a channel's filter. An empty dimension does not restrict. */
export function inChannel(filter: ChannelFilter, article: Article): boolean {
  return (
    (filter.sections.length === 0 || sharesAny(filter.sections, article.sections)) &&
    (filter.keywords.length === 0 || sharesAny(filter.keywords, article.keywords)) &&
    languageAdmits(filter.languages, article.language)
  );
}
