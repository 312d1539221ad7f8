import type { ArticleChange } from '@depeche/article';
import {
  CONTENT_TYPES,
  checkMessage,
  decodeJsonEvent,
  PermanentError,
  type ArticleEventType,
  type RawMessage,
} from '@depeche/contracts';
import type { DecodedEvent } from './decoded-event';

const CHANGES: Record<ArticleEventType, ArticleChange> = {
  'article.published': 'published',
  'article.updated': 'updated',
  'article.corrected': 'corrected',
  'article.withdrawn': 'withdrawn',
};

/** Pure: the checks and the contract, from raw bytes to a decoded event, or a PermanentError. */
export function decodeArticleEvent(message: RawMessage, maxBytes: number): DecodedEvent {
  const checked = checkMessage(message, maxBytes);
  switch (checked.contentType) {
    case CONTENT_TYPES.json: {
      const event = decodeJsonEvent(checked.text, checked.key);
      const withdrawnAt =
        event.type === 'article.withdrawn'
          ? (event.article.withdrawnAt ?? event.occurredAt)
          : undefined;
      return {
        eventId: event.eventId,
        change: CHANGES[event.type],
        input: { ...event.article, ...(withdrawnAt ? { withdrawnAt } : {}) },
        ...(checked.correlationId ? { correlationId: checked.correlationId } : {}),
      };
    }
    case CONTENT_TYPES.newsmlG2:
    case CONTENT_TYPES.nitf:
      throw new PermanentError(
        'unsupported-content-type',
        `${checked.contentType} is not wired yet`,
      );
  }
}
