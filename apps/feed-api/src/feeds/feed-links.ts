import type { Channel as DocumentChannel } from '@depeche/renderers';
import type { FeedApiEnv } from '../config/feed-api.env';
import type { Reader } from './reader';
import type { FeedExtension } from './feed-format';

export const GENERATOR = 'depeche 0.1.0';

/** The URLs of a channel's documents, under PUBLIC_BASE_URL. */
export class FeedLinks {
  private readonly base: string;

  constructor(private readonly env: FeedApiEnv) {
    this.base = env.PUBLIC_BASE_URL.replace(/\/+$/, '');
  }

  get hub(): string {
    return this.env.FEED_API_HUB_URL;
  }

  feed(slug: string, extension: FeedExtension, limit?: number): string {
    const query = limit === undefined ? '' : `?limit=${limit}`;
    return `${this.base}/v1/feeds/${encodeURIComponent(slug)}.${extension}${query}`;
  }

  /** A day's archive page; `upto` bounds a day still open to its stories published by then. */
  archive(slug: string, day: string, extension: FeedExtension, upto?: string): string {
    const query = upto === undefined ? '' : `?upto=${encodeURIComponent(upto)}`;
    return `${this.base}/v1/feeds/${encodeURIComponent(slug)}/archive/${day}.${extension}${query}`;
  }

  /**
   * A story's item URL, or one version's; with `format`, the URL of that representation (a
   * partner entitled to Atom only would be refused the default NewsML-G2 at the bare URL).
   */
  item(articleId: string, version?: number, format?: string): string {
    const tail = version === undefined ? '' : `/versions/${version}`;
    const query = format === undefined ? '' : `?format=${encodeURIComponent(format)}`;
    return `${this.base}/v1/items/${encodeURIComponent(articleId)}${tail}${query}`;
  }

  home(): string {
    return this.base;
  }

  /**
   * What a document says about itself. The Atom id is permanent per audience and channel
   * (RFC 4287 §4.2.6), the same across formats and pages of the feed.
   */
  documentChannel(
    reader: Reader,
    selfUrl: string,
    extras: Pick<DocumentChannel, 'prevArchiveUrl' | 'currentUrl' | 'archived'> = {},
  ): DocumentChannel {
    const { channel } = reader;
    const owner = channel.partnerId === undefined ? 'public' : `partner:${channel.partnerId}`;
    return {
      id: `urn:depeche:feed:${owner}:${channel.slug}`,
      title: channel.title,
      description: `${channel.title} — ${this.env.FEED_API_PUBLISHER}`,
      // BCP 47 `mul` (multiple languages) when the channel names none or several.
      language: channel.language ?? onlyOne(channel.filter.languages) ?? 'mul',
      link: this.home(),
      selfUrl,
      hubUrl: this.hub,
      publisher: this.env.FEED_API_PUBLISHER,
      generator: GENERATOR,
      ...extras,
    };
  }

  /** RFC 8288 Link header values: the WebSub hub and the topic (W3C WebSub §4). */
  headerLinks(selfUrl: string): string[] {
    return [`<${this.hub}>; rel="hub"`, `<${selfUrl}>; rel="self"`];
  }
}

function onlyOne(values: readonly string[]): string | undefined {
  return values.length === 1 ? values[0] : undefined;
}
