import type { Article, ContentLevel } from '@depeche/article';
import { documentUpdated, firstPublished, versionTime } from '../article-times';
import { tagsOf } from '../categories';
import { reaches } from '../content-reach';
import type { FeedInput } from '../feed-input';
import { readerHtml } from '../markup/html-body';
import { toRendition, type Rendition } from '../rendition';
import { cleanArticle, cleanChannel } from '../text/clean-article';
import { rfc3339 } from '../time/rfc3339';
import type { JsonFeed, JsonFeedItem } from './json-feed.types';

/** JSON Feed 1.1 §"Suggestions for publishers": served as application/feed+json. */
export const JSON_FEED_MEDIA_TYPE = 'application/feed+json';

/**
 * JSON Feed 1.1. Withdrawn stories are left out: the format has no tombstone. Built as a typed
 * object and written by JSON.stringify, which does all the escaping.
 */
export function renderJsonFeed({ articles, channel, level, now }: FeedInput): Rendition {
  const clean = articles.map(cleanArticle);
  const shown = clean.filter((article) => article.change !== 'withdrawn');
  const { title, link, selfUrl, description, language, publisher, hubUrl, nextUrl } =
    cleanChannel(channel);
  const feed: JsonFeed = {
    version: 'https://jsonfeed.org/version/1.1',
    title,
    home_page_url: link,
    feed_url: selfUrl,
    description,
    language,
    authors: [{ name: publisher }],
    hubs: hubUrl ? [{ type: 'WebSub', url: hubUrl }] : undefined,
    next_url: nextUrl,
    items: shown.map((article) => itemOf(article, level)),
  };
  return toRendition(
    JSON.stringify(feed, null, 2),
    JSON_FEED_MEDIA_TYPE,
    // A withdrawal changes the feed (an item leaves it), so it counts towards Last-Modified.
    documentUpdated(clean, now),
  );
}

/**
 * JSON Feed 1.1 §items: an item MUST have content_html or content_text. Headline level has no
 * text to give, so content_text is empty rather than a copy of the title a reader would see twice.
 */
function itemOf(article: Article, level: ContentLevel): JsonFeedItem {
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
  };
}
