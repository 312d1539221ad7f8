import type { Article, ContentLevel } from '@depeche/article';
import { documentUpdated, firstPublished, versionTime } from '../article-times';
import { tagsOf } from '../categories';
import { reaches } from '../content-reach';
import type { FeedInput } from '../feed-input';
import { readerHtml } from '../markup/html-body';
import { ItemTextCache } from '../item-text-cache';
import { toRendition, type Rendition } from '../rendition';
import { cleanArticle, cleanChannel } from '../text/clean-article';
import { rfc3339 } from '../time/rfc3339';
import { embargoMark } from '../embargo';
import type { JsonFeed, JsonFeedItem } from './json-feed.types';

/** JSON Feed 1.1 §"Suggestions for publishers": served as application/feed+json. */
export const JSON_FEED_MEDIA_TYPE = 'application/feed+json';

/**
 * JSON Feed 1.1. Withdrawn stories are left out: the format has no tombstone. Built as a typed
 * object and written by JSON.stringify, which does all the escaping.
 *
 * The bytes are those of `JSON.stringify(jsonFeedObject(input), null, 2)`, with each item written
 * once per story version and level ({@link ItemTextCache}) and spliced into `items`.
 */
export function renderJsonFeed(input: FeedInput): Rendition {
  const { articles, level, now } = input;
  const shown = articles.filter((article) => article.change !== 'withdrawn');
  const empty = JSON.stringify(jsonFeedObject(input, []), null, 2);
  // `items` is the last member: its empty array ends the document.
  const body =
    shown.length === 0
      ? empty
      : Buffer.concat([
          Buffer.from(`${empty.slice(0, empty.lastIndexOf(EMPTY_ITEMS))}"items": [\n    `, 'utf8'),
          ...shown.flatMap((article, n) => [
            ...(n === 0 ? [] : [ITEM_SEPARATOR]),
            itemJson(article, level, now),
          ]),
          ITEMS_END,
        ]);
  // A withdrawal changes the feed (an item leaves it), so it counts towards Last-Modified.
  return toRendition(body, JSON_FEED_MEDIA_TYPE, documentUpdated(articles, now, input.changedAt));
}

/** The whole feed as one object: what renderJsonFeed's bytes are, written without its item cache. */
export function jsonFeedObject(input: FeedInput, items?: JsonFeedItem[]): JsonFeed {
  const { articles, channel, level } = input;
  const {
    title,
    link,
    selfUrl,
    description,
    language,
    publisher,
    hubUrl,
    nextUrl,
    prevArchiveUrl,
  } = cleanChannel(channel);
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title,
    home_page_url: link,
    feed_url: selfUrl,
    description,
    language,
    authors: [{ name: publisher }],
    hubs: hubUrl ? [{ type: 'WebSub', url: hubUrl }] : undefined,
    // JSON Feed has no archives; its next_url is where older items are, which a prev-archive is.
    next_url: nextUrl ?? prevArchiveUrl,
    items:
      items ??
      articles
        .filter((article) => article.change !== 'withdrawn')
        .map((article) => itemOf(cleanArticle(article), level, embargoMark(article, input.now))),
  };
}

const EMPTY_ITEMS = '"items": []\n}';
const ITEM_SEPARATOR = Buffer.from(',\n    ', 'utf8');
const ITEMS_END = Buffer.from('\n  ]\n}', 'utf8');

/**
 * Each item's JSON per story version and level, indented as it stands in `items` (depth 2). JSON
 * text has no raw newline inside a string, so indenting after every newline changes no value.
 */
const itemCache = new ItemTextCache();

function itemJson(article: Article, level: ContentLevel, now: Date): Buffer {
  const mark = embargoMark(article, now);
  return itemCache.get(article, `${level}|${mark ?? ''}`, () =>
    JSON.stringify(itemOf(cleanArticle(article), level, mark), null, 2).replace(/\n/g, '\n    '),
  );
}

/**
 * JSON Feed 1.1 §items: an item MUST have content_html or content_text. Headline level has no
 * text to give, so content_text is empty rather than a copy of the title a reader would see twice.
 */
function itemOf(article: Article, level: ContentLevel, embargoedUntil?: string): JsonFeedItem {
  const full = reaches(level, 'full');
  const summary = reaches(level, 'summary');
  const tags = tagsOf(article);
  const authors = article.authors.filter((author) => author.name.trim() !== '');
  return {
    id: article.guid,
    url: article.canonicalUrl,
    title: article.headline,
    content_html: full ? readerHtml(article) : undefined,
    content_text: full ? undefined : summary ? article.standfirst : '',
    summary: full ? article.standfirst : undefined,
    image: full ? article.images[0]?.url : undefined,
    date_published: rfc3339(firstPublished(article)),
    date_modified: rfc3339(versionTime(article)),
    authors: authors.length > 0 ? authors.map(({ name }) => ({ name })) : undefined,
    tags: tags.length > 0 ? tags : undefined,
    language: article.language,
    _depeche: embargoedUntil === undefined ? undefined : { embargoed_until: embargoedUntil },
  };
}
