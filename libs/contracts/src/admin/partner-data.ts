/**
 * The plain shapes of partners, entitlements and channels: what the admin API and CLI accept, what
 * the store keeps and what the entitlement rules read. They live here, below every other lib,
 * because persistence may not import @depeche/entitlements (the dependency direction of STYLE.md);
 * @depeche/entitlements re-exports them under the same names.
 */

/**
 * How much of an article a reader gets. The same list as @depeche/article's CONTENT_LEVELS, which
 * contracts may not import; a unit spec in libs/entitlements checks the two never drift apart.
 */
export const PARTNER_CONTENT_LEVELS = ['headline', 'summary', 'full'] as const;
export type PartnerContentLevel = (typeof PARTNER_CONTENT_LEVELS)[number];

/** The representations a partner may pull or be pushed. */
export const FEED_FORMATS = ['rss', 'atom', 'json', 'newsml', 'ninjs'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

export const EMBARGO_POLICIES = ['early', 'on-lift'] as const;
/** `early`: embargoed stories are delivered before the embargo lifts, marked as embargoed. */
export type EmbargoPolicy = (typeof EMBARGO_POLICIES)[number];

/**
 * What one partner may receive. Pull (feed-api) and push (distributor) both ask @depeche/entitlements,
 * so they can never disagree.
 */
export interface Entitlement {
  /** Section slugs the partner may see; a story is visible when it has at least one of them. */
  readonly sections: readonly string[];
  /** BCP 47 tags; `fr` admits `fr` and `fr-BE`. Empty admits every language. */
  readonly languages: readonly string[];
  /**
   * ISO 3166-1 alpha-2 codes of where the partner publishes. A story is visible only when its rights
   * permit every one of them (denied wins over allowed; empty allowed means everywhere not denied).
   * Empty means the partner publishes worldwide: only stories with no territory restriction at all.
   */
  readonly territories: readonly string[];
  readonly contentLevel: PartnerContentLevel;
  readonly formats: readonly FeedFormat[];
  readonly embargo: EmbargoPolicy;
}

/** A named filter over what a partner (or, when public, anyone) may see. */
export interface ChannelFilter {
  /** Empty means no restriction on that dimension. */
  readonly sections: readonly string[];
  /** Case-insensitive; a story matches when it has at least one. */
  readonly keywords: readonly string[];
  readonly languages: readonly string[];
}

export const PARTNER_STATUSES = ['active', 'suspended'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

/** A partner site or aggregator with what it is entitled to. Keys are stored apart, hashed. */
export interface Partner {
  readonly id: string;
  readonly name: string;
  readonly status: PartnerStatus;
  readonly entitlement: Entitlement;
}

/**
 * A named feed. A partner's channel narrows that partner's entitlement; a public channel (no
 * partner) is served without a key at its own content level (summary by default) and is what
 * aggregators are told about over WebSub and the news sitemap.
 */
export interface Channel {
  /** URL slug, unique among a partner's channels and among public channels, e.g. `international`. */
  readonly slug: string;
  /** undefined for a public channel. */
  readonly partnerId?: string;
  readonly title: string;
  readonly filter: ChannelFilter;
  /** Public channels only: the level anyone gets. */
  readonly publicLevel?: PartnerContentLevel;
  /** Public channels only: BCP 47 language of the channel (sitemap, feed metadata). */
  readonly language?: string;
}
