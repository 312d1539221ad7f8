import { parseNewsmlG2, parseNitf, type ArticleChange, type WireStory } from '@depeche/article';
import {
  CONTENT_TYPES,
  checkMessage,
  decodeJsonEvent,
  PermanentError,
  type ArticleEventType,
  type RawMessage,
} from '@depeche/contracts';
import { createHash } from 'node:crypto';
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
        type: event.type,
        change: CHANGES[event.type],
        input: { ...event.article, ...(withdrawnAt ? { withdrawnAt } : {}) },
        ...(checked.correlationId ? { correlationId: checked.correlationId } : {}),
      };
    }
    case CONTENT_TYPES.newsmlG2:
      return fromWire(parseNewsmlG2(checked.text), checked.key, checked.correlationId);
    case CONTENT_TYPES.nitf:
      return fromWire(parseNitf(checked.text), checked.key, checked.correlationId);
  }
}

/**
 * Wire copy has no event id: one is derived from the story's id, version and what the item says
 * (its mapped content and change), so the same item delivered twice is recognised as the same
 * event, and an item changed without a new version is not: the store then finds the version held
 * with other content and it is dead-lettered as a version conflict, as a JSON event would be.
 * Derived from id and version alone, an agency's kill or correction sent under the same version
 * was dropped as a repeat, silently.
 */
function fromWire(story: WireStory, key: string, correlationId: string | undefined): DecodedEvent {
  if (story.input.id !== key) {
    throw new PermanentError(
      'key-mismatch',
      `key ${JSON.stringify(key)} is not the item's id ${JSON.stringify(story.input.id)}`,
      ['id'],
    );
  }
  return {
    eventId: nameBasedUuid(
      `wire:${story.input.id}:${story.input.version}:${story.change}:${JSON.stringify(story.input)}`,
    ),
    type: 'wire',
    change: story.change,
    input: story.input,
    ...(correlationId ? { correlationId } : {}),
  };
}

/** An RFC 9562 version 8 (custom) UUID from a SHA-256 of the name: stable for the same name. */
function nameBasedUuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
