import type { FeedFormat } from '@depeche/entitlements';

/** A feed-api subscription feed named by a WebSub topic URL. */
export interface Topic {
  readonly url: string;
  readonly slug: string;
  readonly format: FeedFormat;
}

const FEED_PATH = /^\/v1\/feeds\/([a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)\.(rss|atom|json|xml)$/;
const FORMAT_OF_EXTENSION: Record<string, FeedFormat> = {
  rss: 'rss',
  atom: 'atom',
  json: 'json',
  xml: 'newsml',
};

/**
 * The topics this hub serves are feed-api's channel feeds, `<feed-api>/v1/feeds/<slug>.<ext>`,
 * exactly as feed-api links them (rel=self): no query, no fragment.
 */
export function parseTopic(text: string, feedApiUrl: string): Topic | undefined {
  let url: URL;
  let base: URL;
  try {
    url = new URL(text);
    base = new URL(feedApiUrl);
  } catch {
    return undefined;
  }
  if (url.origin !== base.origin || url.search !== '' || url.hash !== '') return undefined;
  const prefix = base.pathname.replace(/\/+$/, '');
  if (!url.pathname.startsWith(prefix)) return undefined;
  const match = FEED_PATH.exec(url.pathname.slice(prefix.length));
  if (!match?.[1] || !match[2]) return undefined;
  const format = FORMAT_OF_EXTENSION[match[2]];
  return format ? { url: url.toString(), slug: match[1], format } : undefined;
}
