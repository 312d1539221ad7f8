import type { Article, ContentLevel } from '@depeche/article';
import { documentUpdated, firstPublished } from '../article-times';
import { categoriesOf } from '../categories';
import type { Channel } from '../channel';
import { reaches } from '../content-reach';
import type { FeedInput } from '../feed-input';
import { readerHtml } from '../markup/html-body';
import { htmlText } from '../markup/html-text';
import { toRendition, type Rendition } from '../rendition';
import { cleanArticle, cleanChannel } from '../text/clean-article';
import { rfc822 } from '../time/rfc822';
import { xmlDocument } from '../xml/xml-document';
import { element, textElement, type XmlNode } from '../xml/xml-node';
import { mediaContentElement } from './media-content.element';
import { RSS_NAMESPACES } from './rss.namespaces';

export const RSS_MEDIA_TYPE = 'application/rss+xml; charset=utf-8';

/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification) with the Atom (self, hub, paging links),
 * content, Dublin Core and Media RSS modules. Withdrawn stories are left out: RSS has no tombstone.
 */
export function renderRss({ articles, channel, level, now }: FeedInput): Rendition {
  const clean = articles.map(cleanArticle);
  const shown = clean.filter((article) => article.change !== 'withdrawn');
  // A withdrawal changes the feed (an item leaves it), so it counts towards lastBuildDate.
  const updated = documentUpdated(clean, now);
  const root = element('rss', { version: '2.0', ...RSS_NAMESPACES }, [
    element('channel', {}, [
      ...channelElements(cleanChannel(channel), updated),
      shown.map((article) => itemElement(article, level)),
    ]),
  ]);
  return toRendition(xmlDocument(root), RSS_MEDIA_TYPE, updated);
}

function channelElements(channel: Channel, updated: Date): XmlNode[] {
  const links: [string, string | undefined][] = [
    ['hub', channel.hubUrl],
    ['next', channel.nextUrl],
    ['prev-archive', channel.prevArchiveUrl],
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
  ];
}

function itemElement(article: Article, level: ContentLevel): XmlNode {
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
  ]);
}
