/**
 * How much of an article a reader gets: set by a partner's entitlement or a public channel.
 * `headline`: headline and metadata; `summary`: plus the standfirst; `full`: plus body and images.
 */
export const CONTENT_LEVELS = ['headline', 'summary', 'full'] as const;
export type ContentLevel = (typeof CONTENT_LEVELS)[number];
