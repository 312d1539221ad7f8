import type { ContentLevel } from '@depeche/article';
import type { Channel, Visibility } from '@depeche/entitlements';
import type { Article } from '@depeche/article';

/**
 * One audience reading one channel: the rule that says what it sees, at which level, and how its
 * documents may be cached. `key` names everything the bytes depend on (the partner, its
 * entitlement and the channel's filter as they are now), so an admin change makes new documents
 * rather than serving old ones.
 */
export interface Reader {
  readonly key: string;
  readonly channel: Channel;
  readonly level: ContentLevel;
  /** Partner readers may be refused a format; the public gets every feed format. */
  readonly partnerId?: string;
  /** RFC 9111 §5.2.2: private for a partner's feed, public with a max-age for a public channel. */
  readonly cacheControl: string;
  visibility(article: Article, now: Date): Visibility;
}
