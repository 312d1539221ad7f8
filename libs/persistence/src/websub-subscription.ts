/** A WebSub subscription (W3C WebSub §5.1): one per (topic, callback), renewed by subscribing again. */
export interface WebsubSubscription {
  readonly id: string;
  readonly topic: string;
  readonly callback: string;
  /** undefined: a public channel's feed. */
  readonly partnerId?: string;
  readonly channelSlug: string;
  /** The topic's feed format: rss, atom, json or newsml. */
  readonly format: string;
  /** Ciphertext of hub.secret, when the subscriber gave one. */
  readonly secret?: string;
  /** Ciphertext of the partner's API key, to fetch the feed as the partner sees it. */
  readonly apiKey?: string;
  readonly status: 'active' | 'expired';
  readonly leaseSeconds: number;
  readonly expiresAt: string;
  /** ETag of the feed last pushed: an unchanged feed is not pushed again. */
  readonly lastEtag?: string;
}

export interface WebsubSubscriptionRow {
  id: string;
  topic: string;
  callback: string;
  partner_id: string | null;
  channel_slug: string;
  format: string;
  secret: string | null;
  api_key: string | null;
  status: 'active' | 'expired';
  lease_seconds: number | string;
  expires_at: string;
  last_etag: string | null;
}

export const WEBSUB_COLUMNS =
  'id, topic, callback, partner_id, channel_slug, format, secret, api_key, status, lease_seconds, expires_at, last_etag';

export function websubSubscriptionOf(row: WebsubSubscriptionRow): WebsubSubscription {
  return {
    id: row.id,
    topic: row.topic,
    callback: row.callback,
    ...(row.partner_id === null ? {} : { partnerId: row.partner_id }),
    channelSlug: row.channel_slug,
    format: row.format,
    ...(row.secret === null ? {} : { secret: row.secret }),
    ...(row.api_key === null ? {} : { apiKey: row.api_key }),
    status: row.status,
    leaseSeconds: Number(row.lease_seconds),
    expiresAt: row.expires_at,
    ...(row.last_etag === null ? {} : { lastEtag: row.last_etag }),
  };
}
