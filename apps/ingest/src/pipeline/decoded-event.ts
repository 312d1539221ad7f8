import type { ArticleChange, ArticleInput } from '@depeche/article';
import type { ArticleEventType } from '@depeche/contracts';

/** An event that passed every check, reduced to what normalisation needs. */
export interface DecodedEvent {
  readonly eventId: string;
  /** The event's type, or `wire` for agency copy (its type is implicit): the metrics label. */
  readonly type: ArticleEventType | 'wire';
  readonly change: ArticleChange;
  readonly input: ArticleInput;
  readonly correlationId?: string;
}
