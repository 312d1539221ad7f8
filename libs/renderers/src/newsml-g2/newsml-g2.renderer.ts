import type { Article, ContentLevel } from '@depeche/article';
import { documentUpdated, versionTime } from '../article-times';
import type { Channel } from '../channel';
import { toRendition, type Rendition } from '../rendition';
import { cleanArticle, cleanChannel } from '../text/clean-article';
import { rfc3339 } from '../time/rfc3339';
import { xmlDocument } from '../xml/xml-document';
import { element, textElement } from '../xml/xml-node';
import { newsItemElement } from './news-item.element';
import {
  IPTC_CATALOG,
  NAR_NAMESPACE,
  NEWS_ITEM_MEDIA_TYPE,
  NEWS_MESSAGE_MEDIA_TYPE,
} from './newsml-g2.constants';

export interface NewsmlItemInput {
  readonly article: Article;
  readonly level: ContentLevel;
  /** Decides the embargo (stat:withheld until embargoUntil): re-render when the embargo lifts. */
  readonly now: Date;
}

export interface NewsmlMessageInput {
  readonly articles: readonly Article[];
  readonly channel: Channel;
  readonly level: ContentLevel;
  /** The message's `sent` time, and each item's embargo decision. */
  readonly now: Date;
}

/** One story as a NewsML-G2 2.35 newsItem (Power conformance). */
export function renderNewsmlItem({ article, level, now }: NewsmlItemInput): Rendition {
  const clean = cleanArticle(article);
  return toRendition(
    xmlDocument(newsItemElement(clean, level, now)),
    NEWS_ITEM_MEDIA_TYPE,
    versionTime(clean),
  );
}

/**
 * A NewsML-G2 newsMessage (header, then itemSet) carrying one newsItem per story, for feed pulls.
 * Withdrawn stories stay in it as `stat:canceled` items: that is how a puller learns of them.
 */
export function renderNewsmlMessage({
  articles,
  channel,
  level,
  now,
}: NewsmlMessageInput): Rendition {
  if (articles.length === 0) {
    // The 2.35 schema gives itemSet one or more items (xs:any, minOccurs 1): there is no empty message.
    throw new RangeError(
      'A NewsML-G2 newsMessage carries at least one item; answer an empty pull otherwise.',
    );
  }
  const clean = articles.map(cleanArticle);
  const root = element('newsMessage', { xmlns: NAR_NAMESPACE }, [
    element('header', {}, [
      textElement('sent', rfc3339(now)),
      element('catalogRef', { href: IPTC_CATALOG }),
      textElement('sender', cleanChannel(channel).publisher),
    ]),
    element(
      'itemSet',
      {},
      clean.map((article) => newsItemElement(article, level, now)),
    ),
  ]);
  return toRendition(xmlDocument(root), NEWS_MESSAGE_MEDIA_TYPE, documentUpdated(clean, now));
}
