import { firstVisibilityChange } from '@depeche/entitlements';
import type { Article } from '@depeche/article';
import type { DocumentSpec } from '../cache/document-spec';
import { precompress } from '../cache/representation';
import type { ArticleIndex } from '../read/article-index';
import type { OlderStories } from '../read/older-stories';
import { dayStart, isOpenDay, utcDay, type ArchiveDays } from './archive-days';
import { FEED_EXTENSIONS, renderFeed, type FeedExtension } from './feed-format';
import type { FeedLinks } from './feed-links';
import type { Reader } from './reader';
import { mayDepart, viewChangedAt, wouldShow } from './view-changed-at';

export const DEFAULT_FEED_LIMIT = 50;

export interface FeedDocumentsDeps {
  readonly index: ArticleIndex;
  readonly older: OlderStories;
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
      const admit = (article: Article): boolean => visible(article, now);
      const articles = deps.index.collect(admit, limit);
      // The window holds the newest stories of the whole store: a narrow view may need older ones.
      // Those read past that left the view (an expiry) date the document as the window's do.
      const departed: Article[] = [];
      const older = await deps.older.collect(admit, limit - articles.length, undefined, (a) => {
        if (mayDepart(a)) departed.push(a);
      });
      articles.push(...older);
      // The change follower watches only the window for lifts and expiries: a story from past it
      // makes the document go stale at its own (a rights expiry comes with no event).
      const staleAt = firstVisibilityChange(older, now);
      const changedAt = viewChangedAt(
        reader,
        [...deps.index.newestFirst(), ...departed],
        articles,
        now,
      );
      const newestPage = await newestArchivePage(deps, reader, now);
      const selfUrl = deps.links.feed(
        slug,
        extension,
        limit === DEFAULT_FEED_LIMIT ? undefined : limit,
      );
      const rendition = renderFeed(FEED_EXTENSIONS[extension], {
        articles,
        channel: deps.links.documentChannel(reader, selfUrl, {
          prevArchiveUrl:
            newestPage && deps.links.archive(slug, newestPage.day, extension, newestPage.upto),
        }),
        level: reader.level,
        now,
        ...(changedAt ? { changedAt } : {}),
      });
      return {
        representation: rendition && precompress(rendition),
        members: new Set(articles.map((article) => article.id)),
        ...(staleAt ? { staleAt } : {}),
      };
    },
  };
}

/**
 * One day's archive page: the stories first published that day (by `upto`, when given), with
 * `fh:archive` (Atom, RSS), a prev-archive link to the previous day that has any and a current
 * link to the subscription document. Read from the database: archives reach beyond the in-memory
 * window.
 */
export function archiveDocument(
  deps: FeedDocumentsDeps,
  reader: Reader,
  page: { readonly day: string; readonly upto?: string },
  extension: FeedExtension,
): DocumentSpec {
  const { slug } = reader.channel;
  const { day, upto } = page;
  const inSpan = (article: Article): boolean =>
    utcDay(article.firstPublishedAt) === day &&
    (upto === undefined || article.firstPublishedAt <= upto);
  return {
    key: `archive|${reader.key}|${slug}|${day}|${upto ?? ''}|${extension}`,
    format: FEED_EXTENSIONS[extension],
    // Any client may name any day: an empty one (answered 404) takes no room in the cache.
    keepEmpty: false,
    mayAdmit: (article, now) =>
      inSpan(article) &&
      (reader.visibility(article, now).visible ||
        (mayDepart(article) && wouldShow(reader, article, now))),
    async build(now) {
      const { shown, held } = await deps.archive.storiesOf(reader, day, now, upto);
      const previous = await deps.archive.newestBefore(reader, dayStart(day), now);
      const changedAt = viewChangedAt(reader, held, shown, now);
      const rendition = renderFeed(FEED_EXTENSIONS[extension], {
        articles: shown,
        channel: deps.links.documentChannel(
          reader,
          deps.links.archive(slug, day, extension, upto),
          {
            // The previous page's day is over (it is before this one's): no bound needed.
            prevArchiveUrl: previous && deps.links.archive(slug, utcDay(previous), extension),
            currentUrl: deps.links.feed(slug, extension),
            archived: true,
          },
        ),
        level: reader.level,
        now,
        ...(changedAt ? { changedAt } : {}),
      });
      // An embargo lift or a rights expiry comes with no event, and the change follower watches
      // only the window's stories: a page of older ones goes stale at its own first change.
      const staleAt = firstVisibilityChange(held, now);
      return {
        representation: shown.length === 0 ? undefined : rendition && precompress(rendition),
        members: new Set(shown.map((article) => article.id)),
        ...(staleAt ? { staleAt } : {}),
      };
    },
  };
}

/**
 * The newest archive page: that of the newest first-publication day among the stories the reader
 * sees. A day still open is bounded by its newest story, so that the page a client reads from this
 * document never gains stories later: the next story makes a new URL. The in-memory index answers
 * unless it holds nothing for this reader.
 */
async function newestArchivePage(
  deps: FeedDocumentsDeps,
  reader: Reader,
  now: Date,
): Promise<{ day: string; upto?: string } | undefined> {
  let newest: string | undefined;
  const nowIso = now.toISOString();
  for (const article of deps.index.newestFirst()) {
    const first = article.firstPublishedAt;
    if (first > nowIso || (newest !== undefined && first <= newest)) continue;
    if (reader.visibility(article, now).visible) newest = first;
  }
  newest ??= await deps.archive.newestBefore(reader, new Date(now.getTime() + 1), now);
  if (newest === undefined) return undefined;
  const day = utcDay(newest);
  return isOpenDay(day, now) ? { day, upto: newest } : { day };
}
