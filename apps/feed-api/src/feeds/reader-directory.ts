import {
  channelVisibility,
  mayUseFormat,
  publicVisibility,
  type Channel,
  type FeedFormat,
  type Partner,
} from '@depeche/entitlements';
import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Audience } from '../audience/audience';
import { unauthenticated } from '../audience/audience-gate';
import { FeedApiEnv } from '../config/feed-api.env';
import { Problem } from '@depeche/observability';
import { PROBLEM_TYPES } from '../http/problem';
import { Clock } from '../runtime/clock';
import { FeedStores } from '../runtime/feed-stores';
import { RefreshAheadCache } from '../runtime/refresh-ahead-cache';
import type { Reader } from './reader';

/** Channel definitions are re-read at most this often per process (admin changes bite within it). */
const CHANNEL_CACHE_MS = 1_000;
const MAX_CACHED_CHANNELS = 10_000;

/**
 * A channel as read, with the readers made of it. A reader's key hashes the entitlement and the
 * channel (sha256 of their JSON), too dear to compute per request: it is made once per channel
 * read and partner object (the authenticator hands out a new one when it re-reads the partner,
 * so an entitlement change still makes a new reader within a second).
 */
interface CachedChannel {
  readonly channel: Channel | undefined;
  readonly partnerReaders: WeakMap<Partner, Reader>;
  publicReader?: Reader;
}

/**
 * Who reads which channel: a partner's own channel narrows its entitlement; a public channel is
 * served to anyone (partners included) at the channel's level. A partner asking for a channel it
 * does not have gets 403; the public asking for a channel that is not public gets 401 (it may be a
 * partner's, and saying which would leak the partner's channel names).
 */
@Injectable()
export class ReaderDirectory {
  private readonly logger = new Logger('feed-api');
  private readonly channels: RefreshAheadCache<CachedChannel>;

  constructor(
    private readonly stores: FeedStores,
    clock: Clock,
    private readonly env: FeedApiEnv,
  ) {
    this.channels = new RefreshAheadCache(
      CHANNEL_CACHE_MS,
      MAX_CACHED_CHANNELS,
      () => clock.now().getTime(),
      (key, error) => this.logger.warn(`re-reading channel ${key} failed: ${String(error)}`),
    );
  }

  async readerOf(audience: Audience, slug: string, format?: FeedFormat): Promise<Reader> {
    if (audience.kind === 'partner') {
      const own = await this.channel(audience.partner.id, slug);
      if (own.channel) {
        const refusal = formatRefusal(audience.partner, format);
        if (refusal) throw refusal;
        return this.partnerReader(audience.partner, own, own.channel);
      }
    }
    const shared = await this.channel(undefined, slug);
    if (shared.channel) return this.publicReader(shared, shared.channel);
    if (audience.kind === 'public') throw unauthenticated('This channel needs an API key.');
    throw new Problem(403, `Your entitlement has no channel ${JSON.stringify(slug)}.`, {
      type: PROBLEM_TYPES.channelForbidden,
    });
  }

  /**
   * readerOf's reader when every channel it needs is cached and the answer is a reader; undefined
   * when a channel has to be read or the answer is a refusal (readerOf then reads or refuses).
   */
  readerAtOnce(audience: Audience, slug: string, format?: FeedFormat): Reader | undefined {
    if (audience.kind === 'partner') {
      const own = this.channelAtOnce(audience.partner.id, slug);
      if (own === undefined) return undefined;
      if (own.channel) {
        if (formatRefusal(audience.partner, format)) return undefined;
        return this.partnerReader(audience.partner, own, own.channel);
      }
    }
    const shared = this.channelAtOnce(undefined, slug);
    return shared?.channel && this.publicReader(shared, shared.channel);
  }

  /** A public channel, for the news sitemap (only public channels have one). */
  async publicReaderOf(slug: string): Promise<Reader | undefined> {
    const shared = await this.channel(undefined, slug);
    return shared.channel && this.publicReader(shared, shared.channel);
  }

  private partnerReader(partner: Partner, cached: CachedChannel, channel: Channel): Reader {
    let reader = cached.partnerReaders.get(partner);
    if (reader === undefined) {
      reader = this.newPartnerReader(partner, channel);
      cached.partnerReaders.set(partner, reader);
    }
    return reader;
  }

  private newPartnerReader(partner: Partner, channel: Channel): Reader {
    const { entitlement } = partner;
    return {
      key: `partner:${partner.id}:${fingerprint([entitlement, channel])}`,
      channel,
      level: entitlement.contentLevel,
      partnerId: partner.id,
      cacheControl: 'private, max-age=0, must-revalidate',
      visibility: (article, now) => channelVisibility(entitlement, channel.filter, article, now),
    };
  }

  private publicReader(cached: CachedChannel, channel: Channel): Reader {
    cached.publicReader ??= this.newPublicReader(channel);
    return cached.publicReader;
  }

  private newPublicReader(channel: Channel): Reader {
    return {
      key: `public:${fingerprint([channel])}`,
      channel,
      level: channel.publicLevel ?? 'summary',
      cacheControl: `public, max-age=${this.env.FEED_API_PUBLIC_MAX_AGE}`,
      visibility: (article, now) => publicVisibility(channel, article, now),
    };
  }

  private async channel(partnerId: string | undefined, slug: string): Promise<CachedChannel> {
    return this.channels.get(`${partnerId ?? ''}/${slug}`, () => this.readChannel(partnerId, slug));
  }

  private channelAtOnce(partnerId: string | undefined, slug: string): CachedChannel | undefined {
    const key = `${partnerId ?? ''}/${slug}`;
    return this.channels.getAtOnce(key, () => this.readChannel(partnerId, slug))?.value;
  }

  private async readChannel(partnerId: string | undefined, slug: string): Promise<CachedChannel> {
    return {
      channel:
        partnerId === undefined
          ? await this.stores.partners.publicChannel(slug)
          : await this.stores.partners.channel(partnerId, slug),
      partnerReaders: new WeakMap(),
    };
  }
}

/** 403 when the partner's entitlement leaves out the format asked for. */
function formatRefusal(partner: Partner, format: FeedFormat | undefined): Problem | undefined {
  if (format === undefined || mayUseFormat(partner.entitlement, format)) return undefined;
  return new Problem(403, `Your entitlement does not include the ${format} format.`, {
    type: PROBLEM_TYPES.formatForbidden,
  });
}

function fingerprint(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 16);
}
