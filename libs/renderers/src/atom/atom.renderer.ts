import type { Article, ContentLevel } from '@depeche/article';
import { documentUpdated, firstPublished, versionTime } from '../article-times';
import { categoriesOf } from '../categories';
import type { Channel } from '../channel';
import { reaches } from '../content-reach';
import type { FeedInput } from '../feed-input';
import { readerHtml } from '../markup/html-body';
import { ItemTextCache, spliceBefore } from '../item-text-cache';
import { toRendition, type Rendition } from '../rendition';
import { archiveMarker } from '../feed-history';
import { cleanArticle, cleanChannel } from '../text/clean-article';
import { rfc3339 } from '../time/rfc3339';
import { DEPECHE_NAMESPACE, embargoMark } from '../embargo';
import { xmlAtDepth, xmlDocument } from '../xml/xml-document';
import { element, textElement, type XmlNode } from '../xml/xml-node';
import { deletedEntryElement, TOMBSTONE_NAMESPACE } from './deleted-entry.element';

export const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';
export const ATOM_MEDIA_TYPE = 'application/atom+xml; charset=utf-8';

/**
 * Atom 1.0 (RFC 4287). A withdrawn story becomes an RFC 6721 `at:deleted-entry` tombstone. The
 * tombstones come before the entries because RFC 4287's schema (Appendix B) lets foreign elements
 * of atom:feed appear only among its metadata, ahead of every atom:entry.
 *
 * The bytes are those of `xmlDocument(atomTree(input))`, with each entry rendered once per story
 * version and level ({@link ItemTextCache}) and spliced in before the end of the feed.
 */
export function renderAtom(input: FeedInput): Rendition {
  const { articles, level, now, changedAt } = input;
  const updated = documentUpdated(articles, now, changedAt);
  const empty = xmlDocument(atomRoot(input, updated, []));
  const entries = articles
    .filter((article) => article.change !== 'withdrawn')
    .map((article) => entryXml(article, level, now));
  return toRendition(spliceBefore(empty, FEED_END, entries), ATOM_MEDIA_TYPE, updated);
}

/** The whole document as one tree: what renderAtom's bytes are, rendered without its entry cache. */
export function atomTree(input: FeedInput): XmlNode {
  const live = input.articles.filter((article) => article.change !== 'withdrawn');
  const entries = live.map((article) =>
    entryElement(cleanArticle(article), input.level, embargoMark(article, input.now)),
  );
  return atomRoot(input, documentUpdated(input.articles, input.now, input.changedAt), entries);
}

/** The feed element with its metadata and tombstones, and `entries` last. */
function atomRoot({ articles, channel }: FeedInput, updated: Date, entries: XmlNode[]): XmlNode {
  const withdrawn = articles.filter((article) => article.change === 'withdrawn').map(cleanArticle);
  const feedChannel = cleanChannel(channel);
  return element(
    'feed',
    {
      xmlns: ATOM_NAMESPACE,
      'xmlns:at': withdrawn.length > 0 ? TOMBSTONE_NAMESPACE : undefined,
      'xml:lang': feedChannel.language,
    },
    [...feedElements(feedChannel, updated), withdrawn.map(deletedEntryElement), entries],
  );
}

/** How the builder writes the end of `feed` (the root): the entries go before it. */
const FEED_END = '\n</feed>';

/** Each entry's XML per story version and level. */
const entryCache = new ItemTextCache();

/** An entry's XML as it stands in the feed; an embargoed one is marked until it lifts. */
function entryXml(article: Article, level: ContentLevel, now: Date): Buffer {
  const mark = embargoMark(article, now);
  return entryCache.get(article, `${level}|${mark ?? ''}`, () =>
    xmlAtDepth(entryElement(cleanArticle(article), level, mark), ['feed']),
  );
}

function feedElements(channel: Channel, updated: Date): XmlNode[] {
  const links: [string, string | undefined][] = [
    ['hub', channel.hubUrl],
    ['next', channel.nextUrl],
    ['prev-archive', channel.prevArchiveUrl],
    ['current', channel.currentUrl],
  ];
  return [
    // RFC 4287 §4.1.1: atom:feed MUST contain exactly one atom:id, atom:title and atom:updated.
    textElement('id', channel.id),
    textElement('title', channel.title),
    textElement('subtitle', channel.description),
    textElement('updated', rfc3339(updated)),
    // §4.1.1: an author on the feed, so that no entry lacks one (entries may have no byline).
    element('author', {}, [textElement('name', channel.publisher)]),
    element('link', { rel: 'alternate', type: 'text/html', href: channel.link }),
    element('link', { rel: 'self', type: 'application/atom+xml', href: channel.selfUrl }),
    ...links.flatMap(([rel, href]) => (href ? [element('link', { rel, href })] : [])),
    ...archiveMarker(channel),
    textElement('generator', channel.generator),
  ];
}

function entryElement(article: Article, level: ContentLevel, embargoedUntil?: string): XmlNode {
  const full = reaches(level, 'full');
  return element('entry', {}, [
    textElement('id', article.guid),
    textElement('title', article.headline),
    textElement('updated', rfc3339(versionTime(article))),
    textElement('published', rfc3339(firstPublished(article))),
    article.authors.map((author) => element('author', {}, [textElement('name', author.name)])),
    categoriesOf(article).map((category) =>
      element('category', { term: category.term, scheme: category.scheme, label: category.label }),
    ),
    element('link', { rel: 'alternate', type: 'text/html', href: article.canonicalUrl }),
    full &&
      article.images.map((image) =>
        element('link', {
          rel: 'enclosure',
          type: image.mediaType,
          href: image.url,
          title: image.caption,
        }),
      ),
    textElement('rights', article.rights.copyrightNotice),
    // type="text" is the default (§3.1.1): the standfirst is plain text, read as such.
    reaches(level, 'summary') && textElement('summary', article.standfirst),
    full && textElement('content', readerHtml(article), { type: 'html' }),
    // RFC 4287 §6.4: a foreign (extension) element; Atom has no embargo of its own.
    embargoedUntil !== undefined &&
      textElement('embargoedUntil', embargoedUntil, { xmlns: DEPECHE_NAMESPACE }),
  ]);
}
