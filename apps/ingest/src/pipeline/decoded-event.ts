import type { ArticleChange, ArticleInput } from '@depeche/article';

/** An event that passed every check, reduced to what normalisation needs. */
export interface DecodedEvent {
  readonly eventId: string;
  readonly change: ArticleChange;
  readonly input: ArticleInput;
  readonly correlationId?: string;
}
