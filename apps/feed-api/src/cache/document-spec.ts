import type { Article } from '@depeche/article';
import type { Representation } from './representation';

/** A built document: its bytes (undefined for an empty NewsML-G2 pull) and what it depends on. */
export interface BuiltDocument {
  readonly representation: Representation | undefined;
  /** The stories it carries: a change to one of them calls for a rebuild. */
  readonly members: ReadonlySet<string>;
  /** When it goes stale with no change (a day boundary, a story leaving a time window). */
  readonly staleAt?: Date;
}

/**
 * How to build one cached document (a feed, an archive page, a sitemap) and when to rebuild it.
 * The key names everything the bytes depend on: audience, the rules in force, channel, format.
 */
export interface DocumentSpec {
  readonly key: string;
  /** The rendition format a build renders (`rss`, `newsml`, `sitemap`…), counted per build. */
  readonly format?: string;
  /**
   * false: a build with no members is answered but not kept. For documents any client may name
   * (an archive page of any day), so that asking for empty ones cannot push the cache's documents
   * out; an empty page costs its read again, if it is asked for again.
   */
  readonly keepEmpty?: boolean;
  /** Whether a story that changed may now enter this document (leaving is known from members). */
  mayAdmit(article: Article, now: Date): boolean;
  build(now: Date): Promise<BuiltDocument>;
}
