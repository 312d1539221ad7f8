import type { Article } from '@depeche/article';
import { itemVisibility, mayUseFormat, type Partner } from '@depeche/entitlements';
import { FeedMetrics, Problem } from '@depeche/observability';
import { publicationStatus, type Rendition } from '@depeche/renderers';
import { Injectable } from '@nestjs/common';
import { Lru } from '../cache/lru';
import { precompress, type Representation } from '../cache/representation';
import { FeedApiEnv } from '../config/feed-api.env';
import { GENERATOR, FeedLinks } from '../feeds/feed-links';
import { PROBLEM_TYPES } from '../http/problem';
import type { Served } from '../http/served';
import { Clock } from '../runtime/clock';
import { FeedStores } from '../runtime/feed-stores';
import { DEFAULT_ITEM_FORMAT, renderItem } from './item-format';
import type { ItemParams, ItemQuery, VersionParams } from './item.params';

const ITEM_CACHE_ENTRIES = 5_000;

/**
 * Single stories and single versions. A rendition depends only on the version, the level, the
 * format and the publication status (an embargo lifting turns withheld into usable), so those
 * make the cache key and nothing needs invalidating.
 */
@Injectable()
export class ItemService {
  private readonly links: FeedLinks;
  private readonly cache = new Lru<Representation>(ITEM_CACHE_ENTRIES);

  constructor(
    private readonly stores: FeedStores,
    private readonly clock: Clock,
    private readonly env: FeedApiEnv,
    private readonly metrics: FeedMetrics,
  ) {
    this.links = new FeedLinks(env);
  }

  async item(partner: Partner, params: ItemParams, query: ItemQuery): Promise<Served> {
    const current = await this.stores.articles.current(params.id);
    return this.serve(partner, current?.article, query, params.id);
  }

  async version(partner: Partner, params: VersionParams, query: ItemQuery): Promise<Served> {
    const current = await this.stores.articles.current(params.id);
    const version = await this.stores.articles.version(params.id, params.n);
    if (
      current?.article.change === 'withdrawn' &&
      version &&
      params.n !== current.article.version
    ) {
      // A withdrawn story must not be republished: its earlier versions are gone for good (RFC 9110 §15.5.11).
      if (!itemVisibility(partner.entitlement, current.article, this.clock.now()).visible) {
        return this.serve(partner, undefined, query, params.id, params.n);
      }
      throw new Problem(410, 'The story was withdrawn; its earlier versions are no longer served.');
    }
    // An earlier version is judged by the story as it now stands too: a territory denied or rights
    // expired since hide every version (an embargo on a newer version does not hide the older ones).
    if (current && version && params.n !== current.article.version) {
      const now = this.clock.now();
      const seen = itemVisibility(partner.entitlement, current.article, now);
      if (!seen.visible && seen.reason !== 'embargo')
        return this.serve(partner, undefined, query, params.id, params.n);
    }
    return this.serve(partner, version?.article, query, params.id, params.n);
  }

  private serve(
    partner: Partner,
    article: Article | undefined,
    query: ItemQuery,
    id: string,
    version?: number,
  ): Served {
    const format = query.format ?? DEFAULT_ITEM_FORMAT;
    // The URL of this very representation, format included: followed, it gives the same document.
    const selfUrl = this.links.item(id, version, format);
    const now = this.clock.now();
    const seen = article && itemVisibility(partner.entitlement, article, now);
    // 404 alike for a story that does not exist and one outside the entitlement: nothing leaks.
    if (!article || !seen?.visible) throw new Problem(404, 'No such item.');
    if (!mayUseFormat(partner.entitlement, format)) {
      throw new Problem(403, `Your entitlement does not include the ${format} format.`, {
        type: PROBLEM_TYPES.formatForbidden,
      });
    }
    const status = publicationStatus(article, now);
    // The self URL too: the item and its version URL render the same version with their own link.
    const key = JSON.stringify([article.id, article.version, seen.level, format, status, selfUrl]);
    let representation = this.cache.get(key);
    if (!representation) {
      representation = precompress(
        datedByTheLift(
          article,
          now,
          renderItem(format, {
            article,
            level: seen.level,
            now,
            channel: {
              id: `urn:depeche:item:${article.id}`,
              title: article.headline,
              description: article.standfirst || article.headline,
              language: article.language,
              link: article.canonicalUrl,
              selfUrl,
              publisher: this.env.FEED_API_PUBLISHER,
              generator: GENERATOR,
            },
          }),
        ),
      );
      this.cache.set(key, representation);
      // Counted where it is rendered: a cached rendition served again is not a render.
      this.metrics.renders.inc({ format });
    }
    return {
      representation,
      cacheControl: 'private, max-age=0, must-revalidate',
      links: [`<${selfUrl}>; rel="self"`],
    };
  }
}

/**
 * A version's rendition dated no earlier than its embargo's lift, once past: the bytes an early
 * partner gets change then (withheld → usable, the embargo marking gone) with no new version, and
 * dated by the version alone, If-Modified-Since was answered 304 over them. For anyone else the
 * item appeared then.
 */
function datedByTheLift(article: Article, now: Date, rendition: Rendition): Rendition {
  const lift = article.embargoUntil === undefined ? NaN : Date.parse(article.embargoUntil);
  if (!(lift <= now.getTime()) || lift <= rendition.lastModified.getTime()) return rendition;
  return { ...rendition, lastModified: new Date(lift) };
}
