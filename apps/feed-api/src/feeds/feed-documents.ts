import type { Article } from '@depeche/article';
import type { DocumentSpec } from '../cache/document-spec';
import { precompress } from '../cache/representation';
import type { ArticleIndex } from '../read/article-index';
import { markArchived } from './archive-marker';
import { dayStart, utcDay, type ArchiveDays } from './archive-days';
import { FEED_EXTENSIONS, renderFeed, type FeedExtension } from './feed-format';
import type { FeedLinks } from './feed-links';
import type { Reader } from './reader';
import { mayDepart, viewChangedAt, wouldShow } from './view-changed-at';

export const DEFAULT_FEED_LIMIT = 50;

export interface FeedDocumentsDeps {
  readonly index: ArticleIndex;
  readonly links: FeedLinks;
  readonly archive: ArchiveDays;
}

/**
 * The subscription document of a channel (RFC 5005 §4: the newest stories, with a prev-archive
 * link to the newest archive page): built from the in-memory index, rebuilt when a story it
 * carries changes or a story it may show appears.
 */
/** The cache key of a subscription document: everything its bytes depend on. */
export function subscriptionKey(reader: Reader, extension: FeedExtension, limit: number): string {
  return `feed|${reader.key}|${reader.channel.slug}|${extension}|${limit}`;
}

export function subscriptionDocument(
  deps: FeedDocumentsDeps,
  reader: Reader,
  extension: FeedExtension,
  limit: number,
): DocumentSpec {
  const { slug } = reader.channel;
  const visible = (article: Article, now: Date): boolean => reader.visibility(article, now).visible;
  return {
    key: subscriptionKey(reader, extension, limit),
    format: FEED_EXTENSIONS[extension],
    // A story that leaves the view (withdrawn, out of rights) dates the document: see viewChangedAt.
    mayAdmit: (article, now) =>
      visible(article, now) || (mayDepart(article) && wouldShow(reader, article, now)),
    async build(now) {
      const articles = deps.index.collect((article) => visible(article, now), limit);
      const changedAt = viewChangedAt(reader, deps.index.newestFirst(), articles, now);
      const newestDay = await newestArchiveDay(deps, reader, now);
      const selfUrl = deps.links.feed(
        slug,
        extension,
        limit === DEFAULT_FEED_LIMIT ? undefined : limit,
      );
      const rendition = renderFeed(FEED_EXTENSIONS[extension], {
        articles,
        channel: deps.links.documentChannel(reader, selfUrl, {
          prevArchiveUrl: newestDay && deps.links.archive(slug, newestDay, extension),
        }),
        level: reader.level,
        now,
        ...(changedAt ? { changedAt } : {}),
      });
      return {
        representation: rendition && precompress(rendition),
        members: new Set(articles.map((article) => article.id)),
      };
    },
  };
}

/**
 * One day's archive page: the stories first published that day, with `fh:archive` (Atom, RSS) and
 * a prev-archive link to the previous day that has any. Read from the database: archives reach
 * beyond the in-memory window.
 */
export function archiveDocument(
  deps: FeedDocumentsDeps,
  reader: Reader,
  day: string,
  extension: FeedExtension,
): DocumentSpec {
  const { slug } = reader.channel;
  return {
    key: `archive|${reader.key}|${slug}|${day}|${extension}`,
    format: FEED_EXTENSIONS[extension],
    mayAdmit: (article, now) =>
      utcDay(article.firstPublishedAt) === day && reader.visibility(article, now).visible,
    async build(now) {
      const articles = await deps.archive.storiesOf(reader, day, now);
      const previous = await deps.archive.dayBefore(reader, dayStart(day), now);
      const format = FEED_EXTENSIONS[extension];
      let rendition = renderFeed(format, {
        articles,
        channel: deps.links.documentChannel(reader, deps.links.archive(slug, day, extension), {
          prevArchiveUrl: previous && deps.links.archive(slug, previous, extension),
        }),
        level: reader.level,
        now,
      });
      if (rendition && (format === 'atom' || format === 'rss')) {
        rendition = markArchived(rendition, format);
      }
      return {
        representation: articles.length === 0 ? undefined : rendition && precompress(rendition),
        members: new Set(articles.map((article) => article.id)),
      };
    },
  };
}

/**
 * The newest archive page: the newest first-publication day among the stories the reader sees,
 * today's included (today's page is the one still growing). The in-memory index answers unless it
 * holds nothing for this reader.
 */
async function newestArchiveDay(
  deps: FeedDocumentsDeps,
  reader: Reader,
  now: Date,
): Promise<string | undefined> {
  let newest: string | undefined;
  const nowIso = now.toISOString();
  for (const article of deps.index.newestFirst()) {
    const first = article.firstPublishedAt;
    if (first > nowIso || (newest !== undefined && first <= newest)) continue;
    if (reader.visibility(article, now).visible) newest = first;
  }
  if (newest !== undefined) return utcDay(newest);
  return deps.archive.dayBefore(reader, new Date(now.getTime() + 1), now);
}
