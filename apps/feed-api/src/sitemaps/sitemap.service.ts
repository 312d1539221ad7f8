import { firstVisibilityChange } from '@depeche/entitlements';
import type { Article } from '@depeche/article';
import { Problem } from '@depeche/observability';
import { Injectable } from '@nestjs/common';
import type { DocumentSpec } from '../cache/document-spec';
import { precompress } from '../cache/representation';
import { FeedApiEnv } from '../config/feed-api.env';
import type { Reader } from '../feeds/reader';
import { ReaderDirectory } from '../feeds/reader-directory';
import { viewChangedAt } from '../feeds/view-changed-at';
import type { Served } from '../http/served';
import { FeedRuntime } from '../runtime/feed-runtime';
import { renderNewsSitemap, SITEMAP_MAX_URLS, SITEMAP_WINDOW_MS } from './news-sitemap';

/** Google News sitemaps of public channels, cached and rebuilt like feeds. */
@Injectable()
export class SitemapService {
  constructor(
    private readonly runtime: FeedRuntime,
    private readonly readers: ReaderDirectory,
    private readonly env: FeedApiEnv,
  ) {}

  async sitemap(slug: string): Promise<Served> {
    const reader = await this.readers.publicReaderOf(slug);
    if (!reader) throw new Problem(404, `No public channel ${JSON.stringify(slug)}.`);
    const document = await this.runtime.cache.get(this.spec(reader));
    return { representation: document.representation, cacheControl: reader.cacheControl };
  }

  private spec(reader: Reader): DocumentSpec {
    const recent = (article: Article, now: Date): boolean =>
      new Date(article.firstPublishedAt).getTime() > now.getTime() - SITEMAP_WINDOW_MS &&
      reader.visibility(article, now).visible;
    return {
      key: `sitemap|${reader.key}|${reader.channel.slug}`,
      format: 'sitemap',
      mayAdmit: recent,
      build: async (now) => {
        const admit = (article: Article): boolean => recent(article, now);
        const held = this.runtime.index.collect(admit, Number.MAX_SAFE_INTEGER);
        // A version time is never before the first publication: past the window, only stories
        // updated within the 48 hours can be in it.
        const since = new Date(now.getTime() - SITEMAP_WINDOW_MS);
        const older = await this.runtime.older.collect(admit, SITEMAP_MAX_URLS, since);
        const articles = [...held, ...older]
          .sort((a, b) => (a.firstPublishedAt < b.firstPublishedAt ? 1 : -1))
          .slice(0, SITEMAP_MAX_URLS);
        const oldest = articles[articles.length - 1];
        // Past the window, a rights expiry comes with no event either.
        const expiry = firstVisibilityChange(older, now);
        const leaves =
          oldest && new Date(new Date(oldest.firstPublishedAt).getTime() + SITEMAP_WINDOW_MS);
        const staleAt = expiry && leaves ? (expiry < leaves ? expiry : leaves) : (expiry ?? leaves);
        const changedAt = latest(
          viewChangedAt(reader, this.runtime.index.newestFirst(), articles, now),
          agedOutAt(reader, this.runtime.index.newestFirst(), now),
        );
        return {
          representation: precompress(
            renderNewsSitemap(articles, this.env.FEED_API_PUBLISHER, now, changedAt),
          ),
          members: new Set(articles.map((article) => article.id)),
          // The oldest entry leaves the 48-hour window then, with no event.
          ...(staleAt && { staleAt }),
        };
      },
    };
  }
}

/**
 * When the newest story the reader sees left the sitemap's 48 hours (the view changed with no
 * event): without it, Last-Modified went back when the newest-updated story aged out, and a
 * client asking If-Modified-Since (as news crawlers do) was told 304 over a changed list.
 */
function agedOutAt(reader: Reader, held: readonly Article[], now: Date): Date | undefined {
  let newest: number | undefined;
  for (const article of held) {
    const left = new Date(article.firstPublishedAt).getTime() + SITEMAP_WINDOW_MS;
    if (left > now.getTime() || (newest !== undefined && left <= newest)) continue;
    if (reader.visibility(article, new Date(left - 1)).visible) newest = left;
  }
  return newest === undefined ? undefined : new Date(newest);
}

function latest(a: Date | undefined, b: Date | undefined): Date | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a > b ? a : b;
}
