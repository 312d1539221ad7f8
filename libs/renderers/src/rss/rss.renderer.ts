import type { Article, ContentLevel } from '@depeche/article';
import { documentUpdated, firstPublished } from '../article-times';
import { DEPECHE_NAMESPACE, embargoMark } from '../embargo';
import { categoriesOf } from '../categories';
import type { Channel } from '../channel';
import { reaches } from '../content-reach';
import type { FeedInput } from '../feed-input';
import { readerHtml } from '../markup/html-body';
import { htmlText } from '../markup/html-text';
import { ItemTextCache, spliceBefore } from '../item-text-cache';
import { toRendition, type Rendition } from '../rendition';
import { archiveMarker } from '../feed-history';
import { cleanArticle, cleanChannel } from '../text/clean-article';
import { rfc822 } from '../time/rfc822';
import { xmlAtDepth, xmlDocument } from '../xml/xml-document';
import { element, textElement, type XmlNode } from '../xml/xml-node';
import { mediaContentElement } from './media-content.element';
import { RSS_NAMESPACES } from './rss.namespaces';

export const RSS_MEDIA_TYPE = 'application/rss+xml; charset=utf-8';

/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification) with the Atom (self, hub, paging links),
 * content, Dublin Core and Media RSS modules. Withdrawn stories are left out: RSS has no tombstone.
 *
 * The bytes are those of `xmlDocument(rssTree(input))`, but each item is rendered once per story
 * version and level ({@link ItemTextCache}) and spliced into the channel: a feed is rebuilt on every
 * change it may show, and re-rendering its fifty unchanged items each time was most of feed-api's
 * work at 200 changes a second.
 */
export function renderRss(input: FeedInput): Rendition {
  const { articles, channel, level, now, changedAt } = input;
  // Times are ISO strings, which cleaning leaves as they are: no need to clean for them.
  const updated = documentUpdated(articles, now, changedAt);
  const empty = xmlDocument(rssRoot(cleanChannel(channel), updated, []));
  const items = shownIn(articles).map((article) => itemXml(article, level, now));
  return toRendition(spliceBefore(empty, CHANNEL_END, items), RSS_MEDIA_TYPE, updated);
}

/** The whole document as one tree: what renderRss's bytes are, rendered without its item cache. */
export function rssTree({ articles, channel, level, now, changedAt }: FeedInput): XmlNode {
  const updated = documentUpdated(articles, now, changedAt);
  const items = shownIn(articles).map((article) =>
    itemElement(cleanArticle(article), level, embargoMark(article, now)),
  );
  return rssRoot(cleanChannel(channel), updated, items);
}

function shownIn(articles: readonly Article[]): readonly Article[] {
  return articles.filter((article) => article.change !== 'withdrawn');
}

function rssRoot(channel: Channel, updated: Date, items: XmlNode[]): XmlNode {
  return element('rss', { version: '2.0', ...RSS_NAMESPACES }, [
    element('channel', {}, [...channelElements(channel, updated), items]),
  ]);
}

/** How the builder indents the end of `channel` (depth 1): the items go before it. */
const CHANNEL_END = '\n  </channel>';

/** Each item's XML per story version and level. */
const itemCache = new ItemTextCache();

/** An item's XML as it stands in the channel; an embargoed one is marked until it lifts. */
function itemXml(article: Article, level: ContentLevel, now: Date): Buffer {
  const mark = embargoMark(article, now);
  return itemCache.get(article, `${level}|${mark ?? ''}`, () =>
    xmlAtDepth(itemElement(cleanArticle(article), level, mark), ['rss', 'channel']),
  );
}

function channelElements(channel: Channel, updated: Date): XmlNode[] {
  const links: [string, string | undefined][] = [
    ['hub', channel.hubUrl],
    ['next', channel.nextUrl],
    ['prev-archive', channel.prevArchiveUrl],
    ['current', channel.currentUrl],
  ];
  return [
    textElement('title', channel.title),
    textElement('link', channel.link),
    textElement('description', channel.description),
    textElement('language', channel.language),
    textElement('lastBuildDate', rfc822(updated)),
    textElement('generator', channel.generator),
    // RSS Advisory Board best practice: identify the feed's own URL with atom:link rel="self".
    element('atom:link', { rel: 'self', href: channel.selfUrl, type: 'application/rss+xml' }),
    ...links.flatMap(([rel, href]) => (href ? [element('atom:link', { rel, href })] : [])),
    ...archiveMarker(channel),
  ];
}

function itemElement(article: Article, level: ContentLevel, embargoedUntil?: string): XmlNode {
  const lead = article.images[0];
  const full = reaches(level, 'full');
  return element('item', {}, [
    // Plain text: readers (feedparser among them) take a title as text unless it looks like HTML.
    textElement('title', article.headline),
    textElement('link', article.canonicalUrl),
    textElement('guid', article.guid, { isPermaLink: 'false' }),
    textElement('pubDate', rfc822(firstPublished(article))),
    article.authors.map((author) => textElement('dc:creator', author.name)),
    categoriesOf(article).map((category) =>
      textElement('category', category.term, { domain: category.scheme }),
    ),
    // Readers render description as HTML, so the plain standfirst goes in HTML-escaped.
    reaches(level, 'summary') && textElement('description', htmlText(article.standfirst)),
    full && textElement('content:encoded', readerHtml(article)),
    // RSS 2.0 allows one enclosure per item in practice (RSS Board profile); length 0 = unknown.
    full && lead && element('enclosure', { url: lead.url, length: '0', type: lead.mediaType }),
    full && article.images.map(mediaContentElement),
    embargoedUntil !== undefined &&
      textElement('embargoedUntil', embargoedUntil, { xmlns: DEPECHE_NAMESPACE }),
  ]);
}
