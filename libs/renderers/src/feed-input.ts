import type { Article, ContentLevel } from '@depeche/article';
import type { Channel } from './channel';

/** What every feed renderer takes: the stories in feed order, the channel, the level, the clock. */
export interface FeedInput {
  /** Newest first, as the caller wants them shown; the renderer does not reorder. */
  readonly articles: readonly Article[];
  readonly channel: Channel;
  readonly level: ContentLevel;
  /** Used only when there is no story to date the document by (see documentUpdated). */
  readonly now: Date;
  /**
   * When the document's view last changed otherwise than by its stories' own versions: a story
   * that left it (withdrawn) or entered it when its embargo lifted. The document's time is the
   * newest of this and their version times, so Last-Modified never goes back or stands still while
   * the content changes (an If-Modified-Since client would be answered 304).
   */
  readonly changedAt?: Date;
}
