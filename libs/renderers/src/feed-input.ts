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
}
