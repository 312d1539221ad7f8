import type { Article } from './article';

/**
 * The value of a message on `syndication.items`: one accepted change of a story, normalised.
 * Repeats (at-least-once relay) carry the same eventId and version, so consumers can drop them.
 */
export interface SyndicationItem {
  readonly eventId: string;
  readonly articleId: string;
  readonly guid: string;
  readonly version: number;
  readonly change: Article['change'];
  /** When the store accepted the change. */
  readonly storedAt: string;
  readonly article: Article;
}
