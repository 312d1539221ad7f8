import type { Article } from '@depeche/article';
import { isEmbargoed } from './embargo';
import type { Entitlement, Visibility } from './entitlement';
import { languageAdmits } from './language-admits';
import { rightsExpired } from './rights-expiry';
import { sharesAny } from './shares-any';
import { territoriesPermitted } from './territories';

/**
 * What a partner with this entitlement gets of the story at `now`. The checks run in the order of
 * HiddenReason's documentation; the first that fails is the reason. A withdrawn story is hidden
 * from every feed (the item endpoint serves its canceled state separately, issue 5).
 */
export function visibility(entitlement: Entitlement, article: Article, now: Date): Visibility {
  if (article.change === 'withdrawn') return { visible: false, reason: 'withdrawn' };
  if (rightsExpired(article, now)) return { visible: false, reason: 'rights-expired' };
  if (!sharesAny(entitlement.sections, article.sections)) {
    return { visible: false, reason: 'section' };
  }
  if (!languageAdmits(entitlement.languages, article.language)) {
    return { visible: false, reason: 'language' };
  }
  if (!territoriesPermitted(entitlement.territories, article.rights)) {
    return { visible: false, reason: 'territory' };
  }
  const embargoed = isEmbargoed(article, now);
  // Issue 5: embargoed items reach only partners entitled to early delivery, marked as embargoed.
  if (embargoed && entitlement.embargo === 'on-lift') return { visible: false, reason: 'embargo' };
  return { visible: true, level: entitlement.contentLevel, embargoed };
}
