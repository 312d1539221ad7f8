import type { Article, ContentLevel } from '@depeche/article';
import { documentUpdated, versionTime } from '../article-times';
import type { Channel } from '../channel';
import { isEmbargoed } from '../embargo';
import { ItemTextCache } from '../item-text-cache';
import { publicationStatus } from '../publication-status';
import { toRendition, type Rendition } from '../rendition';
import { cleanArticle, cleanChannel } from '../text/clean-article';
import { rfc3339 } from '../time/rfc3339';
import { xmlAtDepth, xmlDocument } from '../xml/xml-document';
import { element, textElement, type XmlNode } from '../xml/xml-node';
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
  /** Each item's embargo decision, and `sent` when there is nothing else to date the message by. */
  readonly now: Date;
  /** As in FeedInput: a change of the view that no carried version dates (a withdrawal, a lift). */
  readonly changedAt?: Date;
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
 *
 * The bytes are those of `xmlDocument(newsMessageTree(input))`, with each newsItem rendered once
 * per story version, level and clock-decided state ({@link ItemTextCache}) and spliced in.
 */
export function renderNewsmlMessage(input: NewsmlMessageInput): Rendition {
  const { articles, level, now } = input;
  refuseEmpty(articles);
  const updated = documentUpdated(articles, now, input.changedAt);
  const empty = xmlDocument(newsMessageRoot(input, updated, [element(PLACEHOLDER, {}, [])]));
  const at = empty.lastIndexOf(PLACEHOLDER_XML);
  const items = articles.map((article) => newsItemXml(article, level, now));
  return toRendition(
    Buffer.concat([
      Buffer.from(empty.slice(0, at), 'utf8'),
      ...items,
      Buffer.from(empty.slice(at + PLACEHOLDER_XML.length), 'utf8'),
    ]),
    NEWS_MESSAGE_MEDIA_TYPE,
    updated,
  );
}

/** The whole message as one tree: what renderNewsmlMessage's bytes are, without its item cache. */
export function newsMessageTree(input: NewsmlMessageInput): XmlNode {
  refuseEmpty(input.articles);
  const items = input.articles.map((article) =>
    newsItemElement(cleanArticle(article), input.level, input.now),
  );
  return newsMessageRoot(input, documentUpdated(input.articles, input.now, input.changedAt), items);
}

function refuseEmpty(articles: readonly Article[]): void {
  if (articles.length === 0) {
    // The 2.35 schema gives itemSet one or more items (xs:any, minOccurs 1): there is no empty message.
    throw new RangeError(
      'A NewsML-G2 newsMessage carries at least one item; answer an empty pull otherwise.',
    );
  }
}

/**
 * The message with an itemSet holding `items`. `sent` is the time of the newest change it carries,
 * not the time it was rendered: the same stories give the same bytes, so the ETag holds across
 * rebuilds and across feed-api processes.
 */
function newsMessageRoot(
  { channel }: NewsmlMessageInput,
  updated: Date,
  items: XmlNode[],
): XmlNode {
  return element('newsMessage', { xmlns: NAR_NAMESPACE }, [
    element('header', {}, [
      textElement('sent', rfc3339(updated)),
      element('catalogRef', { href: IPTC_CATALOG }),
      textElement('sender', cleanChannel(channel).publisher),
    ]),
    element('itemSet', {}, items),
  ]);
}

/**
 * Where the items go: an itemSet with no child would be written `<itemSet/>` (empty nodes are
 * self-closing), so the document is built around a placeholder element, replaced by the items.
 */
const PLACEHOLDER = 'depeche-items';
const PLACEHOLDER_XML = `\n    <${PLACEHOLDER}/>`;

const itemCache = new ItemTextCache();

/**
 * A newsItem's XML per story version, level and what the clock decides of it (embargoed or not,
 * publication status: the only parts of an item that `now` changes), as it stands in the itemSet.
 */
function newsItemXml(article: Article, level: ContentLevel, now: Date): Buffer {
  const key = `${level}|${String(isEmbargoed(article, now))}|${publicationStatus(article, now)}`;
  return itemCache.get(article, key, () =>
    xmlAtDepth(newsItemElement(cleanArticle(article), level, now), ['newsMessage', 'itemSet']),
  );
}
