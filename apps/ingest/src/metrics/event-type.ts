import { ARTICLE_EVENT_TYPES, CONTENT_TYPES, HEADERS } from '@depeche/contracts';
import { headerText, type ConsumedMessage } from '@depeche/kafka';

/**
 * The event type for the metrics label, read without the pipeline's checks: only a known type or
 * `wire` (agency copy, whose type is implicit) may become a label, so hostile input cannot grow
 * the number of series. Anything else is `unknown`.
 */
export function eventTypeOf(message: ConsumedMessage, maxBytes: number): string {
  const contentType = headerText(message.headers, HEADERS.contentType);
  if (contentType === CONTENT_TYPES.newsmlG2 || contentType === CONTENT_TYPES.nitf) return 'wire';
  if (!message.value || message.value.length > maxBytes) return 'unknown';
  try {
    const type = (JSON.parse(message.value.toString('utf8')) as { type?: unknown }).type;
    return (ARTICLE_EVENT_TYPES as readonly unknown[]).includes(type) ? String(type) : 'unknown';
  } catch {
    return 'unknown';
  }
}
