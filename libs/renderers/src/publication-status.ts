import type { Article } from '@depeche/article';
import { isEmbargoed } from './embargo';

/**
 * IPTC Publishing Status NewsCodes (http://cv.iptc.org/newscodes/pubstatusg2/), shared by
 * NewsML-G2 (`stat:<code>`) and ninjs (`pubStatus`): a withdrawal cancels, an embargo withholds.
 */
export type PublicationStatus = 'usable' | 'withheld' | 'canceled';

export function publicationStatus(article: Article, now: Date): PublicationStatus {
  if (article.change === 'withdrawn') return 'canceled';
  return isEmbargoed(article, now) ? 'withheld' : 'usable';
}
